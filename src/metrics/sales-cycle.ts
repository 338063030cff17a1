/**
 * Sales cycle: how many days a won deal took from creation to signing.
 *
 * @summary
 * - Cycle of one deal: days from `created` to `close` (the signing date), calendar days.
 * - Average: Σ cycle days ÷ number of won deals; median: the middle cycle (mean of the two
 *   middle ones for an even count). `null` when no deal was won. Unrounded.
 * - Won deals (status `won`) whose close date is in the range and on or before `asOf`. A deal
 *   closed before it was created (a data error), or exported without created date (cycle
 *   unknown), is left out and counted in `excluded`.
 * - Per channel: each deal in its model channel (winback cycles are shorter than new, domain §1).
 *
 * @example
 * salesCycle([
 *   deal({ id: 'd1', status: 'won', created: '2026-01-01', close: '2026-01-31', channel: 'new' }),   // 30
 *   deal({ id: 'd2', status: 'won', created: '2026-01-01', close: '2026-03-02', channel: 'new' }),   // 60
 *   deal({ id: 'd3', status: 'won', created: '2026-02-01', close: '2026-02-11', channel: 'winback' }), // 10
 * ], { start: '2026-01-01', end: '2026-03-31' }, { settings, asOf: '2026-03-31' })
 * //=> { range: { start: '2026-01-01', end: '2026-03-31' }, count: 3, averageDays: 33.333333333333336,
 * //     medianDays: 30, excluded: 0, byChannel: { new: { count: 2, averageDays: 45, medianDays: 45 },
 * //       winback: { count: 1, averageDays: 10, medianDays: 10 }, renewal: { count: 0, averageDays: null, … }, … } }
 */
import { CHANNEL_BUCKETS, NO_CREATED_DATE, type ChannelBucket, type ModelDeal } from '../core/records.ts';
import { daysBetween, type DateRange } from '../periods/calendar.ts';
import type { MetricContext } from './context.ts';
import { wonIn } from './deal-size.ts';
import { ratio } from './money.ts';

export interface SalesCycleFigures {
  count: number;
  averageDays: number | null;
  medianDays: number | null;
}

export interface SalesCycle extends SalesCycleFigures {
  range: DateRange;
  /** Won deals in the range with a close date before the created date. */
  excluded: number;
  byChannel: Record<ChannelBucket, SalesCycleFigures>;
}

function median(sorted: ArrayLike<number>): number | null {
  if (sorted.length === 0) return null;
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

function figures(cycles: readonly { channel: ChannelBucket; days: number }[]): SalesCycleFigures {
  // Whole days, sorted ascending as numbers (a typed array sorts numerically without a comparator).
  const days = Float64Array.from(cycles, (cycle) => cycle.days).sort();
  return {
    count: days.length,
    averageDays: ratio(
      days.reduce((total, value) => total + value, 0),
      days.length,
    ),
    medianDays: median(days),
  };
}

export function salesCycle(deals: readonly ModelDeal[], range: DateRange, ctx: MetricContext): SalesCycle {
  const won = wonIn(deals, range, ctx.asOf);
  const cycles = won
    .filter((deal) => deal.created !== NO_CREATED_DATE)
    .map((deal) => ({ channel: deal.channel, days: daysBetween(deal.created, deal.close) }))
    .filter((cycle) => cycle.days >= 0);
  const byChannel = Object.fromEntries(CHANNEL_BUCKETS.map((channel) => [channel, figures(cycles.filter((cycle) => cycle.channel === channel))])) as Record<
    ChannelBucket,
    SalesCycleFigures
  >;
  return {
    range: { start: range.start, end: range.end },
    ...figures(cycles),
    excluded: won.length - cycles.length,
    byChannel,
  };
}
