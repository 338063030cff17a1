/**
 * The linked KPI chain (domain §4): visits → leads → meetings booked → meetings held →
 * opportunities → won, plus the nurture pool, each link with the hat that owns it and the
 * people wearing that hat. Two views: what happened in the period, and a cohort followed through.
 *
 * @summary
 * - Period view, counts of what happened in the range: visits / leads / nurture = Σ of the
 *   `FunnelWeek` rows whose ISO week's Thursday is in the range (so a week belongs to one month or
 *   quarter only) and that started by `asOf`; meetings booked = `meeting_booked` activities by
 *   their date (the planned meeting date, so bookings ahead of `asOf` count); meetings held =
 *   `meeting_held` activities dated in the range up to `asOf`; opportunities = deals created in the
 *   range up to `asOf`; won = deals won with a close date in the range up to `asOf`.
 *   Conversion of a link = its count ÷ the previous link's count; nurture's = nurture ÷ leads.
 *   Call lists (prospector) are not in any export: count `null`, kept for the owner.
 * - Cohort view: of the opportunities created in the range, how many are won / lost (close date
 *   up to `asOf`) / still open as of `asOf`; of the meetings booked in the range, how many were
 *   held. A held meeting matches a booked one with the same `dealId` when both carry one, else
 *   the same `accountId`, dated the same day or later, up to `asOf`; each held meeting matches one
 *   booking: held meetings in date order each take the latest unused matching booking dated on or
 *   before them, so a no-show never takes a meeting held weeks later. A booking with neither id
 *   is `unmatchable` (never held).
 * - Owners: users wearing the link's hat whose `start`–`end` overlaps the range, by name
 *   (initials when `settings.initialsOnly`). Cuts (team, seller) are made by the caller.
 *
 * @example
 * funnel({ funnel: [funnelWeek({ week: '2026-W10', visits: 400, leads: 20, nurture: 5 })],
 *   activities: [activity({ id: 'b1', type: 'meeting_booked', date: '2026-03-03', accountId: 'a1' }),
 *                activity({ id: 'h1', type: 'meeting_held', date: '2026-03-05', accountId: 'a1' })],
 *   deals: [deal({ id: 'd1', created: '2026-03-05', status: 'won', close: '2026-03-20', amount: 90 })],
 *   users: [] }, { start: '2026-03-01', end: '2026-03-31' }, { settings, asOf: '2026-03-31' })
 * //=> { period: { links: [ { id: 'visits', count: 400, conversion: null, hat: 'online_manager', owners: [] },
 * //       { id: 'leads', count: 20, conversion: 0.05, … }, { id: 'meetingsBooked', count: 1, conversion: 0.05, … },
 * //       { id: 'meetingsHeld', count: 1, conversion: 1, … }, { id: 'opportunities', count: 1, conversion: 1, … },
 * //       { id: 'won', count: 1, conversion: 1, … } ], nurture: { count: 5, conversion: 0.25, … },
 * //       callLists: { count: null, … }, wonAmount: 90 },
 * //     cohort: { opportunities: { created: 1, createdAmount: 90, won: 1, wonAmount: 90, lost: 0, open: 0,
 * //       winRate: 1, conversion: 1 }, meetings: { booked: 1, held: 1, notHeld: 0, unmatchable: 0, heldRate: 1 } }, … }
 */
import type { Activity, Deal, FunnelWeek, Hat, IsoDate, User } from '../core/records.ts';
import { addTo } from '../model/group-by.ts';
import { addDays, dayNumber, inRange, type DateRange } from '../periods/calendar.ts';
import { isoWeekStart } from '../periods/iso-week.ts';
import type { MetricContext } from './context.ts';
import { ratio, sumMoney } from './money.ts';
import { dealStateAsOf } from './deal-state.ts';

