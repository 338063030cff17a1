/**
 * Reading the activity log on the machine's second core: a worker thread
 * (src/pipeline/activity-log/worker.ts) reads it while the main thread reads the deals and the
 * other files. Used for large logs only (`ACTIVITY_WORKER_MIN_BYTES`), where the thread's start
 * (loading the modules, ≈ 0.3 s) is small against the reading it moves off the main thread.
 */
import { stat } from 'node:fs/promises';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { Account, User } from '../../core/records.ts';
import type { PlannedSource } from '../../presets/detect.ts';
import type { Settings } from '../../settings/schema.ts';
import type { ActivityLog } from './stream.ts';
import { unpackActivityLog, type PackedActivityLog, type SharedStrings } from './transfer.ts';

/** The users and accounts the log's owners and accounts are resolved against (sent once read). */
export interface WorkerReferences {
  users: User[];
  accounts: Account[];
  present: { users: boolean; accounts: boolean };
}

/**
 * What the worker is started with (structured-cloned into it). It is started before users.csv
 * and accounts.csv are read, so it loads its modules meanwhile; it reads nothing until it has
 * their records (`ActivityThread.references`).
 */
export interface WorkerInput {
  dataDir: string;
  settings: Settings;
  asOf: string;
  /**
   * activities.csv (of `bytes`) is shared: the main thread may take its end (`cut`). With
   * `waitForCut`, the worker reads nothing until the first `cut` request.
   */
  share?: { bytes: number; waitForCut: boolean };
}

export type WorkerMessage =
  | { kind: 'log'; line: string }
  | { kind: 'where'; read: number }
  | { kind: 'cut'; accepted: boolean }
  | { kind: 'done'; log: PackedActivityLog }
  | { kind: 'failed'; message: string };

/**
 * `where`: how far the shared log is read (bytes, the chunk being read included); `cut`: stop
 * at byte `end` if not past it yet (`null`: no cut; both release a worker waiting for a cut).
 */
export type WorkerRequest =
  { kind: 'references'; references: WorkerReferences } | { kind: 'openDeals'; ids: string[] } | { kind: 'where' } | { kind: 'cut'; end: number | null };

/** Activity logs of at least this many bytes are read in a worker thread (`'auto'`). */
export const ACTIVITY_WORKER_MIN_BYTES = 32 * 1024 * 1024;

/** The bytes of a file in the data folder (0 when absent). */
async function fileBytes(dataDir: string, file: string): Promise<number> {
  return stat(join(dataDir, file)).then(
    (s) => (s.isFile() ? s.size : 0),
    () => 0,
  );
}

/** The bytes of the files the activity log is read from (0 for files that are absent). */
export async function activityLogBytes(dataDir: string, sources: readonly PlannedSource[]): Promise<number> {
  const files = sources.length > 0 ? sources.map((source) => source.file) : ['activities.csv'];
  const sizes = await Promise.all(files.map((file) => fileBytes(dataDir, file)));
  return sizes.reduce((sum, size) => sum + size, 0);
}

/** Where a shared activity log is read up to, and the cut of its end. */
export interface LogCutter {
  /** Bytes of activities.csv the worker has read or is reading. */
  where(): Promise<number>;
  /** Has the worker stop at byte `end` (a record boundary), if it has not read past it; `null`: read to the end. */
  cut(end: number | null): Promise<boolean>;
}

export interface ActivityThread extends LogCutter {
  /** Gives the worker the users and accounts; it starts reading then. */
  references(references: WorkerReferences): void;
  /** Stops the worker (the main thread failed before it needs the log); `result` then rejects. */
  stop(): void;
  /** Tells the worker which deals are open, so it tracks only those; it is not done before it knows them. */
  trackOpenDeals(ids: string[]): void;
  /** The log, its owners, accounts and tracked deals as the main thread's strings. */
  result(shared: SharedStrings): Promise<ActivityLog>;
}

export function startLogWorker(input: WorkerInput, log?: (line: string) => void): ActivityThread {
  const worker = new Worker(new URL('./worker.ts', import.meta.url), { workerData: input });
  // `where` and `cut` requests are answered in order. Once the worker is done (or failed) it
  // answers no more: it has read the whole log, so there is nothing left to cut.
  const waiting: { request: WorkerRequest; answer: (message: WorkerMessage) => void }[] = [];
  let finished = false;
  const finishedAnswer = (request: WorkerRequest): WorkerMessage =>
    request.kind === 'where' ? { kind: 'where', read: Number.POSITIVE_INFINITY } : { kind: 'cut', accepted: false };
  const ask = <T>(request: WorkerRequest, take: (message: WorkerMessage) => T) =>
    new Promise<T>((resolve) => {
      const answer = (message: WorkerMessage) => resolve(take(message));
      if (finished) return answer(finishedAnswer(request));
      waiting.push({ request, answer });
      worker.postMessage(request);
    });
  const finish = () => {
    finished = true;
    for (const { request, answer } of waiting.splice(0)) answer(finishedAnswer(request));
  };
  const packed = new Promise<PackedActivityLog>((resolve, reject) => {
    let settled = false;
    const fail = (message: string) => {
      if (settled) return;
      settled = true;
      finish();
      void worker.terminate();
      reject(new Error(`reading the activity log in a worker thread failed: ${message}`));
    };
    worker.on('message', (message: WorkerMessage) => {
      if (message.kind === 'log') log?.(message.line);
      else if (message.kind === 'where' || message.kind === 'cut') waiting.shift()?.answer(message);
      else if (message.kind === 'failed') fail(message.message);
      else if (!settled) {
        settled = true;
        finish();
        // The worker's heap is released before the main thread unpacks the rows.
        void worker.terminate().then(() => resolve(message.log));
      }
    });
    worker.on('error', (error) => fail(error.stack ?? error.message));
    worker.on('exit', (code) => fail(`the worker stopped (exit code ${code}) before it was done`));
  });
  packed.catch(() => {}); // a failure is reported where the result is awaited
  return {
    where: () => ask({ kind: 'where' }, (message) => (message.kind === 'where' ? message.read : 0)),
    cut: (end) => ask({ kind: 'cut', end }, (message) => message.kind === 'cut' && message.accepted),
    references: (references) => worker.postMessage({ kind: 'references', references } satisfies WorkerRequest),
    stop: () => void worker.terminate(),
    trackOpenDeals: (ids) => worker.postMessage({ kind: 'openDeals', ids } satisfies WorkerRequest),
    result: async (shared) => unpackActivityLog(await packed, shared),
  };
}
