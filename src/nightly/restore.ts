/**
 * Looks over the restored history before the build and logs what it holds: how many snapshots,
 * from when to when, whether last night's is there. A snapshot file that cannot be read
 * (truncated, not gzip, wrong shape, misnamed) is moved to `unreadable/` beside the snapshots,
 * kept for inspection but no longer read, and named in the log; the build then goes on with the
 * snapshots that are readable, so one bad file costs one night's comparison, not the history.
 */
import { mkdir, rename } from 'node:fs/promises';
import { join } from 'node:path';
import { readSnapshots } from '../history/store.ts';
import { daysBetween } from '../periods/calendar.ts';

export interface RestoredHistory {
  count: number;
  first?: string;
  newest?: string;
  unreadable: string[];
  lines: string[];
}

export async function checkRestoredHistory(dir: string, asOf: string): Promise<RestoredHistory> {
  const { snapshots, problems } = await readSnapshots(dir);
  const lines: string[] = [];
  const unreadable: string[] = [];
  for (const problem of problems) {
    const name = problem.slice(0, problem.indexOf(': '));
    await mkdir(join(dir, 'unreadable'), { recursive: true });
    await rename(join(dir, name), join(dir, 'unreadable', name));
    unreadable.push(name);
    lines.push(`unreadable snapshot moved to unreadable/${name}: ${problem.slice(name.length + 2)}`);
  }
  const earlier = snapshots.filter((s) => s.asOf < asOf);
  const first = snapshots[0]?.asOf;
  const newest = earlier.at(-1)?.asOf;
  if (snapshots.length === 0) lines.push("no snapshots yet: tonight's build starts the history");
  else lines.push(`${snapshots.length} snapshot(s) from ${first} to ${snapshots.at(-1)!.asOf}`);
  if (newest !== undefined && daysBetween(newest, asOf) > 1) {
    lines.push(`no snapshot from the night before ${asOf}: the newest earlier one is from ${newest} (${daysBetween(newest, asOf)} days before)`);
  }
  return { count: snapshots.length, first, newest, unreadable, lines };
}
