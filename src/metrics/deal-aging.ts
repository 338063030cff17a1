/**
 * Deal aging: how old the open deals are, in age buckets with counts and value.
 *
 * @summary
 * - Age of a deal: whole days from `created` to `asOf` (created today = 0).
 * - Deals open as of `asOf` (status `open`, created on or before `asOf`), in five buckets,
 *   always all present: 0–30, 31–60, 61–90, 91–180 and over 180 days. Count and Σ `amount`
 *   per bucket; `averageAgeDays` = Σ age ÷ count (`null` without open deals).
 * - A deal without created date (`NO_CREATED_DATE`) has no age: it is in `count` and `amount`
 *   but in no bucket nor the average; `unknownAge` counts them, so buckets + unknownAge = count.
 * - No period: a snapshot as of `asOf`. Channel: all; the caller passes one channel's deals.
 *
 * @example
 * dealAging([
 *   deal({ id: 'd1', status: 'open', created: '2026-03-21', amount: 100 }), // 10 days
 *   deal({ id: 'd2', status: 'open', created: '2025-12-31', amount: 200 }), // 90 days
 *   deal({ id: 'd3', status: 'won', created: '2025-01-01', amount: 300 }),  // not open
 * ], { settings, asOf: '2026-03-31' })
 * //=> { asOf: '2026-03-31', count: 2, amount: 300, averageAgeDays: 50, buckets: [
 * //     { bucket: '0-30', minDays: 0, maxDays: 30, count: 1, amount: 100 },
 * //     { bucket: '31-60', minDays: 31, maxDays: 60, count: 0, amount: 0 },
 * //     { bucket: '61-90', minDays: 61, maxDays: 90, count: 1, amount: 200 },
 * //     { bucket: '91-180', minDays: 91, maxDays: 180, count: 0, amount: 0 },
 * //     { bucket: '181+', minDays: 181, maxDays: null, count: 0, amount: 0 } ],
 * //   unknownAge: { count: 0, amount: 0 } }
 */
import { NO_CREATED_DATE, type Deal, type IsoDate } from '../core/records.ts';
import { daysBetween } from '../periods/calendar.ts';
import type { MetricContext } from './context.ts';
import { ratio, sumMoney } from './money.ts';
import { openDeals } from './open-pipeline.ts';

export const AGE_BUCKETS = [
  { bucket: '0-30', minDays: 0, maxDays: 30 },
  { bucket: '31-60', minDays: 31, maxDays: 60 },
  { bucket: '61-90', minDays: 61, maxDays: 90 },
  { bucket: '91-180', minDays: 91, maxDays: 180 },
  { bucket: '181+', minDays: 181, maxDays: null },
] as const;

export type AgeBucketId = (typeof AGE_BUCKETS)[number]['bucket'];

export interface AgeBucket {
  bucket: AgeBucketId;
  minDays: number;
  /** null: no upper bound. */
  maxDays: number | null;
  count: number;
  amount: number;
}

export interface DealAging {
  asOf: IsoDate;
  count: number;
  amount: number;
  averageAgeDays: number | null;
  buckets: AgeBucket[];
  /** Open deals without created date: age unknown, in no bucket. */
  unknownAge: { count: number; amount: number };
}

export function dealAging(deals: readonly Deal[], ctx: MetricContext): DealAging {
  const open = openDeals(deals, ctx.asOf);
  const unknown = open.filter((deal) => deal.created === NO_CREATED_DATE);
  const aged = open.filter((deal) => deal.created !== NO_CREATED_DATE).map((deal) => ({ deal, age: daysBetween(deal.created, ctx.asOf) }));
  const buckets = AGE_BUCKETS.map(({ bucket, minDays, maxDays }) => {
    const inBucket = aged.filter(({ age }) => age >= minDays && (maxDays === null || age <= maxDays));
    return { bucket, minDays, maxDays, count: inBucket.length, amount: sumMoney(inBucket.map(({ deal }) => deal.amount)) };
  });
  return {
    asOf: ctx.asOf,
    count: open.length,
    amount: sumMoney(open.map((deal) => deal.amount)),
    averageAgeDays: ratio(
      aged.reduce((total, { age }) => total + age, 0),
      aged.length,
    ),
    buckets,
    unknownAge: { count: unknown.length, amount: sumMoney(unknown.map((deal) => deal.amount)) },
  };
}
