/**
 * Channel mix: sales volume per channel per seller or per team, the table of the channels page.
 *
 * @summary
 * - Cells: sales volume (see sales-volume) of won deals whose won date `close` is in the range,
 *   by the model's `channel`; `annualVolume` (the headline, per contract year) unless
 *   `contractVolume` is asked for. Row total = sum of its four channels.
 * - Rows: one per deal `ownerId` (seller) or deal `teamId` (team; the model's owner team, else
 *   account team); deals without one form the row with key `''`. `keys` adds rows with zeros for
 *   people or teams without deals. Sorted by total, largest first, then key.
 * - Totals: per channel over all deals passed, so the totals row equals the company (or cut)
 *   total, every deal being in exactly one row. shareByChannel = cell ÷ row total (null if 0).
 *
 * @example
 * channelMix([
 *   { ownerId: 'u1', teamId: 't1', status: 'won', close: '2026-03-02', channel: 'new', amount: 300, annualAmount: 100 },
 *   { ownerId: 'u1', teamId: 't1', status: 'won', close: '2026-03-05', channel: 'renewal', amount: 100, annualAmount: 100 },
 *   { ownerId: 'u2', teamId: 't1', status: 'won', close: '2026-03-09', channel: 'new', amount: 50, annualAmount: 50 },
 * ], { start: '2026-03-01', end: '2026-03-31' }, { groupBy: 'seller' });
 * //=> { range, groupBy: 'seller', measure: 'annualVolume',
 * //     rows: [{ key: 'u1', wonDeals: 2, total: 200, byChannel: { renewal: 100, upsell: 0, winback: 0, new: 100 },
 * //              shareByChannel: { renewal: 0.5, upsell: 0, winback: 0, new: 0.5 } },
 * //            { key: 'u2', wonDeals: 1, total: 50, byChannel: { …, new: 50 }, shareByChannel: { renewal: 0, …, new: 1 } }],
 * //     totals: { wonDeals: 3, total: 250, byChannel: { renewal: 100, upsell: 0, winback: 0, new: 150 }, … } }
 */
import { CHANNEL_BUCKETS, type ChannelBucket, type ModelDeal } from '../core/records.ts';
import type { DateRange } from '../periods/calendar.ts';
import { ratio } from './money.ts';
import { salesVolume, type VolumeDeal, wonInRange } from './sales-volume.ts';
import { addTo } from '../model/group-by.ts';

export type MixDeal = VolumeDeal & Pick<ModelDeal, 'ownerId' | 'teamId'>;

export interface ChannelMixCells {
  wonDeals: number;
  total: number;
  byChannel: Record<ChannelBucket, number>;
  shareByChannel: Record<ChannelBucket, number | null>;
}

export interface ChannelMixRow extends ChannelMixCells {
  /** Seller (user) id or team id; `''` for deals without one. */
  key: string;
}

export interface ChannelMix {
  range: DateRange;
  groupBy: 'seller' | 'team';
  measure: 'annualVolume' | 'contractVolume';
  rows: ChannelMixRow[];
  totals: ChannelMixCells;
}

export function channelMix(
  deals: readonly MixDeal[],
  range: DateRange,
  options: { groupBy: 'seller' | 'team'; measure?: 'annualVolume' | 'contractVolume'; keys?: readonly string[] },
): ChannelMix {
  const { groupBy, measure = 'annualVolume', keys = [] } = options;
  const keyOf = (deal: MixDeal) => (groupBy === 'seller' ? deal.ownerId : deal.teamId);
  const cells = (subset: readonly MixDeal[]): ChannelMixCells => {
    const volume = salesVolume(subset, range);
    const total = volume[measure];
    const byChannel = Object.fromEntries(CHANNEL_BUCKETS.map((c) => [c, volume.byChannel[c][measure]]));
    const shareByChannel = Object.fromEntries(CHANNEL_BUCKETS.map((c) => [c, ratio(volume.byChannel[c][measure], total)]));
    return {
      wonDeals: volume.wonDeals,
      total,
      byChannel: byChannel as Record<ChannelBucket, number>,
      shareByChannel: shareByChannel as Record<ChannelBucket, number | null>,
    };
  };
  const won = wonInRange(deals, range);
  const wonByKey = new Map<string, MixDeal[]>(keys.map((key) => [key, []]));
  for (const deal of won) addTo(wonByKey, keyOf(deal), deal);
  const rows = [...wonByKey].map(([key, keyDeals]) => ({ key, ...cells(keyDeals) })).sort((a, b) => b.total - a.total || a.key.localeCompare(b.key));
  return { range: { ...range }, groupBy, measure, rows, totals: cells(won) };
}
