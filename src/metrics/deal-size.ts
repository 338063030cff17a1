/**
 * Average deal size: what a won deal is worth, as contract value and as annual volume.
 *
 * @summary
 * - Average amount: Σ `amount` (contract value) ÷ number of won deals; average annual amount:
 *   Σ `annualAmount` (volume per contract year, domain §1) ÷ the same count. Both rounded to the
 *   cent; `null` when nothing was won.
 * - Won deals (status `won`) whose close date (the signing date) is in the range and on or
 *   before `asOf`. Open and lost deals are left out.
 * - Per channel: each deal in its model channel; the four channels always present.
 *
 * @example
 * dealSize([
 *   deal({ id: 'd1', status: 'won', close: '2026-01-15', amount: 3600, annualAmount: 1200, channel: 'new' }),
 *   deal({ id: 'd2', status: 'won', close: '2026-02-15', amount: 600, annualAmount: 600, channel: 'upsell' }),
 *   deal({ id: 'd3', status: 'lost', close: '2026-02-20', amount: 900, channel: 'new' }),
 * ], { start: '2026-01-01', end: '2026-03-31' }, { settings, asOf: '2026-03-31' })
 * //=> { range: { start: '2026-01-01', end: '2026-03-31' }, count: 2, amount: 4200, annualAmount: 1800,
 * //     averageAmount: 2100, averageAnnualAmount: 900,
 * //     byChannel: { new: { count: 1, amount: 3600, annualAmount: 1200, averageAmount: 3600, averageAnnualAmount: 1200 },
 * //       upsell: { count: 1, …, averageAmount: 600 }, renewal: { count: 0, …, averageAmount: null }, winback: { … } } }
 */
import { CHANNEL_BUCKETS, type ChannelBucket, type ModelDeal } from '../core/records.ts';
import { inRange, type DateRange } from '../periods/calendar.ts';
import type { MetricContext } from './context.ts';
import { ratio, sumMoney } from './money.ts';

export interface DealSizeFigures {
  count: number;
  amount: number;
  annualAmount: number;
  averageAmount: number | null;
  averageAnnualAmount: number | null;
}

export interface DealSize extends DealSizeFigures {
  range: DateRange;
  byChannel: Record<ChannelBucket, DealSizeFigures>;
}

/** Won deals signed in the range, on or before `asOf`. */
export function wonIn<D extends ModelDeal>(deals: readonly D[], range: DateRange, asOf: string): D[] {
  return deals.filter((deal) => deal.status === 'won' && deal.close <= asOf && inRange(deal.close, range));
}

function toCents(value: number | null): number | null {
  return value === null ? null : Math.round(value * 100) / 100;
}

function figures(won: readonly ModelDeal[]): DealSizeFigures {
  const amount = sumMoney(won.map((deal) => deal.amount));
  const annualAmount = sumMoney(won.map((deal) => deal.annualAmount));
  return {
    count: won.length,
    amount,
    annualAmount,
    averageAmount: toCents(ratio(amount, won.length)),
    averageAnnualAmount: toCents(ratio(annualAmount, won.length)),
  };
}

export function dealSize(deals: readonly ModelDeal[], range: DateRange, ctx: MetricContext): DealSize {
  const won = wonIn(deals, range, ctx.asOf);
  const byChannel = Object.fromEntries(CHANNEL_BUCKETS.map((channel) => [channel, figures(won.filter((deal) => deal.channel === channel))])) as Record<
    ChannelBucket,
    DealSizeFigures
  >;
  return { range: { start: range.start, end: range.end }, ...figures(won), byChannel };
}
