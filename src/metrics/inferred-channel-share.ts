/**
 * Inferred channel share: of the annual sales volume won in a range, the share whose channel
 * tavla inferred from the customer's history (the export gave the deal no channel), so the site
 * can say how much of the channel split is its own reading rather than the CRM's.
 *
 * @summary
 * - Value: Σ `annualAmount` of won deals in the range with `channelReason` other than `given`
 *   ÷ Σ `annualAmount` of all won deals in the range. `null` when nothing was won (never NaN).
 *
 * @example
 * inferredChannelShare([
 *   deal({ status: 'won', close: '2026-02-01', annualAmount: 300, channelReason: 'given' }),
 *   deal({ status: 'won', close: '2026-02-02', annualAmount: 100, channelReason: 'first-deal' }),
 * ], { start: '2026-01-01', end: '2026-12-31' })
 * //=> 0.25
 */
import type { ModelDeal } from '../core/records.ts';
import type { DateRange } from '../periods/calendar.ts';
import { wonInRange } from './sales-volume.ts';

export function inferredChannelShare(deals: readonly ModelDeal[], range: DateRange): number | null {
  let all = 0;
  let inferred = 0;
  for (const deal of wonInRange(deals, range)) {
    const cents = Math.round(deal.annualAmount * 100);
    all += cents;
    if (deal.channelReason !== 'given') inferred += cents;
  }
  return all === 0 ? null : inferred / all;
}
