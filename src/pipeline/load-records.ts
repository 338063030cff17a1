/**
 * Reads and validates every export in the data folder, one file at a time (streaming), and
 * accounts for every row: per file, read = accepted + rejected.
 *
 * Each canonical file (deals.csv…) may instead come from the settings' mapping or from CRM
 * exports a preset recognises (src/presets/detect.ts): those files are read as they are, under
 * their own names, and listed in `files` in place of the canonical file. Owners and accounts they
 * name are then resolved to ids where a users or accounts file knows them.
 *
 * Users and accounts are read first; the activity log after them, streamed into aggregates
 * (src/pipeline/activity-log.ts). A large log is read in a worker thread while the main thread
 * reads deals, targets, funnel and invoices (src/pipeline/activity-thread.ts); a canonical
 * activities.csv is then shared: the main thread reads the end the worker has not reached
 * (src/pipeline/activity-split.ts). The records are the same either way.
 */
import { join } from 'node:path';
import type { FileSpec } from '../schemas/column.ts';
import type { Account, Activity, Deal, Records, User } from '../model/types.ts';
import { planSources, type SourcePlan } from '../presets/detect.ts';
import { readExchangeRates } from '../presets/exchange-rates.ts';
import { resolveReferences } from '../presets/resolve-references.ts';
import type { Target } from '../presets/types.ts';
import { resolveAsOf } from '../settings/load-settings.ts';
import type { Settings } from '../settings/schema.ts';
import type { Issue } from '../validate/issue.ts';
import { makeIssue } from '../quality/rules.ts';
import type { CsvSplit } from '../ingest/split-csv.ts';
import type { FileResult, PartOptions } from '../validate/validate-file.ts';
import { readActivityLog, sharedIds, type ActivityLog } from './activity-log.ts';
import { ACTIVITY_WORKER_MIN_BYTES, activityLogBytes, readActivityLogInWorker } from './activity-thread.ts';
import { cutLog, halfOfRest, joinActivityLogs } from './activity-split.ts';
import { readTarget } from './read-target.ts';
import { SPECS } from './specs.ts';

/** Per-file row accounting, as published in report.json and on the data-quality page. */
export interface FileAccount {
  file: string;
  present: boolean;
  read: number;
  accepted: number;
  rejected: number;
  encoding?: string;
  delimiter?: string;
  /** Reading time: for the build log and the benchmark, never published (runPipeline leaves it out). */
  ms?: number;
}

export interface LoadedRecords {
  records: Records;
  files: FileAccount[];
  rejected: Issue[];
  fatal: Issue[];
  present: { accounts: boolean; users: boolean; activities: boolean; targets: boolean; funnel: boolean; invoices: boolean };
  /** What was read from which CRM export (one log line each); empty for a folder of canonical files. */
  sources: string[];
}

export interface LoadOptions {
  /** The as-of day (booked vs held meetings in CRM exports); default: the settings', else today. */
  asOf?: string;
  /** Receives the `sources` lines as they are decided. */
  log?: (line: string) => void;
  /** Sees every accepted activity row as it streams by (owner and account resolved), kept or not. */
  onActivity?: (activity: Activity) => void;
  /**
   * Where the activity log is read: `'worker'` in a worker thread while the main thread reads the
   * other files, `'main'` on the main thread after them; `'auto'` (default) picks the worker for
   * logs of at least ACTIVITY_WORKER_MIN_BYTES when no `onActivity` is given; `'split'` (and
   * `'auto'` for a canonical activities.csv) has the main thread take the end of the log once it
   * has read the other files (src/pipeline/activity-split.ts).
   */
  activityThread?: 'auto' | 'worker' | 'split' | 'main';
  /**
   * Cut a shared activities.csv here (the first record boundary at or after this byte), decided
   * before the worker starts; default: half of what the worker has not read once the deals are read.
   */
  activitySplitByte?: number;
}

function account(result: FileResult<unknown>): FileAccount {
  const { file, present, read, accepted, rejected, encoding, delimiter, ms } = result;
  return { file, present, read, accepted, rejected, encoding, delimiter, ms };
}

/** The settings with exchange rates from a Salesforce CurrencyType.csv merged under the user's. */
async function withCrmRates(dataDir: string, settings: Settings, plan: SourcePlan): Promise<Settings> {
  let result = settings;
  for (const source of plan.sources.filter((s) => s.target === 'exchangeRates')) {
    const { rates, note } = await readExchangeRates(dataDir, source.file, source.adapter, settings);
    plan.notes.push(note);
    result = { ...result, exchangeRates: { ...rates, ...result.exchangeRates } };
  }
  return result;
}

/** A missing deals file: name the exports that came close, so the fix is obvious. */
function explainMissingDeals(fatal: Issue[], plan: SourcePlan): Issue[] {
  if (plan.nearMisses.length === 0) return fatal;
  return fatal.map((issue) =>
    issue.code === 'MissingFile' && issue.file === SPECS.deals.file
      ? { ...issue, message: `${issue.message}; no deals export recognised: ${plan.nearMisses.join('; ')}` }
      : issue,
  );
}

/** A deals export with a header and no rows stops the build (NoRows): its report would be all zeros. */
function noDeals(files: FileResult<unknown>[]): Issue[] {
  const present = files.filter((file) => file.present);
  if (present.length === 0 || present.some((file) => file.read > 0)) return [];
  return present.map((file) => makeIssue('NoRows', { file: file.file }, { file: file.file, line: 0 }));
}

