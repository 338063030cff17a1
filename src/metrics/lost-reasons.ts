/**
 * Lost value by reason: what the deals lost in a period were worth, grouped by the reason the
 * seller gave (the export's `lost_reason`).
 *
 * @summary
 * - A deal counts when its status is `lost` and its lost date `close` is in the range.
 * - Value = contract value `amount`; counts and sums per reason as written (trimmed); deals
 *   without a reason are grouped under `''` ("no reason given"), never dropped.
 * - Sorted by value, largest first, ties by reason; the rows add up to all lost deals.
 *
 * @example
 * lostByReason([
 *   { status: 'lost', close: '2026-11-03', amount: 100, lostReason: 'Pris' },
 *   { status: 'lost', close: '2026-11-10', amount: 250, lostReason: 'Pris ' },
 *   { status: 'lost', close: '2026-11-12', amount: 80 },
 *   { status: 'won', close: '2026-11-12', amount: 999, lostReason: 'Pris' },
 * ], { start: '2026-11-01', end: '2026-11-30' })
 * //=> [{ reason: 'Pris', count: 2, amount: 350 }, { reason: '', count: 1, amount: 80 }]
 */
import type { DateRange } from '../periods/calendar.ts';
import { inRange } from '../periods/calendar.ts';
import { sumMoney } from './money.ts';

/** Reasons in Swedish order (as `localeCompare(b, 'sv')`), one collator for every list. */
const swedish = new Intl.Collator('sv');

export interface LostReasonDeal {
  status: string;
  close: string;
  amount: number;
  lostReason?: string;
}

export interface LostReasonRow {
  /** As written in the export; `''` when none was given. */
  reason: string;
  count: number;
  amount: number;
}

export function lostByReason(deals: readonly LostReasonDeal[], range: DateRange): LostReasonRow[] {
  const groups = new Map<string, number[]>();
  for (const deal of deals) {
    if (deal.status !== 'lost' || !inRange(deal.close, range)) continue;
    const reason = (deal.lostReason ?? '').trim();
    const amounts = groups.get(reason) ?? [];
    amounts.push(deal.amount);
    groups.set(reason, amounts);
  }
  return [...groups]
    .map(([reason, amounts]) => ({ reason, count: amounts.length, amount: sumMoney(amounts) }))
    .sort((a, b) => b.amount - a.amount || swedish.compare(a.reason, b.reason));
}