export interface FunnelInput {
  funnel: readonly FunnelWeek[];
  activities: readonly Activity[];
  deals: readonly Deal[];
  users: readonly User[];
}
export type FunnelLinkId = 'visits' | 'leads' | 'meetingsBooked' | 'meetingsHeld' | 'opportunities' | 'won' | 'nurture' | 'callLists';
export interface FunnelOwner {
  id: string;
  name: string;
}
export interface FunnelLink {
  id: FunnelLinkId;
  /** null: no export carries this count. */
  count: number | null;
  /** count ÷ previous link's count (nurture: ÷ leads); null for the first link or a 0 denominator. */
  conversion: number | null;
  hat: Hat;
  owners: FunnelOwner[];
}
export interface FunnelCohort {
  opportunities: {
    created: number;
    createdAmount: number;
    won: number;
    wonAmount: number;
    lost: number;
    open: number;
    /** Won or lost with a close date after as-of: neither closed nor open as of as-of. */
    closedAfterAsOf: number;
    winRate: number | null;
    conversion: number | null;
  };
  meetings: { booked: number; held: number; notHeld: number; unmatchable: number; heldRate: number | null };
}
export interface Funnel {
  range: DateRange;
  asOf: IsoDate;
  period: { links: FunnelLink[]; nurture: FunnelLink; callLists: FunnelLink; wonAmount: number };
  cohort: FunnelCohort;
}

export const FUNNEL_HATS: Record<FunnelLinkId, Hat> = {
  visits: 'online_manager',
  leads: 'campaign_manager',
  meetingsBooked: 'sdr_outbound',
  meetingsHeld: 'account_executive',
  opportunities: 'account_executive',
  won: 'account_executive',
  nurture: 'nurture_owner',
  callLists: 'prospector',
};

const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
const initials = (name: string) =>
  name
    .split(/[\s-]+/)
    .filter(Boolean)
    .map((part) => `${part[0]!.toUpperCase()}.`)
    .join('');

/** Same meeting: same deal when both name one, else same account. */
function sameMeeting(booking: Activity, held: Activity): boolean {
  if (booking.dealId && held.dealId) return booking.dealId === held.dealId;
  return !!booking.accountId && booking.accountId === held.accountId;
}

/** The `meeting_booked` activities that were held (matching rule in the header), of all dates. */
export function heldBookings(activities: readonly Activity[], asOf: IsoDate): Set<Activity> {
  const byDate = (a: Activity, b: Activity) => byText(a.date, b.date) || byText(a.id, b.id);
  const bookings = activities.filter((a) => a.type === 'meeting_booked');
  const day = Int32Array.from(bookings, (booking) => dayNumber(booking.date));
  // Bookings in (date, id) order, ties in file order; `rank` numbers the distinct (date, id), so
  // "later" is a comparison of two integers. The lists per account and per deal are in that order.
  const order = bookings.map((_, index) => index).sort((a, b) => day[a]! - day[b]! || byText(bookings[a]!.id, bookings[b]!.id) || a - b);
  const rank = new Int32Array(bookings.length);
  const bookingsByAccount = new Map<string, number[]>();
  const bookingsByDeal = new Map<string, number[]>();
  let current = -1;
  order.forEach((index, k) => {
    const booking = bookings[index]!;
    const before = order[k - 1];
    if (before === undefined || day[before] !== day[index] || bookings[before]!.id !== booking.id) current++;
    rank[index] = current;
    if (booking.accountId) addTo(bookingsByAccount, booking.accountId, index);
    if (booking.dealId) addTo(bookingsByDeal, booking.dealId, index);
  });
  // `used` marks the bookings already taken by a held meeting.
  const used = new Uint8Array(bookings.length);
  const held = activities.filter((a) => a.type === 'meeting_held' && a.date <= asOf).sort(byDate);
  const fits = (index: number, meeting: Activity) => used[index] === 0 && sameMeeting(bookings[index]!, meeting);
  /**
   * The latest unused booking of `candidates` that matches `meeting` and is dated on or before
   * it (day `meetingDay`) — of several with the same (date, id), the first in the file — if it is
   * later than `best` (-1: none); else `best`.
   */
  const latest = (candidates: readonly number[] | undefined, meeting: Activity, meetingDay: number, best: number) => {
    if (candidates === undefined) return best;
    const bestRank = best < 0 ? -1 : rank[best]!;
    // The last candidate dated on or before the meeting (the list is in date order).
    let low = 0;
    let high = candidates.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (day[candidates[middle]!]! <= meetingDay) low = middle + 1;
      else high = middle;
    }
    for (let k = low - 1; k >= 0; k--) {
      const index = candidates[k]!;
      const level = rank[index]!;
      if (level <= bestRank) break;
      if (!fits(index, meeting)) continue;
      let chosen = index;
      for (let j = k - 1; j >= 0 && rank[candidates[j]!] === level; j--) if (fits(candidates[j]!, meeting)) chosen = candidates[j]!;
      return chosen;
    }
    return best;
  };
  for (const meeting of held) {
    const meetingDay = dayNumber(meeting.date);
    const byDeal = meeting.dealId ? latest(bookingsByDeal.get(meeting.dealId), meeting, meetingDay, -1) : -1;
    const best = meeting.accountId ? latest(bookingsByAccount.get(meeting.accountId), meeting, meetingDay, byDeal) : byDeal;
    if (best >= 0) used[best] = 1;
  }
  return new Set(bookings.filter((_, index) => used[index] === 1));
}