export async function loadRecords(dataDir: string, settings: Settings, options: LoadOptions = {}): Promise<LoadedRecords> {
  const asOf = options.asOf ?? resolveAsOf(settings, new Date());
  const plan = await planSources(dataDir, settings, SPECS);
  const effective = await withCrmRates(dataDir, settings, plan);
  for (const line of plan.notes) options.log?.(line);

  const results = {} as Record<Target, FileResult<unknown>[]>;
  const sourcesOf = (target: Target) => plan.sources.filter((source) => source.target === target);
  const fromCrm = new Set(plan.sources.map((source) => source.file));
  const load = async (target: Target) => {
    results[target] = await readTarget(dataDir, SPECS[target] as FileSpec<unknown>, effective, sourcesOf(target), { asOf, log: options.log });
  };
  // One file's records as they are (a million deals are not copied); several files' joined.
  const recordsOf = <T>(target: Target) => {
    const files = results[target] ?? [];
    return (files.length === 1 ? files[0]!.records : files.flatMap((result) => result.records)) as T[];
  };
  const presentOf = (target: Target) => (results[target] ?? []).some((result) => result.present);

  const activitySources = sourcesOf('activities');
  const mode = options.activityThread ?? 'auto';
  const logBytes = await activityLogBytes(dataDir, activitySources);
  const inWorker = mode === 'worker' || mode === 'split' || (mode === 'auto' && !options.onActivity && logBytes >= ACTIVITY_WORKER_MIN_BYTES);
  // A canonical activities.csv is shared between the threads (src/pipeline/activity-split.ts).
  const shareLog = inWorker && activitySources.length === 0 && mode !== 'worker';
  const logPath = join(dataDir, SPECS.activities.file);
  const cutAt = options.activitySplitByte;
  // The worker starts now, loading its modules while this thread reads users and accounts.
  const thread = inWorker
    ? readActivityLogInWorker(
        { dataDir, settings: effective, asOf, share: shareLog ? { bytes: logBytes, waitForCut: cutAt !== undefined } : undefined },
        options.log,
      )
    : undefined;
  // Users and accounts first: the activity log resolves its owners and accounts against them.
  // The worker waits for them, and later for the open deals: should this thread fail before it
  // has the worker's log, the worker is stopped, not left waiting.
  let users: User[];
  let accounts: Account[];
  let presentSoFar: { users: boolean; accounts: boolean };
  let activityLog: ActivityLog;
  try {
    await load('users');
    await load('accounts');
    users = recordsOf<User>('users');
    accounts = recordsOf<Account>('accounts');
    presentSoFar = { users: presentOf('users'), accounts: presentOf('accounts') };
    thread?.references({ users, accounts, present: presentSoFar });
    let split: CsvSplit | undefined;
    const takeEnd = async (target: (read: number) => number | undefined) => {
      split = await cutLog(thread!, logPath, target);
      if (split) options.log?.(`  ${SPECS.activities.file}: read in two threads, from line ${split.second.firstLine} on by the main thread`);
    };
    if (shareLog && cutAt !== undefined) await takeEnd(() => cutAt);
    for (const target of ['deals', 'targets', 'funnel', 'invoices'] as const) await load(target);
    // Only open deals are tracked for their last activity (stalled deals are open deals), each
    // under the deal's own id string.
    const openDealIds = recordsOf<Deal>('deals').filter((d) => d.status === 'open').map((d) => d.id);
    const openDeals = sharedIds(openDealIds);
    const readHere = (part?: PartOptions) =>
      readActivityLog({
        dataDir,
        settings: effective,
        asOf,
        sources: activitySources,
        users,
        accounts,
        present: presentSoFar,
        trackDeals: openDeals,
        log: options.log,
        onActivity: options.onActivity,
        part,
      });
    if (thread) {
      thread.trackOpenDeals(openDealIds);
      if (shareLog && cutAt === undefined) await takeEnd((read) => halfOfRest(logBytes, read));
      const second = split ? await readHere({ part: split.second, keepIds: true }) : undefined;
      activityLog = await thread.result({
        users: presentSoFar.users ? sharedIds(users.map((u) => u.id)) : undefined,
        accounts: presentSoFar.accounts ? sharedIds(accounts.map((a) => a.id)) : undefined,
        deals: openDeals,
      });
      if (split && second) {
        const firstIds = activityLog.ids;
        const overlap = firstIds !== undefined && second.ids !== undefined && second.ids.sharesAnIdWith(firstIds);
        second.ids?.release();
        const secondLog = overlap ? await readHere({ part: split.second, ids: firstIds }) : second;
        // The id tables (12 bytes per row read) are done with: freed now, not at some later collection.
        firstIds?.release();
        activityLog = joinActivityLogs(activityLog, secondLog);
      }
    } else {
      activityLog = await readHere();
    }
  } catch (error) {
    thread?.stop();
    throw error;
  }
  results.activities = activityLog.results;

  const all = (Object.keys(SPECS) as Target[]).flatMap((target) => results[target]);
  const present = {
    accounts: presentSoFar.accounts,
    users: presentSoFar.users,
    activities: presentOf('activities'),
    targets: presentOf('targets'),
    funnel: presentOf('funnel'),
    invoices: presentOf('invoices'),
  };
  const records = resolveReferences(
    {
      deals: recordsOf('deals'),
      accounts,
      activities: activityLog.kept,
      activityFacts: activityLog.facts,
      users,
      targets: recordsOf('targets'),
      funnel: recordsOf('funnel'),
      invoices: recordsOf('invoices'),
    },
    present,
    fromCrm,
  );
  const fatal = [...plan.fatal, ...explainMissingDeals(all.flatMap((result) => result.fatal), plan)];
  return {
    records,
    files: all.map(account),
    rejected: all.flatMap((result) => result.issues),
    fatal: fatal.length > 0 ? fatal : noDeals(results.deals ?? []),
    present,
    sources: plan.notes,
  };
}
