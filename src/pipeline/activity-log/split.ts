/**
 * A large activities.csv read by both threads: the worker thread reads it from the start while
 * the main thread reads the deals; then the main thread takes half of what the worker has not
 * read yet (src/ingest/split-csv.ts finds a cut at a record boundary), so both finish together
 * however fast each thread turned out to be.
 *
 * The two parts are joined into what reading the file whole gives: rows and issues in file order,
 * facts summed. An id used in both parts is a DuplicateId of the second part's row, which the
 * main thread cannot know while the worker still reads; when the two parts' ids overlap, the
 * second part is read again knowing the first part's ids (a rare, slower path, same result).
 */
import { planCsvSplit, type CsvSplit } from '../../ingest/split-csv.ts';
import { mergeActivityFacts } from '../../model/activity-facts.ts';
import type { Activity } from '../../core/records.ts';
import { joinParts } from '../../validate/validate-file.ts';
import type { ActivityLog } from './stream.ts';
import type { LogCutter } from './thread.ts';

/** Less than this much of the log left unread, and the main thread leaves it to the worker. */
export const MIN_SHARED_BYTES = 1024 * 1024;

/**
 * Where to cut a log of `bytes` that the worker has read up to `read`: half of what is left, so
 * both threads, reading at about the same speed, finish together; undefined when little is left.
 */
export function halfOfRest(bytes: number, read: number): number | undefined {
  return bytes - read < MIN_SHARED_BYTES ? undefined : Math.round(read + (bytes - read) / 2);
}

/**
 * Takes the end of the log at `path` off the worker: asks how far it has read, cuts at the first
 * record boundary at or after `target(read)`, and has the worker stop there. The worker may have
 * read past the cut meanwhile; then it is asked again (three times at most). Undefined when there
 * is no cut (little left, a file the cut cannot be found in): the worker then reads it all.
 */
export async function cutLog(thread: LogCutter, path: string, target: (read: number) => number | undefined): Promise<CsvSplit | undefined> {
  for (let attempt = 0; attempt < 3; attempt++) {
    const read = await thread.where();
    const at = target(read);
    const split = at === undefined || at <= read ? undefined : await planCsvSplit(path, at);
    if (!split) break;
    if (await thread.cut(split.first.range.end)) return split;
  }
  await thread.cut(null);
  return undefined;
}

/** The log of the whole file from the logs of its two parts, in file order (`first` is reused). */
export function joinActivityLogs(first: ActivityLog, second: ActivityLog): ActivityLog {
  const kept: Activity[] = first.kept;
  for (const row of second.kept) kept.push(row);
  return {
    results: [joinParts(first.results[0]!, second.results[0]!)],
    facts: mergeActivityFacts(first.facts, second.facts),
    kept,
  };
}
