/**
 * Activities per ISO week vs weekly activity goals — the weekly follow-up (domain §2, §6).
 *
 * @summary
 * - Actual: count of the people's activities of a type whose `date` falls in the ISO week, read
 *   from the activity facts' per owner × date × type counts (src/model/activity-facts.ts).
 * - Goal: the people's seller targets with `cadence: 'weekly'` and measure `activity:<type>`
 *   whose period (`FY2026`, a quarter or a month) holds the week's Thursday — the day ISO uses
 *   to place a week in a year, so 2026-W53 (2026-12-28 … 2027-01-03) takes the FY2026 goal.
 *   Rows of the same person, type and period are summed. Team and company rows are not goals
 *   of people and are ignored: a team's goal is the sum of its people's goals.
 * - Share = actual ÷ goal (null when the goal is 0).
 * - Rows: each requested week × each activity type with a non-zero goal for someone in the list in
 *   any of those weeks, in week order then the canonical type order. A seller is a list of one.
 *
 * @example
 * activityGoals(
 *   activityFactsOf([{ ownerId: 'u1', type: 'call', date: '2026-11-16' }, { ownerId: 'u1', type: 'call', date: '2026-11-20' },
 *    { ownerId: 'u2', type: 'call', date: '2026-11-17' }], { asOf, fiscalYearStartMonth: 1 }).counts,
 *   [{ scope: 'seller', scopeId: 'u1', period: 'FY2026', cadence: 'weekly', measure: 'activity:call', value: 4 }],
 *   ['u1'], ['2026-W47'], ctx);
 * //=> [{ week: '2026-W47', type: 'call', actual: 2, goal: 4, share: 0.5 }]
 */
import type { ActivityFacts } from '../model/activity-facts.ts';
import { ACTIVITY_TYPES, type ActivityType, type Target } from '../core/records.ts';
import { addDays, inRange } from '../periods/calendar.ts';
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
  actual: number;
  goal: number;
  share: number | null;
}

/** A weekly goal row with its period's date range worked out once. */
interface WeeklyGoal {
  measure: string;
  value: number;
  range: { start: string; end: string } | undefined;
}

/** The summed weekly goal of the people for an activity type in one ISO week. */
function weeklyGoal(goals: readonly WeeklyGoal[], type: ActivityType, week: string): number {
  const thursday = addDays(isoWeekStart(week), 3);
  return goals
    .filter((t) => t.measure === `activity:${type}`)
    .filter((t) => t.range !== undefined && inRange(thursday, t.range))
    .reduce((sum, t) => sum + t.value, 0);
}

/** Activities vs weekly goals for a list of people (one seller, a team or the company) and weeks. */
export function activityGoals(
  counts: ActivityCounts,
  targets: readonly GoalTarget[],
  sellerIds: readonly string[],
  weeks: readonly string[],
  ctx: MetricContext,
): ActivityGoalRow[] {
  const people = new Set(sellerIds);
  const start = ctx.settings.fiscalYearStartMonth;
  const goals: WeeklyGoal[] = targets
    .filter((t) => t.cadence === 'weekly' && t.scope === 'seller' && people.has(t.scopeId))
    .map((t) => ({ measure: t.measure, value: t.value, range: periodRange(t.period, start) }));
  const actuals = new Map<string, number[]>();
  for (const week of weeks) {
    const days = Array.from({ length: 7 }, (_, i) => addDays(isoWeekStart(week), i));
    const sums = new Array<number>(ACTIVITY_TYPES.length).fill(0);
    for (const id of people) {
      const byDate = counts.get(id);
      if (byDate === undefined) continue;
      for (const day of days) {
        const perType = byDate.get(day);
        if (perType) for (let t = 0; t < sums.length; t++) sums[t]! += perType[t]!;
      }
    }
    actuals.set(week, sums);
  }
  // Each week × type goal is summed once (by position in ACTIVITY_TYPES): the type list and the rows both read it.
  const goalTable = weeks.map((week) => ACTIVITY_TYPES.map((type) => weeklyGoal(goals, type, week)));
  const typesWithGoals = ACTIVITY_TYPES.flatMap((type, t) => (goalTable.some((row) => row[t]! > 0) ? [t] : []));
  return weeks.flatMap((week, w) =>
    typesWithGoals.map((t) => {
      const actual = actuals.get(week)![t]!;
      const goal = goalTable[w]![t]!;
      return { week, type: ACTIVITY_TYPES[t]!, actual, goal, share: ratio(actual, goal) };
    }),
  );
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