export function funnel(input: FunnelInput, range: DateRange, ctx: MetricContext): Funnel {
  const { asOf, settings } = ctx;
  const happened = (date: IsoDate) => date <= asOf && inRange(date, range);
  const weeks = input.funnel.filter(
    (row) => isoWeekStart(row.week) <= asOf && inRange(addDays(isoWeekStart(row.week), 3), range), // its Thursday
  );
  const sum = (key: 'visits' | 'leads' | 'nurture') => weeks.reduce((total, row) => total + row[key], 0);
  const booked = input.activities.filter((a) => a.type === 'meeting_booked' && inRange(a.date, range));
  const held = input.activities.filter((a) => a.type === 'meeting_held' && happened(a.date));
  const created = input.deals.filter((deal) => happened(deal.created));
  const won = input.deals.filter((deal) => deal.status === 'won' && happened(deal.close));

  const active = input.users.filter((u) => (u.start ?? range.start) <= range.end && (u.end ?? range.end) >= range.start);
  const link = (id: FunnelLinkId, count: number | null, previous: number | null): FunnelLink => ({
    id,
    count,
    conversion: count === null || previous === null ? null : ratio(count, previous),
    hat: FUNNEL_HATS[id],
    owners: active
      .filter((u) => u.hats.includes(FUNNEL_HATS[id]))
      .map((u) => ({ id: u.id, name: settings.initialsOnly ? initials(u.name) : u.name }))
      .sort((a, b) => byText(a.name, b.name)),
  });
  const chain: [FunnelLinkId, number][] = [
    ['visits', sum('visits')],
    ['leads', sum('leads')],
    ['meetingsBooked', booked.length],
    ['meetingsHeld', held.length],
    ['opportunities', created.length],
    ['won', won.length],
  ];
  const links = chain.map(([id, count], index) => link(id, count, index === 0 ? null : chain[index - 1]![1]));

  // Each created deal in its state as of as-of, by the one rule (open = the pipeline's open deals).
  const stateOf = (deal: Deal) => dealStateAsOf(deal, asOf);
  const cohortWon = created.filter((deal) => stateOf(deal) === 'won');
  const cohortLost = created.filter((deal) => stateOf(deal) === 'lost').length;
  const cohortOpen = created.filter((deal) => stateOf(deal) === 'open').length;
  const matched = heldBookings(input.activities, asOf);
  const heldCount = booked.filter((booking) => matched.has(booking)).length;
  const unmatchable = booked.filter((booking) => !booking.dealId && !booking.accountId).length;
  return {
    range: { start: range.start, end: range.end },
    asOf,
    period: {
      links,
      nurture: link('nurture', sum('nurture'), sum('leads')),
      callLists: link('callLists', null, null),
      wonAmount: sumMoney(won.map((deal) => deal.amount)),
    },
    cohort: {
      opportunities: {
        created: created.length,
        createdAmount: sumMoney(created.map((deal) => deal.amount)),
        won: cohortWon.length,
        wonAmount: sumMoney(cohortWon.map((deal) => deal.amount)),
        lost: cohortLost,
        open: cohortOpen,
        closedAfterAsOf: created.length - cohortWon.length - cohortLost - cohortOpen,
        winRate: ratio(cohortWon.length, cohortWon.length + cohortLost),
        conversion: ratio(cohortWon.length, created.length),
      },
      meetings: {
        booked: booked.length,
        held: heldCount,
        notHeld: booked.length - heldCount - unmatchable,
        unmatchable,
        heldRate: ratio(heldCount, booked.length),
      },
    },
  };
}
