/**
 * Win rate: of the deals closed in a range, the share won — by count and by value.
 *
 * @summary
 * - By count: won ÷ (won + lost), the "closed won ÷ all closed" of HubSpot and Salesforce.
 * - By value: Σ won `amount` ÷ (Σ won `amount` + Σ lost `amount`), contract values; `null` when
 *   lost deals closed but none carries a value (exports often zero a lost deal's amount: that
 *   is an absent value, not a 100 % win rate).
 * - A deal is in the range by its close date (signing date for won, lost date for lost), and
 *   only when that date is on or before `asOf` (the report does not see the future). Open
 *   deals are left out, however old. `null` when nothing closed (never NaN).
 * - Per channel: each deal in its model channel (`channel`, given or inferred); the four
 *   channels always present; their counts add up to the total.
 *
 * @example
 * winRate([
 *   deal({ id: 'd1', status: 'won', close: '2026-02-01', amount: 300, channel: 'new' }),
 *   deal({ id: 'd2', status: 'lost', close: '2026-02-20', amount: 100, channel: 'new' }),
 *   deal({ id: 'd3', status: 'lost', close: '2026-03-05', amount: 200, channel: 'upsell' }),
 * ], { start: '2026-01-01', end: '2026-03-31' }, { settings, asOf: '2026-03-31' })
 * //=> { range: { start: '2026-01-01', end: '2026-03-31' }, won: 1, lost: 2, wonAmount: 300,
 * //     lostAmount: 300, byCount: 0.3333333333333333, byValue: 0.5,
 * //     byChannel: { new: { won: 1, lost: 1, …, byCount: 0.5, byValue: 0.75 },
 * //       upsell: { won: 0, lost: 1, …, byCount: 0, byValue: 0 }, renewal: { …null }, winback: { …null } } }
 */
import { CHANNEL_BUCKETS, type ChannelBucket, type ModelDeal } from '../core/records.ts';
import type { DateRange } from '../periods/calendar.ts';
import type { MetricContext } from './context.ts';
import { dealStateAsOf } from './deal-state.ts';
import { ratio, sumMoney } from './money.ts';

export interface WinRateFigures {
  won: number;
  lost: number;
  wonAmount: number;
  lostAmount: number;
  /** won ÷ (won + lost); null when nothing closed. */
  byCount: number | null;
  /** won amount ÷ (won + lost amount); null when nothing closed or all closed at 0. */
  byValue: number | null;
}

export interface WinRate extends WinRateFigures {
  range: DateRange;
  byChannel: Record<ChannelBucket, WinRateFigures>;
}

/** The figures from won and lost counts and sums in cents (sums as `sumMoney`: exact, order-free). */
function figures(won: number, lost: number, wonCents: number, lostCents: number): WinRateFigures {
  const wonAmount = wonCents / 100;
  const lostAmount = lostCents / 100;
  return {
    won,
    lost,
    wonAmount,
    lostAmount,
    byCount: ratio(won, won + lost),
    // Lost deals that carry no value (the export leaves lost amounts empty or 0) give no
    // value-based rate: "–", not 100 %.
    byValue: lost > 0 && lostCents === 0 ? null : ratio(wonAmount, sumMoney([wonAmount, lostAmount])),
  };
}

export function winRate(deals: readonly ModelDeal[], range: DateRange, ctx: MetricContext): WinRate {
  // One pass: counts and cents per channel, the totals their sums (every deal has one channel).
  const won: Record<string, number> = {};
  const lost: Record<string, number> = {};
  const wonCents: Record<string, number> = {};
  const lostCents: Record<string, number> = {};
  for (const channel of CHANNEL_BUCKETS) won[channel] = lost[channel] = wonCents[channel] = lostCents[channel] = 0;
  const { start, end } = range;
  const { asOf } = ctx;
  for (const deal of deals) {
    // Won or lost as of as-of (`dealStateAsOf`): closed on or before as-of, created by then.
    const state = dealStateAsOf(deal, asOf);
    if ((state !== 'won' && state !== 'lost') || deal.close < start || deal.close > end) continue;
    if (deal.status === 'won') {
      won[deal.channel]!++;
      wonCents[deal.channel]! += Math.round(deal.amount * 100);
    } else if (deal.status === 'lost') {
      lost[deal.channel]!++;
      lostCents[deal.channel]! += Math.round(deal.amount * 100);
    }
  }
  const byChannel = Object.fromEntries(CHANNEL_BUCKETS.map((c) => [c, figures(won[c]!, lost[c]!, wonCents[c]!, lostCents[c]!)])) as Record<
    ChannelBucket,
    WinRateFigures
  >;
  const sum = (values: Record<string, number>) => CHANNEL_BUCKETS.reduce((total, channel) => total + values[channel]!, 0);
  return { range: { start: range.start, end: range.end }, ...figures(sum(won), sum(lost), sum(wonCents), sum(lostCents)), byChannel };
}
