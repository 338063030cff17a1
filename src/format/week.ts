/**
 * ISO week labels as Nordic readers write them: `2026-W47` → "v. 47" (sv), "uge 47" (da),
 * "W47" (en). The space after "v." / "uge" is U+00A0 so the label never wraps.
 */
import { t, type Locale } from '../i18n/index.ts';
import { isoWeekRange } from '../periods/iso-week.ts';
import { formatDateRange } from './date.ts';

const WEEK = /^(\d{4})-W(\d{2})$/;

export interface WeekLabelOptions {
  /** `'long'`: "Vecka 47", "Uge 47", "Week 47". Default `'short'`. */
  style?: 'short' | 'long';
  /** Append the week-numbering year: "v. 47 2026". */
  year?: boolean;
}

/** `weekLabel('2026-W47', 'sv')` → `"v. 47"`; `{year: true}` → `"v. 47 2026"`. Throws on a malformed label. */
export function weekLabel(week: string, locale: Locale, options: WeekLabelOptions = {}): string {
  const match = WEEK.exec(week);
  if (!match) throw new Error(`expected an ISO week like 2026-W47, got "${week}"`);
  const label = t(locale, options.style === 'long' ? 'week.long' : 'week.short', { week: Number(match[2]) });
  return options.year ? t(locale, 'week.withYear', { week: label, year: match[1] ?? '' }) : label;
}

/** Monday to Sunday of the week: `weekRangeLabel('2026-W47', 'sv')` → `"16–22 nov. 2026"`. */
export function weekRangeLabel(week: string, locale: Locale): string {
  const { start, end } = isoWeekRange(week);
  return formatDateRange(start, end, locale);
}
