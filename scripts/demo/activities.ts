/**
 * Activities tied to deals, following the hand-offs of domain §5: the SDR calls and books
 * the first meeting, the closer holds meetings and sends the proposal, the account manager
 * meets customers about renewals. Meetings booked for after as-of are planned meetings.
 * Every held meeting was booked first: a `meeting_booked` row on the meeting day (its planned
 * date), same account and deal, owned by whoever booked it (the SDR for a first meeting the
 * SDR set up, else the person holding it). Bookings without a held meeting are the no-shows
 * and cancellations, and the first meetings of deals that never got that far.
 */
import type { ActivityType } from '../../src/core/records.ts';
import { AS_OF, hasHat, type DemoUser } from './company.ts';
import { isWorkday, toWorkday, type Day } from './dates.ts';
import type { DealPlan } from './deals.ts';
import type { Rng } from './random.ts';

export interface ActivityPlan {
  type: ActivityType;
  date: Day;
  owner: string;
  accountId: string;
  dealId: string;
  durationMinutes?: number;
}

export function durationFor(rng: Rng, type: ActivityType): number | undefined {
  if (type === 'call')
    return (
      rng.weighted<number>([
        [2, 3],
        [5, 4],
        [10, 3],
        [15, 2],
        [25, 1],
      ]) + rng.int(0, 3)
    );
  if (type === 'meeting_held' || type === 'meeting_booked')
    return rng.weighted<number>([
      [30, 3],
      [45, 3],
      [60, 4],
      [90, 1],
    ]);
  return undefined;
}

/** A workday in [from, to]; `to` itself when the range is empty. */
export function between(rng: Rng, from: Day, to: Day): Day {
  if (to <= from) return to;
  const d = toWorkday(rng.int(from, to));
  return Math.min(to, Math.max(from, d));
}

/** Share of routine meetings that are booked but never held (no-show or cancelled). */
export const NO_SHOW = 0.1;

/** The booking of a held meeting: same day, account, deal and length, owned by `bookedBy`. */
export function bookingOf(held: ActivityPlan, bookedBy = held.owner): ActivityPlan {
  return { ...held, type: 'meeting_booked', owner: bookedBy };
}

export function activity(rng: Rng, type: ActivityType, date: Day, owner: string, accountId: string, dealId = ''): ActivityPlan {
  const durationMinutes = durationFor(rng, type);
  return { type, date, owner, accountId, dealId, ...(durationMinutes === undefined ? {} : { durationMinutes }) };
}

function dealActivities(rng: Rng, noShows: Rng, d: DealPlan, director: string | undefined, starts: Map<string, Day>, out: ActivityPlan[]): void {
  const last = Math.min(d.close, AS_OF, d.staleSince ?? Infinity);
  const make = (type: ActivityType, date: Day, owner = d.owner, dealId = d.id) => activity(rng, type, date, owner, d.account.id, dealId);
  const add = (type: ActivityType, date: Day, owner = d.owner, dealId = d.id) => {
    if (owner) out.push(make(type, date, owner, dealId));
  };
  /** Books a held meeting the same day; now and then an earlier booking of it fell through first. */
  const book = (held: ActivityPlan, bookedBy: string) => {
    out.push(bookingOf(held, bookedBy), held);
    if (!noShows.chance(NO_SHOW)) return;
    const missed = between(noShows, Math.max(d.created, held.date - 14), held.date - 1);
    if (missed >= d.created && missed < held.date && isWorkday(missed)) out.push({ ...bookingOf(held, bookedBy), date: missed });
  };
  const meet = (date: Day, owner = d.owner) => {
    if (owner) book(make('meeting_held', date, owner), owner);
  };
  // The first meeting: booked by the SDR (or the seller), held by the seller on the same day.
  let meeting = toWorkday(d.created + rng.int(2, 12));
  if (d.channel === 'renewal') meeting = between(rng, d.created, last);
  let booking: ActivityPlan | undefined;
  if (d.sdr) {
    const calls = d.source === 'outbound' ? rng.int(1, 4) : 1;
    const from = Math.max(d.created - 25, starts.get(d.sdr) ?? 0);
    for (let i = 0; i < calls; i++) add('call', between(rng, from, d.created - 1), d.sdr, '');
    if (d.source === 'inbound') add('email', between(rng, d.created - 4, d.created), d.sdr, '');
    booking = make('meeting_booked', meeting, d.sdr);
  } else if (d.channel !== 'renewal' && rng.chance(0.5)) {
    booking = make('meeting_booked', meeting);
  }
  const held = d.status === 'won' || d.reached >= 1 || (d.channel === 'renewal' && d.reached >= 0) || rng.chance(0.5);
  if (held && meeting <= last && d.owner) {
    book(make('meeting_held', meeting), d.sdr ?? d.owner);
  } else if (booking?.owner) {
    // Booked but not held: the deal ended (or went quiet) first, or the meeting is still ahead.
    out.push(booking);
  }
  if (d.created > last) return;
  if (d.reached >= 2) meet(between(rng, meeting, last));
  if (d.reached >= 3) meet(between(rng, meeting, last));
  if (d.reached >= 2) add('proposal', between(rng, d.created + Math.round((last - d.created) * 0.4), last));
  if (director && d.amount >= 1_000_000 && d.reached >= 3) meet(between(rng, meeting, last), director);
  for (let i = rng.int(1, 4); i > 0; i--) add('email', between(rng, d.created, last));
  for (let i = rng.int(0, 3); i > 0; i--) add('call', between(rng, d.created, last));
  for (let i = rng.int(0, 2); i > 0; i--) add('task', between(rng, d.created, last));
  // Open deals that are worked show recent activity; stale ones (defects.ts) do not.
  if (d.status === 'open' && d.staleSince === undefined)
    add(rng.pick(['email', 'call', 'task'] as const), between(rng, Math.max(d.created, AS_OF - 13), AS_OF));
}

export function dealActivityPlans(rng: Rng, deals: DealPlan[], users: DemoUser[]): ActivityPlan[] {
  const director = users.find((u) => hasHat(u, 'sales_director'))?.id;
  const starts = new Map(users.map((u) => [u.id, u.start]));
  const noShows = rng.fork('no-shows');
  const out: ActivityPlan[] = [];
  for (const d of deals) dealActivities(rng, noShows, d, director, starts, out);
  return out;
}
