/**
 * Sales volume: won deals' value, booked on the day the customer signs (domain §1).
 *
 * @summary
 * - Figure: a sum, no denominator. The headline "sales volume" is `annualVolume`, the sum of
 *   `annualAmount` (value per contract year: a 3-year 3.6 MSEK deal counts 1.2 MSEK), because
 *   multi-year contracts are reported per contract year. `contractVolume` (sum of `amount`, the
 *   whole contract) is shown beside it. `wonDeals` counts the deals summed.
 * - Period: a deal is in a range when its won date `close` is inside it (inclusive).
 * - Included: `status === 'won'` only; open and lost deals never count.
 * - Channel: the model's `channel` (given or inferred), or `unset` when the export gives none and
 *   none is inferred (settings `channelInference`). All four channels and `unset` are always
 *   present and sum to the total, because every deal is in exactly one of them.
 *
 * @example
 * salesVolume([
 *   { status: 'won', close: '2026-03-02', channel: 'new', amount: 3_600_000, annualAmount: 1_200_000 },
 *   { status: 'won', close: '2026-03-20', channel: 'renewal', amount: 100_000, annualAmount: 100_000 },
 *   { status: 'lost', close: '2026-03-05', channel: 'new', amount: 50_000, annualAmount: 50_000 },
 * ], { start: '2026-03-01', end: '2026-03-31' });
 * //=> { range: { start: '2026-03-01', end: '2026-03-31' },
 * //     wonDeals: 2, annualVolume: 1_300_000, contractVolume: 3_700_000,
 * //     byChannel: { renewal: { wonDeals: 1, annualVolume: 100_000, contractVolume: 100_000 },
 * //                  upsell: { wonDeals: 0, annualVolume: 0, contractVolume: 0 },
 * //                  winback: { wonDeals: 0, annualVolume: 0, contractVolume: 0 },
 * //                  new: { wonDeals: 1, annualVolume: 1_200_000, contractVolume: 3_600_000 } } }
 */
import { CHANNEL_BUCKETS, type ChannelBucket, type ModelDeal } from '../core/records.ts';
import { type DateRange, inRange } from '../periods/calendar.ts';
import { monthOf, monthsBetween } from '../periods/fiscal.ts';
import { sumMoney } from './money.ts';

/** The deal fields sales volume reads. */
export type VolumeDeal = Pick<ModelDeal, 'status' | 'close' | 'channel' | 'amount' | 'annualAmount'>;

export interface VolumeFigures {
  wonDeals: number;
  /** Headline sales volume: sum of `annualAmount` (per contract year). */
  annualVolume: number;
  /** Sum of `amount` (whole contract value). */
  contractVolume: number;
}

export interface SalesVolume extends VolumeFigures {
  range: DateRange;
  byChannel: Record<ChannelBucket, VolumeFigures>;
}

export interface SalesVolumeMonth extends VolumeFigures {
  /** `YYYY-MM`. */
  month: string;
  byChannel: Record<ChannelBucket, VolumeFigures>;
}

/** Won deals whose won date is inside the range. */
export function wonInRange<D extends VolumeDeal>(deals: readonly D[], range: DateRange): D[] {
  return deals.filter((deal) => deal.status === 'won' && inRange(deal.close, range));
}

/** Count and sums of already selected deals (no filtering). */
export function volumeFigures(deals: readonly VolumeDeal[]): VolumeFigures {
  return {
    wonDeals: deals.length,
    annualVolume: sumMoney(deals.map((deal) => deal.annualAmount)),
    contractVolume: sumMoney(deals.map((deal) => deal.amount)),
  };
}

/** Figures from a count and sums in cents (the sums `salesVolume` and `salesVolumeByMonth` keep). */
function figures(n: number, annualCents: number, contractCents: number): VolumeFigures {
  return { wonDeals: n, annualVolume: annualCents / 100, contractVolume: contractCents / 100 };
}

