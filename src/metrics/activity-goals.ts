/**
 * Activities per ISO week vs weekly activity goals — the weekly follow-up (domain §2, §6).
 *
 * @summary
 * - Goal: a person's seller targets with `cadence: 'weekly'` and measure `activity:<type>` whose
 *   period (`FY2026`, a quarter or a month) holds the week's Thursday — the day ISO uses to place
 *   a week in a year, so 2026-W53 (2026-12-28 … 2027-01-03) takes the FY2026 goal. Rows of the
 *   same person, type and period are summed. Team and company rows are not goals of people and
 *   are ignored: a team's goal is the sum of its people's goals.
 * - Like with like: the **goal holders** of a week and type are the people in the list with a
 *   goal above 0 for it. Actual = the holders' activities of the type dated in the ISO week, read
 *   from the activity facts' per owner × date × type counts (src/model/activity-facts.ts); goal =
 *   the holders' goals summed. Activities of people without that goal are not in the share; they
 *   are given beside it as `outside`, and `holders` counts the people summed.
 * - Share = actual ÷ goal (null when the goal is 0).
 * - Rows: each requested week × each activity type with a non-zero goal for someone in the list in
 *   any of those weeks, in week order then the canonical type order. A seller is a list of one.
 * - Per person (`activityGoalsByPerson`): for each person and type with a goal in some of the
 *   weeks, the actual in the weeks they held it and the goal summed over those weeks. The people's
 *   actuals and goals add up to the rows' actuals and goals over the same weeks.
 *
 * @example
 * activityGoals(
 *   activityFactsOf([{ ownerId: 'u1', type: 'call', date: '2026-11-16' }, { ownerId: 'u1', type: 'call', date: '2026-11-20' },
 *    { ownerId: 'u2', type: 'call', date: '2026-11-17' }], { asOf, fiscalYearStartMonth: 1 }).counts,
 *   [{ scope: 'seller', scopeId: 'u1', period: 'FY2026', cadence: 'weekly', measure: 'activity:call', value: 4 }],
 *   ['u1', 'u2'], ['2026-W47'], ctx);
 * //=> [{ week: '2026-W47', type: 'call', actual: 2, goal: 4, share: 0.5, holders: 1, outside: 1 }]
 */
import type { ActivityFacts } from '../model/activity-facts.ts';
import { ACTIVITY_TYPES, type ActivityType, type Target } from '../core/records.ts';
import { dayNumber, inRange, isoDateOf } from '../periods/calendar.ts';
import { periodRange } from '../periods/fiscal.ts';
import { isoWeekStart } from '../periods/iso-week.ts';
import type { MetricContext } from './context.ts';
import { ratio } from './money.ts';

/** Activities per owner × date × type (ACTIVITY_TYPES order). */
export type ActivityCounts = ActivityFacts['counts'];
export type GoalTarget = Pick<Target, 'scope' | 'scopeId' | 'period' | 'cadence' | 'measure' | 'value'>;

export interface ActivityGoalRow {
  /** ISO week `2026-W47`. */
  week: string;
  type: ActivityType;
  /** Activities of the goal holders. */
  actual: number;
  goal: number;
  share: number | null;
  /** People whose goals (and activities) are summed. */
  holders: number;
  /** Activities of the type by people in the list without a goal for it that week (not in the share). */
  outside: number;
}

export interface PersonGoalRow {
  personId: string;
  type: ActivityType;
  actual: number;
  goal: number;
  share: number | null;
}

/** Per person: per week, per type (ACTIVITY_TYPES order), the goal and the activities. */
export interface PersonWeeks {
  personId: string;
  goals: number[][];
  actuals: number[][];
}

/** Each person's goals and activities per week and type, read once. */
function personWeeks(
  counts: ActivityCounts,
  targets: readonly GoalTarget[],
  sellerIds: readonly string[],
  weeks: readonly string[],
  ctx: MetricContext,
): PersonWeeks[] {
  const start = ctx.settings.fiscalYearStartMonth;
  const people = [...new Set(sellerIds)];
  const ofPerson = Map.groupBy(
    targets.filter((t) => t.cadence === 'weekly' && t.scope === 'seller'),
    (t) => t.scopeId,
  );
  const mondays = weeks.map((week) => dayNumber(isoWeekStart(week)));
  const thursdays = mondays.map((monday) => isoDateOf(monday + 3));
  return people.map((personId) => {
    const own = (ofPerson.get(personId) ?? []).map((t) => ({ measure: t.measure, value: t.value, range: periodRange(t.period, start) }));
    const goals = thursdays.map((thursday) =>
      ACTIVITY_TYPES.map((type) =>
        own.filter((t) => t.measure === `activity:${type}` && t.range !== undefined && inRange(thursday, t.range)).reduce((sum, t) => sum + t.value, 0),
      ),
    );
    const byDate = counts.get(personId);
    const actuals = mondays.map((monday) => {
      const sums = new Array<number>(ACTIVITY_TYPES.length).fill(0);
      if (byDate !== undefined) for (let day = monday; day < monday + 7; day++) byDate.addInto(day, sums);
      return sums;
    });
    return { personId, goals, actuals };
  });
}

