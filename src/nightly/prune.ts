/**
 * Which snapshots the history keeps. Pure: names in, names out.
 *
 * @summary Given the as-of dates of the snapshots and the as-of date of tonight's build:
 * - every snapshot of the last `dailyDays` days (as-of − dailyDays < date) is kept: the weekly
 *   meeting compares with any night of the last weeks;
 * - the last snapshot of each ISO week is kept for `weeklyDays` days: it is what the weekly
 *   meeting of the following week was shown ("the last snapshot before the week began") and
 *   what the trends plot;
 * - the last snapshot of each calendar month is kept for good: the monthly review's
 *   "as presented";
 * - snapshots dated after as-of (a build run for an earlier day) are kept.
 * Everything else is dropped.
 *
 * @example
 * // as of 2026-12-07, 42 daily days: 2026-10-01 (Thu, not last of W40: 2026-10-02 is) → dropped
 * pruneSnapshots(['2026-10-01', '2026-10-02', '2026-12-06'], '2026-12-07')
 * //=> { keep: ['2026-10-02', '2026-12-06'], drop: ['2026-10-01'] }
 */
import type { IsoDate } from '../core/records.ts';
import { addDays } from '../periods/calendar.ts';
import { isoWeekOf } from '../periods/iso-week.ts';

export interface PrunePolicy {
  /** Every snapshot of this many days before as-of is kept. */
  dailyDays: number;
  /** The last snapshot of each ISO week is kept this many days. */
  weeklyDays: number;
}

const DEFAULT_PRUNE_POLICY: PrunePolicy = { dailyDays: 42, weeklyDays: 3 * 366 };

function lastPerGroup(dates: readonly IsoDate[], group: (date: IsoDate) => string): Set<IsoDate> {
  const last = new Map<string, IsoDate>();
  for (const date of dates) {
    const key = group(date);
    const kept = last.get(key);
    if (kept === undefined || date > kept) last.set(key, date);
  }
  return new Set(last.values());
}

export function pruneSnapshots(dates: readonly IsoDate[], asOf: IsoDate, policy: PrunePolicy = DEFAULT_PRUNE_POLICY): { keep: IsoDate[]; drop: IsoDate[] } {
  const sorted = [...new Set(dates)].sort();
  const weekly = lastPerGroup(sorted, isoWeekOf);
  const monthly = lastPerGroup(sorted, (date) => date.slice(0, 7));
  const dailyFrom = addDays(asOf, -policy.dailyDays);
  const weeklyFrom = addDays(asOf, -policy.weeklyDays);
  const keep: IsoDate[] = [];
  const drop: IsoDate[] = [];
  for (const date of sorted) {
    const kept = date > asOf || date > dailyFrom || (weekly.has(date) && date > weeklyFrom) || monthly.has(date);
    (kept ? keep : drop).push(date);
  }
  return { keep, drop };
}
