/**
 * Reading the activity log on the machine's second core: a worker thread
 * (src/pipeline/activity-worker.ts) reads it while the main thread reads the deals and the
 * other files. Used for large logs only (`ACTIVITY_WORKER_MIN_BYTES`), where the thread's start
 * (loading the modules, ≈ 0.3 s) is small against the reading it moves off the main thread.
 */
import { stat } from 'node:fs/promises';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { CsvPart } from '../ingest/read-csv.ts';
import type { Account, User } from '../model/types.ts';
import type { PlannedSource } from '../presets/detect.ts';
import type { Settings } from '../settings/schema.ts';
import type { ActivityLog } from './activity-log.ts';
import { unpackActivityLog, type PackedActivityLog, type SharedStrings } from './activity-transfer.ts';

/** What the worker is started with (structured-cloned into it). */
export interface WorkerInput {
  dataDir: string;
  settings: Settings;
  asOf: string;
  users: User[];
  accounts: Account[];
  present: { users: boolean; accounts: boolean };
  /** Wait for a `part` request before reading (the main thread reads the rest of the file). */
  awaitPart?: boolean;
}

export type WorkerMessage =
  | { kind: 'log'; line: string }
  | { kind: 'done'; log: PackedActivityLog }
  | { kind: 'failed'; message: string };

export type WorkerRequest = { kind: 'openDeals'; ids: string[] } | { kind: 'part'; part: CsvPart | undefined };

/** Activity logs of at least this many bytes are read in a worker thread (`'auto'`). */
export const ACTIVITY_WORKER_MIN_BYTES = 32 * 1024 * 1024;

/** The bytes of the files the activity log is read from (0 for files that are absent). */
export async function activityLogBytes(dataDir: string, sources: readonly PlannedSource[]): Promise<number> {
  const files = sources.length > 0 ? sources.map((source) => source.file) : ['activities.csv'];
  const sizes = await Promise.all(files.map((file) => stat(join(dataDir, file)).then((s) => s.size, () => 0)));
  return sizes.reduce((sum, size) => sum + size, 0);
}

export interface ActivityThread {
  /** With `awaitPart`: the part of activities.csv to read (undefined: all of it). */
  readPart(part: CsvPart | undefined): void;
  /** Tells the worker which deals are open, so it tracks only those from then on. */
  trackOpenDeals(ids: string[]): void;
  /** The log, its owners, accounts and tracked deals as the main thread's strings. */
  result(shared: SharedStrings): Promise<ActivityLog>;
}

export function readActivityLogInWorker(input: WorkerInput, log?: (line: string) => void): ActivityThread {
  const worker = new Worker(new URL('./activity-worker.ts', import.meta.url), { workerData: input });
  const packed = new Promise<PackedActivityLog>((resolve, reject) => {
    let settled = false;
    const fail = (message: string) => {
      if (settled) return;
      settled = true;
      void worker.terminate();
      reject(new Error(`reading the activity log in a worker thread failed: ${message}`));
    };
    worker.on('message', (message: WorkerMessage) => {
      if (message.kind === 'log') log?.(message.line);
      else if (message.kind === 'failed') fail(message.message);
      else if (!settled) {
        settled = true;
        // The worker's heap is released before the main thread unpacks the rows.
        void worker.terminate().then(() => resolve(message.log));
      }
    });
    worker.on('error', (error) => fail(error.stack ?? error.message));
    worker.on('exit', (code) => fail(`the worker stopped (exit code ${code}) before it was done`));
  });
  packed.catch(() => {}); // a failure is reported where the result is awaited
  return {
    readPart: (part) => worker.postMessage({ kind: 'part', part } satisfies WorkerRequest),
    trackOpenDeals: (ids) => worker.postMessage({ kind: 'openDeals', ids } satisfies WorkerRequest),
    result: async (shared) => unpackActivityLog(await packed, shared),
  };
}
