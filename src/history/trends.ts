/**
 * Week-by-week trends from the snapshot history. Pure.
 *
 * @summary
 * - One point per ISO week that has a snapshot: the week's last snapshot by asOf (on a day the
 *   nightly build failed, the week simply ends earlier). Snapshots may come in any order; two
 *   with the same asOf: the later in the input wins.
 * - `company`: openAmount, weighted and coverage of the company key figures, oldest week first.
 * - `teams`: the same per team id, for the weeks whose snapshot has that team (a team that
 *   appears or disappears has no points outside its weeks). Keys sorted.
 * - `qualityByOwner`: the score per owner id for the weeks whose snapshot scores that owner
 *   (null scores kept). Keys sorted.
 *
 * @example
 * // snapshots 2026-04-13 (W16), 2026-04-17 (W16), 2026-04-23 (W17)
 * trends(snapshots).company.map((p) => [p.week, p.asOf])
 * //=> [['2026-W16', '2026-04-17'], ['2026-W17', '2026-04-23']]
 */
import { isoWeekOf } from '../periods/iso-week.ts';
import type { KeyFigures, Snapshot, TrendPoint, Trends } from './types.ts';

/** The last snapshot of each ISO week, oldest first. */
export function lastOfEachWeek(snapshots: readonly Snapshot[]): { week: string; snapshot: Snapshot }[] {
  const byWeek = new Map<string, Snapshot>();
  for (const snapshot of snapshots) {
    const week = isoWeekOf(snapshot.asOf);
    const kept = byWeek.get(week);
    if (!kept || snapshot.asOf >= kept.asOf) byWeek.set(week, snapshot);
  }
  return [...byWeek].map(([week, snapshot]) => ({ week, snapshot })).sort((a, b) => (a.snapshot.asOf < b.snapshot.asOf ? -1 : 1));
}

function point(asOf: string, week: string, figures: KeyFigures): TrendPoint {
  return { asOf, week, openAmount: figures.openAmount, weighted: figures.weighted, coverage: figures.coverage };
}

function sortedKeys<V>(map: Map<string, V>): Record<string, V> {
  return Object.fromEntries([...map].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

export function trends(snapshots: readonly Snapshot[]): Trends {
  const weeks = lastOfEachWeek(snapshots);
  const teams = new Map<string, TrendPoint[]>();
  const quality = new Map<string, { week: string; score: number | null }[]>();
  for (const { week, snapshot } of weeks) {
    for (const [teamId, figures] of Object.entries(snapshot.teams)) {
      teams.set(teamId, [...(teams.get(teamId) ?? []), point(snapshot.asOf, week, figures)]);
    }
    for (const [ownerId, score] of Object.entries(snapshot.qualityScore)) {
      quality.set(ownerId, [...(quality.get(ownerId) ?? []), { week, score }]);
    }
  }
  return {
    company: weeks.map(({ week, snapshot }) => point(snapshot.asOf, week, snapshot.company)),
    teams: sortedKeys(teams),
    qualityByOwner: sortedKeys(quality),
  };
}
