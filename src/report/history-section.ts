/**
 * What the site remembers, from the snapshots of earlier builds: per weekly meeting, what
 * changed since the previous meeting (new, won, lost, slipped, amount up/down, stage moved);
 * per past weekly meeting and monthly review, the figures as presented then beside the figures
 * as known today; and
 * week-by-week trends of the open and weighted pipeline, coverage and data quality per owner.
 */
import { changesSince, compareSnapshots, type ClosedDeal, type CurrentState } from '../history/changes.ts';
import { snapshotAtOrBefore } from '../history/pick.ts';
import { trends } from '../history/trends.ts';
import type { ChangeKind, Changes, KeyFigures, Snapshot, TrendPoint } from '../history/types.ts';
import type { AttainmentRow } from '../metrics/target-attainment.ts';
import { addDays } from '../periods/calendar.ts';
import { fiscalQuarterOf, fiscalQuarterRange, monthRange } from '../periods/fiscal.ts';
import { isoWeekRange } from '../periods/iso-week.ts';
import type { PersonRef } from './people.ts';

export interface ChangeLine {
  kind: ChangeKind;
  dealId: string;
  name: string;
  account: string;
  owner: PersonRef;
  teamId: string;
  before: Changes['changes'][number]['before'];
  after: Changes['changes'][number]['after'];
}

export interface WeekChanges {
  week: string;
  /** As-of dates of the two states compared. */
  from: string;
  to: string;
  counts: Changes['counts'];
  byTeam: Changes['byTeam'];
  changes: ChangeLine[];
}

/** A past meeting's figures as presented (its snapshot) beside the same figures as known today. */
export interface Memory {
  /** The snapshot the meeting was shown from. */
  presentedAsOf: string;
  presented: KeyFigures;
  /** The same figures recomputed from today's export through the same date (volume, budget, attainment). */
  today: { volumeYtd: number; budgetYtd: number | null; attainment: number | null };
}

export interface MonthMemory extends Memory {
  month: string;
}

export interface WeekMemory extends Memory {
  week: string;
}

export interface HistorySection {
  snapshots: number;
  problems: string[];
  company: TrendPoint[];
  teams: Record<string, TrendPoint[]>;
  qualityByOwner: { person: PersonRef; points: { week: string; score: number | null }[] }[];
  weeks: WeekChanges[];
  /** Past weekly meetings: the figures as presented at the end of the week, and as known today. */
  weekMemories: WeekMemory[];
  months: MonthMemory[];
}

export interface HistoryInput {
  /** Earlier snapshots and the one of this build, oldest first, one per as-of date. */
  snapshots: Snapshot[];
  problems: string[];
  current: CurrentState;
  closed: ClosedDeal[];
  stageOrder: string[];
  fiscalYearStartMonth: number;
  weeks: readonly string[];
  months: readonly string[];
  /** The company's `volume:total` attainment row computed from today's export through a date. */
  totalThrough: (date: string) => AttainmentRow | undefined;
  person: (id: string) => PersonRef;
}

function quarterOf(date: string, startMonth: number) {
  const { fiscalYear, quarter } = fiscalQuarterOf(date, startMonth);
  return fiscalQuarterRange(fiscalYear, quarter, startMonth);
}

function resolve(changes: Changes, week: string, person: HistoryInput['person']): WeekChanges {
  return {
    week,
    from: changes.from,
    to: changes.to,
    counts: changes.counts,
    byTeam: changes.byTeam,
    changes: changes.changes.map(({ ownerId, ...rest }) => ({ ...rest, owner: person(ownerId) })),
  };
}

/**
 * A past period's memory: the last snapshot of its final seven days (a month's last week, a
 * week's own days), beside the same figures computed from today's export through that snapshot's
 * date. None while the period is still going, or when no snapshot falls in those days.
 */
function memoryOf(range: { start: string; end: string }, input: HistoryInput): Memory | undefined {
  if (input.current.asOf <= range.end) return undefined;
  const presented = snapshotAtOrBefore(input.snapshots, range.end);
  if (!presented || presented.asOf < addDays(range.end, -6)) return undefined;
  const total = input.totalThrough(presented.asOf);
  return {
    presentedAsOf: presented.asOf,
    presented: presented.company,
    today: { volumeYtd: total?.resultYtd ?? 0, budgetYtd: total?.budgetYtd ?? null, attainment: total?.attainment ?? null },
  };
}

export function historySection(input: HistoryInput): HistorySection {
  const { snapshots, current } = input;
  const weeks: WeekChanges[] = [];
  for (const week of input.weeks) {
    const range = isoWeekRange(week);
    const before = snapshotAtOrBefore(snapshots, addDays(range.start, -1));
    if (!before) continue;
    const period = quarterOf(range.end, input.fiscalYearStartMonth);
    if (current.asOf <= range.end) {
      weeks.push(resolve(changesSince(before, current, input.stageOrder, period), week, input.person));
      continue;
    }
    const after = snapshotAtOrBefore(snapshots, range.end);
    if (!after || after.asOf <= before.asOf) continue;
    weeks.push(resolve(compareSnapshots(before, after, input.stageOrder, period, input.closed), week, input.person));
  }
  const weekMemories = input.weeks.flatMap((week) => {
    const memory = memoryOf(isoWeekRange(week), input);
    return memory ? [{ week, ...memory }] : [];
  });
  const months = input.months.flatMap((month) => {
    const memory = memoryOf(monthRange(month), input);
    return memory ? [{ month, ...memory }] : [];
  });
  const series = trends(snapshots);
  return {
    snapshots: snapshots.length,
    problems: input.problems,
    company: series.company,
    teams: series.teams,
    qualityByOwner: Object.entries(series.qualityByOwner).map(([id, points]) => ({ person: input.person(id), points })),
    weeks,
    weekMemories,
    months,
  };
}
