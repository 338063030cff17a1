/**
 * The weekly sales meeting (domain §6): the week that went — customer meetings held, deals
 * won, lost and created, the biggest moves — and the week ahead (meetings booked), with
 * activities against the weekly goals. One entry per ISO week; its address never changes.
 */
import type { MetricContext } from '../metrics/context.ts';
import { weekOfGoals, type ActivityCounts, type ActivityGoalRow, type PersonGoalRow, type WeeklyGoals } from '../metrics/activity-goals.ts';
import { dayNumber, inRange, type DateRange } from '../periods/calendar.ts';
import { addWeeks, isoWeekRange } from '../periods/iso-week.ts';
import { ACTIVITY_TYPES, type Activity, type ModelDeal } from '../core/records.ts';
import { dealLine, dealList, largestDeals, largestFirst, type DealLine, type DealLineContext, type DealList } from './deal-lines.ts';
import { compareNames, type PersonRef } from './people.ts';

export interface MeetingLine {
  date: string;
  owner: PersonRef;
  account: string;
}

export interface PersonCount {
  person: PersonRef;
  count: number;
}

/** One seller's activities of the week by kind: calls, e-mails, meetings held, other (tasks, notes, proposals). */
export interface SellerActivities {
  person: PersonRef;
  call: number;
  email: number;
  meetingHeld: number;
  other: number;
}

export interface WeekFigures {
  week: string;
  range: DateRange;
  /** The as-of date falls in this week: "the week that went" is still going. */
  current: boolean;
  held: { count: number; bySeller: PersonCount[] };
  won: DealList;
  lost: DealList;
  created: DealList;
  bigMoves: (DealLine & { move: 'won' | 'lost' | 'created' })[];
  /** The meetings booked in the following week: `meetings` holds all `count` of them. */
  ahead: { week: string; range: DateRange; count: number; bySeller: PersonCount[]; meetings: MeetingLine[] };
  goals: ActivityGoalRow[];
  /** The week's activities against goals per person and type (adding up to `goals`). */
  goalsByPerson: (PersonGoalRow & { person: PersonRef })[];
  /** Every owner with an activity dated in the week, most active first (a Salesforce Task.csv counts here too). */
  activitiesBySeller: SellerActivities[];
}

/** The records of the week, pre-grouped by the caller so each week costs only its own rows. */
export interface WeekInput {
  /** Activity rows kept as rows (customer meetings …) dated in the week. */
  activities: readonly Activity[];
  /** The same, dated in the following week (booked meetings ahead). */
  activitiesNextWeek: readonly Activity[];
  /** Activities per owner × date × type, every row of the log. */
  activityCounts: ActivityCounts;
  /** The sellers' weekly goals and activities over the listed weeks, this week among them. */
  goals: WeeklyGoals;
  /** Deals closed (won or lost) in the week. */
  closed: readonly ModelDeal[];
  /** Deals created in the week. */
  created: readonly ModelDeal[];
}

function countBySeller(activities: readonly Activity[], ctx: DealLineContext): PersonCount[] {
  const counts = new Map<string, number>();
  for (const activity of activities) counts.set(activity.ownerId, (counts.get(activity.ownerId) ?? 0) + 1);
  return [...counts].map(([id, count]) => ({ person: ctx.person(id), count })).sort((a, b) => b.count - a.count || compareNames(a.person.name, b.person.name));
}

/** Per owner, the week's activities summed from the daily counts, by kind. */
function activitiesBySeller(counts: WeekInput['activityCounts'], range: DateRange, lines: DealLineContext): SellerActivities[] {
  const first = dayNumber(range.start);
  const last = dayNumber(range.end);
  const at = (type: (typeof ACTIVITY_TYPES)[number]) => ACTIVITY_TYPES.indexOf(type);
  const rows: SellerActivities[] = [];
  for (const [ownerId, byDate] of counts) {
    const sums = new Array<number>(ACTIVITY_TYPES.length).fill(0);
    for (let day = first; day <= last; day++) byDate.addInto(day, sums);
    const call = sums[at('call')]!;
    const email = sums[at('email')]!;
    const meetingHeld = sums[at('meeting_held')]!;
    const other = sums[at('task')]! + sums[at('note')]! + sums[at('proposal')]!;
    if (call + email + meetingHeld + other === 0) continue;
    rows.push({ person: lines.person(ownerId), call, email, meetingHeld, other });
  }
  const total = (r: SellerActivities) => r.call + r.email + r.meetingHeld + r.other;
  return rows.sort((a, b) => total(b) - total(a) || compareNames(a.person.name, b.person.name));
}

export function weekFigures(week: string, input: WeekInput, lines: DealLineContext, ctx: MetricContext): WeekFigures {
  const range = isoWeekRange(week);
  const nextWeek = addWeeks(week, 1);
  const next = isoWeekRange(nextWeek);
  const held = input.activities.filter((a) => a.type === 'meeting_held' && inRange(a.date, range));
  const booked = input.activitiesNextWeek
    .filter((a) => a.type === 'meeting_booked' && inRange(a.date, next))
    .sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.line - b.line));
  const won = input.closed.filter((d) => d.status === 'won' && inRange(d.close, range));
  const lost = input.closed.filter((d) => d.status === 'lost' && inRange(d.close, range));
  const created = input.created.filter((d) => inRange(d.created, range));
  // The five largest of the week's moves are among the five largest of each kind.
  const MOVES = 5;
  const moves = [
    ...largestDeals(won, MOVES).map((d) => ({ deal: d, move: 'won' as const })),
    ...largestDeals(lost, MOVES).map((d) => ({ deal: d, move: 'lost' as const })),
    ...largestDeals(created, MOVES).map((d) => ({ deal: d, move: 'created' as const })),
  ]
    .sort((a, b) => largestFirst(a.deal, b.deal))
    .slice(0, MOVES)
    .map(({ deal, move }) => ({ ...dealLine(deal, lines), move }));
  const goals = weekOfGoals(input.goals, week);
  return {
    week,
    range,
    current: inRange(ctx.asOf, range),
    held: { count: held.length, bySeller: countBySeller(held, lines) },
    won: dealList(won, lines),
    lost: dealList(lost, lines),
    created: dealList(created, lines),
    bigMoves: moves,
    ahead: {
      week: nextWeek,
      range: next,
      count: booked.length,
      bySeller: countBySeller(booked, lines),
      meetings: booked.map((a) => ({
        date: a.date,
        owner: lines.person(a.ownerId),
        account: a.accountId ? lines.accountName(a.accountId) : '—',
      })),
    },
    goals: goals.goals,
    goalsByPerson: goals.byPerson.map((row) => ({ ...row, person: lines.person(row.personId) })),
    activitiesBySeller: activitiesBySeller(input.activityCounts, range, lines),
  };
}