/** The types (positions in ACTIVITY_TYPES) someone in the list has a goal for in some week. */
function typesWithGoals(people: readonly PersonWeeks[]): number[] {
  return ACTIVITY_TYPES.flatMap((_, t) => (people.some((p) => p.goals.some((week) => week[t]! > 0)) ? [t] : []));
}

/** The rows of `activityGoals` from the people's weeks (`weeks` in the order of their columns). */
function goalRows(people: readonly PersonWeeks[], weeks: readonly string[]): ActivityGoalRow[] {
  const types = typesWithGoals(people);
  return weeks.flatMap((week, w) =>
    types.map((t) => {
      let actual = 0;
      let goal = 0;
      let holders = 0;
      let outside = 0;
      for (const person of people) {
        const own = person.goals[w]![t]!;
        if (own > 0) {
          actual += person.actuals[w]![t]!;
          goal += own;
          holders++;
        } else outside += person.actuals[w]![t]!;
      }
      return { week, type: ACTIVITY_TYPES[t]!, actual, goal, share: ratio(actual, goal), holders, outside };
    }),
  );
}

/** The rows of `activityGoalsByPerson` from the people's weeks. */
function goalRowsByPerson(people: readonly PersonWeeks[], weeks: readonly string[]): PersonGoalRow[] {
  const types = typesWithGoals(people);
  return people.flatMap((person) =>
    types.flatMap((t) => {
      let actual = 0;
      let goal = 0;
      weeks.forEach((_, w) => {
        const own = person.goals[w]![t]!;
        if (own > 0) {
          actual += person.actuals[w]![t]!;
          goal += own;
        }
      });
      return goal > 0 ? [{ personId: person.personId, type: ACTIVITY_TYPES[t]!, actual, goal, share: ratio(actual, goal) }] : [];
    }),
  );
}

/** Activities vs weekly goals for a list of people (one seller, a team or the company) and weeks. */
export function activityGoals(
  counts: ActivityCounts,
  targets: readonly GoalTarget[],
  sellerIds: readonly string[],
  weeks: readonly string[],
  ctx: MetricContext,
): ActivityGoalRow[] {
  return goalRows(personWeeks(counts, targets, sellerIds, weeks, ctx), weeks);
}

/** Per person and type, over the weeks: activities in the weeks they held the goal vs the goal. */
export function activityGoalsByPerson(
  counts: ActivityCounts,
  targets: readonly GoalTarget[],
  sellerIds: readonly string[],
  weeks: readonly string[],
  ctx: MetricContext,
): PersonGoalRow[] {
  return goalRowsByPerson(personWeeks(counts, targets, sellerIds, weeks, ctx), weeks);
}

/**
 * The people's goals and activities over many weeks, read once, for figures of one week at a
 * time (`weekOfGoals`): the same rows as `activityGoals` and `activityGoalsByPerson` of `[week]`.
 */
export interface WeeklyGoals {
  people: readonly PersonWeeks[];
  /** Week label → its column in `people`. */
  column: ReadonlyMap<string, number>;
}

export function weeklyGoals(
  counts: ActivityCounts,
  targets: readonly GoalTarget[],
  sellerIds: readonly string[],
  weeks: readonly string[],
  ctx: MetricContext,
): WeeklyGoals {
  return { people: personWeeks(counts, targets, sellerIds, weeks, ctx), column: new Map(weeks.map((week, w) => [week, w])) };
}

/** `activityGoals` and `activityGoalsByPerson` of one week of the table. */
export function weekOfGoals(table: WeeklyGoals, week: string): { goals: ActivityGoalRow[]; byPerson: PersonGoalRow[] } {
  const w = table.column.get(week);
  if (w === undefined) throw new Error(`weekOfGoals: ${week} is not a week of the table`);
  const people = table.people.map((p) => ({ personId: p.personId, goals: [p.goals[w]!], actuals: [p.actuals[w]!] }));
  return { goals: goalRows(people, [week]), byPerson: goalRowsByPerson(people, [week]) };
}

/** Activities vs weekly goals for one seller. */
export function sellerActivityGoals(
  counts: ActivityCounts,
  targets: readonly GoalTarget[],
  sellerId: string,
  weeks: readonly string[],
  ctx: MetricContext,
): ActivityGoalRow[] {
  return activityGoals(counts, targets, [sellerId], weeks, ctx);
}