/** Sales volume in a range, in total and per channel (one pass; sums in cents as `sumMoney`). */
export function salesVolume(deals: readonly VolumeDeal[], range: DateRange): SalesVolume {
  const count: Record<string, number> = {};
  const annual: Record<string, number> = {};
  const contract: Record<string, number> = {};
  for (const channel of CHANNEL_BUCKETS) count[channel] = annual[channel] = contract[channel] = 0;
  const { start, end } = range;
  for (const deal of deals) {
    if (deal.status !== 'won' || deal.close < start || deal.close > end) continue;
    count[deal.channel]!++;
    annual[deal.channel]! += Math.round(deal.annualAmount * 100);
    contract[deal.channel]! += Math.round(deal.amount * 100);
  }
  const byChannel = Object.fromEntries(CHANNEL_BUCKETS.map((channel) => [channel, figures(count[channel]!, annual[channel]!, contract[channel]!)])) as Record<
    ChannelBucket,
    VolumeFigures
  >;
  const sum = (cents: Record<string, number>) => CHANNEL_BUCKETS.reduce((total, channel) => total + cents[channel]!, 0);
  return { range: { ...range }, ...figures(sum(count), sum(annual), sum(contract)), byChannel };
}

/**
 * The sales volume of a range made of disjoint parts (e.g. the months of a year-to-date), from
 * the parts' figures: counts and cents added, so equal to `salesVolume` over the whole range.
 */
export function sumVolumes(parts: readonly Omit<SalesVolume, 'range'>[], range: DateRange): SalesVolume {
  const add = (list: readonly VolumeFigures[]): VolumeFigures => ({
    wonDeals: list.reduce((n, part) => n + part.wonDeals, 0),
    annualVolume: sumMoney(list.map((part) => part.annualVolume)),
    contractVolume: sumMoney(list.map((part) => part.contractVolume)),
  });
  const byChannel = Object.fromEntries(CHANNEL_BUCKETS.map((channel) => [channel, add(parts.map((part) => part.byChannel[channel]))])) as Record<
    ChannelBucket,
    VolumeFigures
  >;
  return { range: { ...range }, ...add(parts), byChannel };
}

/**
 * Sales volume per calendar month (`YYYY-MM`) × channel, for every month touching the range
 * (months without deals included). A partly covered month only counts the days in the range.
 */
export function salesVolumeByMonth(deals: readonly VolumeDeal[], range: DateRange): SalesVolumeMonth[] {
  // One pass over the deals: counts and cents per month and channel (as `salesVolume` sums them).
  const months = monthsBetween(range);
  const index = new Map(months.map((month, i) => [month, i]));
  const count = months.map(() => CHANNEL_BUCKETS.map(() => 0));
  const annual = months.map(() => CHANNEL_BUCKETS.map(() => 0));
  const contract = months.map(() => CHANNEL_BUCKETS.map(() => 0));
  const channelIndex = new Map<string, number>(CHANNEL_BUCKETS.map((channel, i) => [channel, i]));
  const { start, end } = range;
  for (const deal of deals) {
    if (deal.status !== 'won' || deal.close < start || deal.close > end) continue;
    const m = index.get(monthOf(deal.close));
    const c = channelIndex.get(deal.channel);
    if (m === undefined || c === undefined) continue;
    count[m]![c]!++;
    annual[m]![c]! += Math.round(deal.annualAmount * 100);
    contract[m]![c]! += Math.round(deal.amount * 100);
  }
  const sum = (values: number[]) => values.reduce((total, value) => total + value, 0);
  return months.map((month, m) => {
    const byChannel = Object.fromEntries(CHANNEL_BUCKETS.map((channel, c) => [channel, figures(count[m]![c]!, annual[m]![c]!, contract[m]![c]!)])) as Record<
      ChannelBucket,
      VolumeFigures
    >;
    return { month, ...figures(sum(count[m]!), sum(annual[m]!), sum(contract[m]!)), byChannel };
  });
}
