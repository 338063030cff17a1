/**
 * Sales velocity: the value the pipeline turns into won business per day, by the standard
 * formula (open opportunities × win rate × average deal size) ÷ average sales cycle.
 *
 * @summary
 * - Open opportunities: the count of deals open as of `asOf` (as in `open-pipeline`).
 * - Win rate: by count, won ÷ (won + lost) closed in the range (as in `win-rate`).
 * - Average deal size: Σ `amount` ÷ count of deals won in the range (as in `deal-size`).
 * - Average sales cycle: mean days from `created` to `close` of the deals won in the range
 *   (as in `sales-cycle`).
 * - Result `perDay` in the reporting currency per day, rounded to the cent; `null` when any
 *   input is `null` or the average cycle is 0 days. Range dates: close dates on or before `asOf`.
 * - Channel: all channels together; the caller passes one channel's deals for a channel view.
 *
 * @example
 * salesVelocity([
 *   deal({ id: 'd1', status: 'open', created: '2026-03-01' }),
 *   deal({ id: 'd2', status: 'won', created: '2026-01-01', close: '2026-01-31', amount: 900 }),
 *   deal({ id: 'd3', status: 'lost', created: '2026-01-10', close: '2026-02-10', amount: 400 }),
 * ], { start: '2026-01-01', end: '2026-03-31' }, { settings, asOf: '2026-03-31' })
 * //=> { range: { start: '2026-01-01', end: '2026-03-31' }, openCount: 1, winRateByCount: 0.5,
 * //     averageDealSize: 900, averageCycleDays: 30, perDay: 15 }   // 1 × 0.5 × 900 ÷ 30
 */
import type { ModelDeal } from '../core/records.ts';
import type { DateRange } from '../periods/calendar.ts';
import type { MetricContext } from './context.ts';
import { dealSize } from './deal-size.ts';
import { ratio } from './money.ts';
import { openDeals } from './open-pipeline.ts';
import { salesCycle } from './sales-cycle.ts';
import { winRate } from './win-rate.ts';

export interface SalesVelocity {
  range: DateRange;
  openCount: number;
  winRateByCount: number | null;
  averageDealSize: number | null;
  averageCycleDays: number | null;
  /** Value per day; null when an input is missing or the cycle is 0 days. */
  perDay: number | null;
}

export type VelocityInputs = Pick<SalesVelocity, 'openCount' | 'winRateByCount' | 'averageDealSize' | 'averageCycleDays'>;

/** The velocity from its four inputs (for a caller that has computed them already). */
export function velocityOf(range: DateRange, inputs: VelocityInputs): SalesVelocity {
  const { openCount, winRateByCount, averageDealSize, averageCycleDays } = inputs;
  let perDay: number | null = null;
  if (winRateByCount !== null && averageDealSize !== null && averageCycleDays !== null) {
    const value = ratio(openCount * winRateByCount * averageDealSize, averageCycleDays);
    perDay = value === null ? null : Math.round(value * 100) / 100;
  }
  return { range: { start: range.start, end: range.end }, openCount, winRateByCount, averageDealSize, averageCycleDays, perDay };
}

export function salesVelocity(deals: readonly ModelDeal[], range: DateRange, ctx: MetricContext): SalesVelocity {
  return velocityOf(range, {
    openCount: openDeals(deals, ctx.asOf).length,
    winRateByCount: winRate(deals, range, ctx).byCount,
    averageDealSize: dealSize(deals, range, ctx).averageAmount,
    averageCycleDays: salesCycle(deals, range, ctx).averageDays,
  });
}
