/**
 * Hand-offs between specialists (domain §5, phase 3): SDR → account executive, and account
 * executive → account manager, per team and in total.
 *
 * @summary
 * - SDR → AE. `meetingsBooked`: `meeting_booked` activities dated in the range whose owner wears
 *   `sdr_outbound` or `sdr_inbound` (team: the SDR's). `handedOver`: deals with an `sdrId`
 *   created in the range up to `asOf` (team: the deal's). Of those, `accepted` = won by `asOf`, or
 *   in an open stage after the first one (status open or lost: exports keep the stage a deal was
 *   lost in); `rejected` = lost in the first stage or in a stage without position (e.g. `lost`);
 *   `pending` = the rest, still in the first stage. `won`: accepted deals won by `asOf`.
 *   Rates: acceptance = accepted ÷ handed over; win rate = won ÷ accepted.
 * - AE → AM. `newCustomers`: accounts with a deal of channel `new` won in the range up to `asOf`
 *   (team: that deal's). `onboarded`: those whose account owner wears `account_manager`.
 *   `followOnDeals`: `upsell` and `renewal` deals won on onboarded accounts on or after the new
 *   deal's close date, up to `asOf` (also after the range: the cohort is followed through).
 * - Without users nobody is an SDR or account manager: those counts are 0 and rates `null`/0,
 *   never NaN. Amounts are `amount` (contract value); ratios `null` on a 0 denominator.
 *
 * @example
 * handoffs({ deals: [
 *     deal({ id: 'd1', sdrId: 's1', created: '2026-03-02', stageId: 'proposal' }),
 *     deal({ id: 'd2', sdrId: 's1', created: '2026-03-03', status: 'won', close: '2026-03-20', amount: 500 }),
 *     deal({ id: 'd3', sdrId: 's1', created: '2026-03-04', status: 'lost', stageId: 'qualification', close: '2026-03-10' }),
 *   ], activities: [], users: [], accounts: [] }, { start: '2026-03-01', end: '2026-03-31' }, { settings, asOf: '2026-03-31' })
 * //=> { total: { sdrToAe: { meetingsBooked: 0, handedOver: 3, accepted: 2, pending: 0, rejected: 1, won: 1,
 * //       wonAmount: 500, acceptanceRate: 0.6666666666666666, winRate: 0.5 },
 * //     aeToAm: { newCustomers: 1, onboarded: 0, onboardingRate: 0, followOnDeals: 0, followOnAmount: 0,
 * //       accountsWithFollowOn: 0, followOnRate: null } }, teams: [ { teamId: 't1', … same … } ], … }
 */
import type { Account, Activity, IsoDate, ModelDeal, User } from '../core/records.ts';
import { inRange, type DateRange } from '../periods/calendar.ts';
import type { MetricContext } from './context.ts';
import { dealStateAsOf } from './deal-state.ts';
import { ratio, sumMoney } from './money.ts';

export interface HandoffInput {
  deals: readonly ModelDeal[];
  activities: readonly Activity[];
  users: readonly User[];
  accounts: readonly Account[];
}
export interface SdrToAe {
  meetingsBooked: number;
  handedOver: number;
  accepted: number;
  pending: number;
  rejected: number;
  won: number;
  wonAmount: number;
  acceptanceRate: number | null;
  winRate: number | null;
}
export interface AeToAm {
  newCustomers: number;
  onboarded: number;
  onboardingRate: number | null;
  followOnDeals: number;
  followOnAmount: number;
  accountsWithFollowOn: number;
  followOnRate: number | null;
}
export interface HandoffFigures {
  sdrToAe: SdrToAe;
  aeToAm: AeToAm;
}
export interface Handoffs {
  range: DateRange;
  asOf: IsoDate;
  total: HandoffFigures;
  teams: (HandoffFigures & { teamId: string })[];
}

interface Handed {
  teamId: string;
  verdict: 'accepted' | 'pending' | 'rejected';
  won: boolean;
  amount: number;
}
interface Customer {
  teamId: string;
  close: IsoDate;
  onboarded: boolean;
  followOns: number[];
}

