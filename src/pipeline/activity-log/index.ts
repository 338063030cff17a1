/**
 * The activity log's one door: `readActivityLog` reads activities.csv (or the CRM exports
 * standing in for it) into facts and kept rows, and decides inside where it is read:
 *
 * - `main`: on this thread, after the other files (stream.ts, with the quick rows of
 *   quick-rows.ts for the common row);
 * - `worker`: in a worker thread (thread.ts, worker.ts, transfer.ts) while this thread reads the
 *   other files, for logs of at least `ACTIVITY_WORKER_MIN_BYTES`;
 * - `split`: a canonical activities.csv read by both threads, this thread taking its end once it
 *   has read the other files (split.ts).
 *
 * The facts and kept rows are the same whichever way was taken. The caller hands over how to read
 * the files the log depends on (users and accounts, whose ids it resolves against, and the deals,
 * whose open ones it tracks), and this door calls them when the chosen way needs them.
 */
import { join } from 'node:path';
import type { Account, Activity, User } from '../../core/records.ts';
import type { CsvSplit } from '../../ingest/split-csv.ts';
import type { PlannedSource } from '../../presets/detect.ts';
import type { Settings } from '../../settings/schema.ts';
import type { PartOptions } from '../../validate/validate-file.ts';
import { SPECS } from '../specs.ts';
import { cutLog, halfOfRest, joinActivityLogs } from './split.ts';
import { sharedIds, streamActivityLog, type ActivityLog } from './stream.ts';
import { ACTIVITY_WORKER_MIN_BYTES, activityLogBytes, startLogWorker, type ActivityThread } from './thread.ts';

export type { ActivityLog } from './stream.ts';

/** Where the log is read: see the module header. `auto` picks by the log's size. */
export type LogThread = 'auto' | 'worker' | 'split' | 'main';

/** The users and accounts the log's owners and accounts resolve against, and which files were present. */
export interface LogReferences {
  users: User[];
  accounts: Account[];
  present: { users: boolean; accounts: boolean };
}

export interface ReadLogInput {
  dataDir: string;
  /** The effective settings (CRM exchange rates merged). */
  settings: Settings;
  asOf: string;
  /** CRM exports standing in for activities.csv; empty: activities.csv itself. */
  sources: readonly PlannedSource[];
  log?: (line: string) => void;
  /** Sees every accepted row as it streams by (owner and account resolved), kept or not; the log is then read on this thread. */
  onActivity?: (activity: Activity) => void;
  thread?: LogThread;
  /** `split`: cut activities.csv at the first record boundary at or after this byte, decided before the worker starts. */
  splitByte?: number;
  /** Reads users.csv and accounts.csv; called first. */
  readReferences: () => Promise<LogReferences>;
  /** Reads the other files (while a worker reads the log); gives the ids of the open deals, whose last activity is tracked. */
  readOtherFiles: () => Promise<string[]>;
}

/** The log, read where `chooseThread` says. */
export async function readActivityLog(input: ReadLogInput): Promise<ActivityLog> {
  const bytes = await activityLogBytes(input.dataDir, input.sources);
  const where = chooseThread(input, bytes);
  if (where === 'main') return readOnThisThread(input);
  return readWithWorker(input, bytes, where === 'split');
}

/** `main`, `worker` or `split` for this log. Returning `'main'` here is all it takes to read every log on this thread. */
function chooseThread({ thread = 'auto', onActivity, sources }: ReadLogInput, bytes: number): 'main' | 'worker' | 'split' {
  if (thread === 'main' || (thread === 'auto' && (onActivity !== undefined || bytes < ACTIVITY_WORKER_MIN_BYTES))) return 'main';
  // Only a canonical activities.csv can be shared between the threads.
  return thread === 'worker' || sources.length > 0 ? 'worker' : 'split';
}

/** Everything else first, then the log on this thread. */
async function readOnThisThread(input: ReadLogInput): Promise<ActivityLog> {
  const references = await input.readReferences();
  const openDeals = sharedIds(await input.readOtherFiles());
  return streamActivityLog({ ...streamInput(input, references), trackDeals: openDeals });
}

function streamInput({ dataDir, settings, asOf, sources, log, onActivity }: ReadLogInput, references: LogReferences) {
  return { dataDir, settings, asOf, sources, log, onActivity, ...references };
}

/**
 * The log in a worker thread while this thread reads the other files; with `share`, this thread
 * then takes the end of activities.csv the worker has not reached. The worker starts first and
 * loads its modules while this thread reads users and accounts; should this thread fail before
 * it has the worker's log, the worker is stopped, not left waiting.
 */
async function readWithWorker(input: ReadLogInput, bytes: number, share: boolean): Promise<ActivityLog> {
  const { dataDir, settings, asOf, splitByte } = input;
  const waitForCut = share && splitByte !== undefined;
  const thread = startLogWorker({ dataDir, settings, asOf, share: share ? { bytes, waitForCut } : undefined }, input.log);
  try {
    const references = await input.readReferences();
    thread.references(references);
    let split = waitForCut ? await takeEnd(input, thread, () => splitByte) : undefined;
    const openDealIds = await input.readOtherFiles();
    const openDeals = sharedIds(openDealIds);
    thread.trackOpenDeals(openDealIds);
    if (share && !waitForCut) split = await takeEnd(input, thread, (read) => halfOfRest(bytes, read));
    const readEnd = (part: PartOptions) => streamActivityLog({ ...streamInput(input, references), trackDeals: openDeals, part });
    const second = split ? await readEnd({ part: split.second, keepIds: true }) : undefined;
    const first = await thread.result({
      users: references.present.users ? sharedIds(references.users.map((u) => u.id)) : undefined,
      accounts: references.present.accounts ? sharedIds(references.accounts.map((a) => a.id)) : undefined,
      deals: openDeals,
    });
    if (!split || !second) return first;
    const overlap = first.ids !== undefined && second.ids !== undefined && second.ids.sharesAnIdWith(first.ids);
    second.ids?.release();
    const secondLog = overlap ? await readEnd({ part: split.second, ids: first.ids }) : second;
    // The id tables (12 bytes per row read) are done with: freed now, not at some later collection.
    first.ids?.release();
    return joinActivityLogs(first, secondLog);
  } catch (error) {
    thread.stop();
    throw error;
  }
}

/** Has the worker leave the end of activities.csv (from `target(read)` on) to this thread; undefined: no cut. */
async function takeEnd(input: ReadLogInput, thread: ActivityThread, target: (read: number) => number | undefined): Promise<CsvSplit | undefined> {
  const split = await cutLog(thread, join(input.dataDir, SPECS.activities.file), target);
  if (split) input.log?.(`  ${SPECS.activities.file}: read in two threads, from line ${split.second.firstLine} on by the main thread`);
  return split;
}
