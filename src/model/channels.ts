/**
 * Channel of each deal (domain §1): the export's channel when it has one, otherwise inferred
 * from the account's history of won deals, looking only at deals won strictly before the
 * deal's close date:
 * - no earlier won deal                                      → new      (`first-deal`)
 * - the customer's last won deal and last contract end are both
 *   more than `winbackMonths` before the deal's close date    → winback  (`passive-customer`)
 * - an earlier won deal for the same product whose contract ends within
 *   `renewalWindowDays` of this deal's contract start (or close date) → renewal (`continues-contract`)
 * - otherwise (an active customer buying more)                → upsell   (`active-customer`)
 * Deals won on the same day at a new customer are all `new`.
 */
import { addDays, addMonths, daysBetween } from '../periods/calendar.ts';
import type { Channel, ChannelReason, Deal, IsoDate } from '../core/records.ts';

export interface ChannelRules {
  winbackMonths: number;
  renewalWindowDays: number;
}

export interface ChannelAssignment {
  channel: Channel;
  reason: ChannelReason;
}

interface WonContract {
  close: IsoDate;
  product: string | undefined;
  /** Contract end, or the close date when the deal has no contract period. */
  end: IsoDate;
}

function contractEnd(deal: Deal): IsoDate {
  if (deal.contractEnd) return deal.contractEnd;
  const start = deal.contractStart ?? deal.close;
  if (deal.termMonths) return addDays(addMonths(start, deal.termMonths), -1);
  return deal.close;
}

/** Infers one deal's channel from the account's earlier won contracts (sorted by close). */
function inferChannel(deal: Deal, earlierWon: readonly WonContract[], rules: ChannelRules): ChannelAssignment {
  const before = earlierWon.filter((won) => won.close < deal.close);
  if (before.length === 0) return { channel: 'new', reason: 'first-deal' };
  let lastActive = before[0]!.end;
  for (const won of before) {
    if (won.close > lastActive) lastActive = won.close;
    if (won.end > lastActive) lastActive = won.end;
  }
  if (addMonths(lastActive, rules.winbackMonths) < deal.close) return { channel: 'winback', reason: 'passive-customer' };
  const start = deal.contractStart ?? deal.close;
  const continues = before.some(
    (won) =>
      won.product !== undefined &&
      won.product === deal.product &&
      won.end !== won.close &&
      Math.abs(daysBetween(won.end, start)) <= rules.renewalWindowDays,
  );
  if (continues) return { channel: 'renewal', reason: 'continues-contract' };
  return { channel: 'upsell', reason: 'active-customer' };
}

/** Channel for every deal, keyed by the deal's index in `deals`. */
export function assignChannels(deals: readonly Deal[], rules: ChannelRules): ChannelAssignment[] {
  const wonByAccount = new Map<string, WonContract[]>();
  for (const deal of deals) {
    if (deal.status !== 'won') continue;
    const list = wonByAccount.get(deal.accountId) ?? [];
    list.push({ close: deal.close, product: deal.product, end: contractEnd(deal) });
    wonByAccount.set(deal.accountId, list);
  }
  for (const list of wonByAccount.values()) list.sort((a, b) => (a.close < b.close ? -1 : a.close > b.close ? 1 : 0));
  return deals.map((deal) =>
    deal.channelGiven
      ? { channel: deal.channelGiven, reason: 'given' }
      : inferChannel(deal, wonByAccount.get(deal.accountId) ?? [], rules),
  );
}