function figures(sdrMeetings: number, handed: readonly Handed[], customers: readonly Customer[]): HandoffFigures {
  const accepted = handed.filter((row) => row.verdict === 'accepted').length;
  const won = handed.filter((row) => row.won);
  const onboarded = customers.filter((row) => row.onboarded);
  const withFollowOn = onboarded.filter((row) => row.followOns.length > 0);
  return {
    sdrToAe: {
      meetingsBooked: sdrMeetings,
      handedOver: handed.length,
      accepted,
      pending: handed.filter((row) => row.verdict === 'pending').length,
      rejected: handed.filter((row) => row.verdict === 'rejected').length,
      won: won.length,
      wonAmount: sumMoney(won.map((row) => row.amount)),
      acceptanceRate: ratio(accepted, handed.length),
      winRate: ratio(won.length, accepted),
    },
    aeToAm: {
      newCustomers: customers.length,
      onboarded: onboarded.length,
      onboardingRate: ratio(onboarded.length, customers.length),
      followOnDeals: onboarded.reduce((total, row) => total + row.followOns.length, 0),
      followOnAmount: sumMoney(onboarded.flatMap((row) => row.followOns)),
      accountsWithFollowOn: withFollowOn.length,
      followOnRate: ratio(withFollowOn.length, onboarded.length),
    },
  };
}

export function handoffs(input: HandoffInput, range: DateRange, ctx: MetricContext): Handoffs {
  const { asOf } = ctx;
  const userById = new Map(input.users.map((user) => [user.id, user]));
  const isSdr = (user: User | undefined) => !!user?.hats.some((hat) => hat === 'sdr_outbound' || hat === 'sdr_inbound');
  const sdrMeetingTeams = input.activities
    .filter((a) => a.type === 'meeting_booked' && inRange(a.date, range) && isSdr(userById.get(a.ownerId)))
    .map((a) => userById.get(a.ownerId)!.teamId);

  const openStages = ctx.settings.stages.filter((stage) => stage.status === 'open').map((stage) => stage.id);
  const handed: Handed[] = input.deals
    .filter((deal) => deal.sdrId && deal.created <= asOf && inRange(deal.created, range))
    .map((deal) => {
      const won = dealStateAsOf(deal, asOf) === 'won';
      const lost = dealStateAsOf(deal, asOf) === 'lost';
      const beyondFirst = openStages.indexOf(deal.stageId) > 0;
      return { teamId: deal.teamId, verdict: won || beyondFirst ? 'accepted' : lost ? 'rejected' : 'pending', won, amount: deal.amount };
    });

  const accountOwner = new Map(input.accounts.map((account) => [account.id, userById.get(account.ownerId)]));
  const wonByAsOf = input.deals
    .filter((deal) => deal.status === 'won' && deal.close <= asOf)
    .sort((a, b) => (a.close < b.close ? -1 : a.close > b.close ? 1 : 0));
  const customers = new Map<string, Customer>();
  for (const deal of wonByAsOf) {
    if (deal.channel !== 'new' || !inRange(deal.close, range) || customers.has(deal.accountId)) continue;
    const onboarded = !!accountOwner.get(deal.accountId)?.hats.includes('account_manager');
    customers.set(deal.accountId, { teamId: deal.teamId, close: deal.close, onboarded, followOns: [] });
  }
  for (const deal of wonByAsOf) {
    const customer = customers.get(deal.accountId);
    const followOn = deal.channel === 'upsell' || deal.channel === 'renewal';
    if (customer?.onboarded && followOn && deal.close >= customer.close) customer.followOns.push(deal.amount);
  }

  const all = [...customers.values()];
  const teamIds = [...new Set([...sdrMeetingTeams, ...handed.map((r) => r.teamId), ...all.map((r) => r.teamId)])].sort();
  return {
    range: { start: range.start, end: range.end },
    asOf,
    total: figures(sdrMeetingTeams.length, handed, all),
    teams: teamIds.map((teamId) => ({
      teamId,
      ...figures(
        sdrMeetingTeams.filter((id) => id === teamId).length,
        handed.filter((row) => row.teamId === teamId),
        all.filter((row) => row.teamId === teamId),
      ),
    })),
  };
}
