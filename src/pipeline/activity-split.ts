/**
 * A large activities.csv read by both threads: the worker thread reads its first part while the
 * main thread reads the deals, and then the main thread reads the rest (src/ingest/split-csv.ts
 * finds a cut at a record boundary). The cut is placed so that both threads have about as much
 * work: the main thread's share is the deals plus the log after the cut.
 *
 * The two parts are joined into what reading the file whole gives: rows and issues in file order,
 * facts summed. An id used in both parts is a DuplicateId of the second part's row, which the
 * main thread cannot know while the worker still reads; when the two parts' ids overlap, the
 * second part is read again knowing the first part's ids (a rare, slower path, same result).
 */
import { stat } from 'node:fs/promises';
import { join } from 'node:path';
import { planCsvSplit, type CsvSplit } from '../ingest/split-csv.ts';
import { mergeActivityFacts } from '../model/activity-facts.ts';
import type { Activity } from '../model/types.ts';
import { joinParts } from '../validate/validate-file.ts';
import type { ActivityLog } from './activity-log.ts';

/**
 * The time to read a byte of deals.csv against a byte of activities.csv, as measured on the
 * bench export (docs/performance.md): deal rows are longer, and cost less per byte.
 */
export const DEAL_BYTE_WEIGHT = 0.6;

/**
 * Where to cut a log of `activityBytes` so that the worker's part (before the cut) costs as much
 * as the deals plus the part after it; undefined when the deals alone outweigh the whole log.
 */
export function splitByte(dealBytes: number, activityBytes: number): number | undefined {
  const at = Math.round((DEAL_BYTE_WEIGHT * dealBytes + activityBytes) / 2);
  return at < activityBytes ? at : undefined;
}

/** The bytes of a file in the data folder (0 when absent). */
export async function fileBytes(dataDir: string, file: string): Promise<number> {
  return stat(join(dataDir, file)).then((s) => (s.isFile() ? s.size : 0), () => 0);
}

/**
 * The split of dataDir's activities.csv against `dealBytes` of deals (or at byte `at`), when one
 * is worth it and safe.
 */
export async function planActivitySplit(dataDir: string, dealBytes: number, at?: number): Promise<CsvSplit | undefined> {
  const path = join(dataDir, 'activities.csv');
  at ??= splitByte(dealBytes, await fileBytes(dataDir, 'activities.csv'));
  return at === undefined ? undefined : planCsvSplit(path, at);
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
