/**
 * Picks the snapshot a meeting page shows. Pure.
 *
 * "As presented at the meeting" is the last snapshot on or before the meeting day; "the previous
 * meeting" is the same pick for the previous meeting's day (e.g. seven days earlier for the weekly
 * meeting). So a page keeps showing what it showed, however many nightly builds follow.
 *
 * @example
 * snapshotAtOrBefore([s('2026-04-13'), s('2026-04-17'), s('2026-04-20')], '2026-04-19')?.asOf //=> '2026-04-17'
 * snapshotAtOrBefore([s('2026-04-13')], '2026-04-12') //=> undefined
 */
import type { IsoDate } from '../core/records.ts';
import type { Snapshot } from './types.ts';

/** The latest snapshot with asOf ≤ date (input in any order), or undefined when none is that old. */
export function snapshotAtOrBefore(snapshots: readonly Snapshot[], date: IsoDate): Snapshot | undefined {
  let best: Snapshot | undefined;
  for (const snapshot of snapshots) {
    if (snapshot.asOf <= date && (!best || snapshot.asOf >= best.asOf)) best = snapshot;
  }
  return best;
}
