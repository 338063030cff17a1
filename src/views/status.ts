/**
 * Status of a result against its budget, shown by colour AND by a word and a shape, so it reads
 * without colour (colour-blind readers, black-and-white print): on track (≥ 100 %), watch
 * (from the attention threshold up to 100 %), behind (below the threshold), none (no budget).
 */
import { t, type Locale, type MessageKey } from '../i18n/index.ts';

export type Status = 'on-track' | 'watch' | 'behind' | 'none';

export function statusOf(attainment: number | null | undefined, behindBelow: number): Status {
  if (attainment === null || attainment === undefined) return 'none';
  if (attainment >= 1) return 'on-track';
  return attainment >= behindBelow ? 'watch' : 'behind';
}

const KEY: Record<Status, MessageKey> = {
  'on-track': 'status.onTrack',
  watch: 'status.watch',
  behind: 'status.behind',
  none: 'status.none',
};

/** A shape per status, so the status reads in monochrome too: ▲ ● ▼ –. */
export const STATUS_MARK: Record<Status, string> = { 'on-track': '▲', watch: '●', behind: '▼', none: '–' };

export function statusLabel(locale: Locale, status: Status): string {
  return t(locale, KEY[status]);
}

/** Plain text for tables and CSV cells: "▼ Efter". */
export function statusText(locale: Locale, status: Status): string {
  return `${STATUS_MARK[status]} ${statusLabel(locale, status)}`;
}
