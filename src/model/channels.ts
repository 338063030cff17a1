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
 *
 * Whether tavla infers at all is the setting `channelInference`:
 * - `on`: every deal without a channel in the export is inferred as above;
 * - `off`: none is; such a deal is `unset` ("channel not set", reason `not-set`);
 * - `auto` (default): inferred only with enough history. The export's history starts at its
 *   earliest deal date (created or close); a deal is inferred only when that start lies at
 *   least `winbackMonths` before the deal's date (its close date, else its created date), since
 *   only then can an earlier purchase in the win-back window be seen. Otherwise `unset`.
 * A deal without an account is never inferred (there is no customer history to read): `unset`.
 */
import { addDays, addMonths, daysBetween } from '../periods/calendar.ts';
import { NO_CLOSE_DATE, type ChannelBucket, type ChannelReason, type Deal, type IsoDate } from '../core/records.ts';

export interface ChannelRules {
  winbackMonths: number;
  renewalWindowDays: number;
  /** `on`, `off`, or `auto` (only with enough history); see the header. Absent: `on`. */
  channelInference?: 'auto' | 'on' | 'off';
}

export interface ChannelAssignment {
  channel: ChannelBucket;
  reason: ChannelReason;
}

const NOT_SET: ChannelAssignment = { channel: 'unset', reason: 'not-set' };

/** The day a deal's channel is judged at: its close date, else (open, no close date) its created date. */
function channelDay(deal: Pick<Deal, 'close' | 'created'>): IsoDate {
  return deal.close === NO_CLOSE_DATE && deal.created ? deal.created : deal.close;
}

/** The export's first day: the earliest created or close date of any deal; undefined when none. */
function historyStart(deals: readonly Pick<Deal, 'close' | 'created'>[]): IsoDate | undefined {
  let start: IsoDate | undefined;
  for (const deal of deals) {
    for (const day of [deal.created, deal.close]) {
      if (day && day !== NO_CLOSE_DATE && (start === undefined || day < start)) start = day;
    }
  }
  return start;
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
  const day = channelDay(deal);
  const before = earlierWon.filter((won) => won.close < day);
  if (before.length === 0) return { channel: 'new', reason: 'first-deal' };
  let lastActive = before[0]!.end;
  for (const won of before) {
    if (won.close > lastActive) lastActive = won.close;
    if (won.end > lastActive) lastActive = won.end;
  }
  if (addMonths(lastActive, rules.winbackMonths) < day) return { channel: 'winback', reason: 'passive-customer' };
  const start = deal.contractStart ?? day;
  const continues = before.some(
    (won) =>
      won.product !== undefined && won.product === deal.product && won.end !== won.close && Math.abs(daysBetween(won.end, start)) <= rules.renewalWindowDays,
  );
  if (continues) return { channel: 'renewal', reason: 'continues-contract' };
  return { channel: 'upsell', reason: 'active-customer' };
}

/** Channel for every deal, keyed by the deal's index in `deals`. */
export function assignChannels(deals: readonly Deal[], rules: ChannelRules): ChannelAssignment[] {
  const wonByAccount = new Map<string, WonContract[]>();
  for (const deal of deals) {
    if (deal.status !== 'won' || !deal.accountId) continue;
    const list = wonByAccount.get(deal.accountId) ?? [];
    list.push({ close: deal.close, product: deal.product, end: contractEnd(deal) });
    wonByAccount.set(deal.accountId, list);
  }
  for (const list of wonByAccount.values()) list.sort((a, b) => (a.close < b.close ? -1 : a.close > b.close ? 1 : 0));
  const mode = rules.channelInference ?? 'on';
  const start = historyStart(deals);
  // auto: the first day a deal's history reaches back `winbackMonths` within the export.
  const firstInferred = mode === 'auto' && start !== undefined ? addMonths(start, rules.winbackMonths) : undefined;
  return deals.map((deal) => {
    if (deal.channelGiven) return { channel: deal.channelGiven, reason: 'given' };
    if (mode === 'off' || !deal.accountId) return NOT_SET;
    if (firstInferred !== undefined && channelDay(deal) < firstInferred) return NOT_SET;
    return inferChannel(deal, wonByAccount.get(deal.accountId) ?? [], rules);
  });
}
