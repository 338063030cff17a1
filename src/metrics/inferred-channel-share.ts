/**
 * Inferred channel share and channel-not-set share: of the annual sales volume won in a range,
 * the share whose channel tavla inferred from the customer's history (the export gave the deal no
 * channel), and the share that has no channel at all ("channel not set": the export gave none and
 * tavla inferred none, settings `channelInference`), so the site can say how much of the channel
 * split is its own reading rather than the CRM's, and how much is not split at all.
 *
 * @summary
 * - Inferred: Σ `annualAmount` of won deals in the range whose `channelReason` is neither `given`
 *   nor `not-set` ÷ Σ `annualAmount` of all won deals in the range.
 * - Not set: Σ `annualAmount` of won deals in the range with `channelReason` `not-set` ÷ the same.
 * - Both `null` when nothing was won (never NaN). Sums in cents, divided once.
 *
 * @example
 * inferredChannelShare([
 *   deal({ status: 'won', close: '2026-02-01', annualAmount: 300, channelReason: 'given' }),
 *   deal({ status: 'won', close: '2026-02-02', annualAmount: 100, channelReason: 'first-deal' }),
 * ], { start: '2026-01-01', end: '2026-12-31' })
 * //=> 0.25
 */
import type { ChannelReason, ModelDeal } from '../core/records.ts';
import type { DateRange } from '../periods/calendar.ts';
import { wonInRange } from './sales-volume.ts';

function shareOf(deals: readonly ModelDeal[], range: DateRange, counts: (reason: ChannelReason) => boolean): number | null {
  let all = 0;
  let part = 0;
  for (const deal of wonInRange(deals, range)) {
    const cents = Math.round(deal.annualAmount * 100);
    all += cents;
    if (counts(deal.channelReason)) part += cents;
  }
  return all === 0 ? null : part / all;
}

export function inferredChannelShare(deals: readonly ModelDeal[], range: DateRange): number | null {
  return shareOf(deals, range, (reason) => reason !== 'given' && reason !== 'not-set');
}

export function channelNotSetShare(deals: readonly ModelDeal[], range: DateRange): number | null {
  return shareOf(deals, range, (reason) => reason === 'not-set');
}
