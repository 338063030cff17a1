/**
 * Reads and validates every export in the data folder, one file at a time (streaming), and
 * accounts for every row: per file, read = accepted + rejected.
 *
 * Each canonical file (deals.csv…) may instead come from the settings' mapping or from CRM
 * exports a preset recognises (src/presets/detect.ts): those files are read as they are, under
 * their own names, and listed in `files` in place of the canonical file. Owners and accounts they
 * name are then resolved to ids where a users or accounts file knows them.
 *
 * Users and accounts are read first, then the deals, targets, funnel, invoices and leads
 * (REFERENCE_FILES, OTHER_FILES); the activity log is streamed into aggregates behind its own
 * door (src/pipeline/activity-log/index.ts), which decides whether it is read on this thread
 * after the other files or by a worker thread meanwhile. The records are the same either way.
 */
import type { FileSpec } from '../schemas/column.ts';
import type { Account, Activity, Deal, User } from '../core/records.ts';
import type { Records } from '../model/records.ts';
import type { Lead } from '../schemas/leads.ts';
import { planSources, type SourcePlan } from '../presets/detect.ts';
import { readCrmRates } from '../presets/exchange-rates.ts';
import { salesforceOpportunities } from '../presets/salesforce-data-export.ts';
import { deriveSalesforceStages } from '../presets/salesforce-stages.ts';
import { resolveReferences } from '../presets/resolve-references.ts';
import type { Target } from '../presets/types.ts';
import { resolveAsOf } from '../settings/load-settings.ts';
import type { Settings } from '../settings/schema.ts';
import type { FileAccount } from '../core/file-account.ts';
import type { Issue } from '../core/issue.ts';
import { makeIssue } from '../core/rules.ts';
import type { FileResult } from '../validate/validate-file.ts';
import { readActivityLog, type ActivityLog, type LogReferences, type LogThread } from './activity-log/index.ts';
import { readTarget } from './read-target.ts';
import { SPECS } from './specs.ts';

export interface LoadedRecords {
  records: Records;
  files: FileAccount[];
  rejected: Issue[];
  /** The settings the export was read with: the user's, plus the stages a Salesforce export defines (when the user set none). */
  settings: Settings;
  /** Data-quality issues found while reading (a NUL byte removed from a cell), not rejections. */
  cleaned: Issue[];
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
   * Where the activity log is read (src/pipeline/activity-log/index.ts): `'main'` on this thread
   * after the other files, `'worker'` in a worker thread meanwhile, `'split'` both; `'auto'`
   * (default) picks by the log's size.
   */
  activityThread?: LogThread;
  /** `'split'`: cut activities.csv at the first record boundary at or after this byte. */
  activitySplitByte?: number;
}

function account(result: FileResult<unknown>): FileAccount {
  const { file, present, read, accepted, rejected, encoding, delimiter, ms } = result;
  return { file, present, read, accepted, rejected, encoding, delimiter, ms };
}

/** The settings with exchange rates from a Salesforce CurrencyType.csv / DatedConversionRate.csv merged under the user's. */
async function withCrmRates(dataDir: string, settings: Settings, plan: SourcePlan): Promise<Settings> {
  const sources = plan.sources.filter((s) => s.target === 'exchangeRates');
  if (sources.length === 0) return settings;
  const { exchangeRates, datedExchangeRates, notes } = await readCrmRates(dataDir, sources, settings);
  plan.notes.push(...notes);
  return {
    ...settings,
    exchangeRates: { ...exchangeRates, ...settings.exchangeRates },
    datedExchangeRates: { ...datedExchangeRates, ...settings.datedExchangeRates },
  };
}

/** An org's own stages from its Salesforce OpportunityStage.csv or Opportunity.csv, when the settings have none (salesforce-stages.ts). */
async function withCrmStages(dataDir: string, settings: Settings, plan: SourcePlan): Promise<Settings> {
  const source = plan.sources.find((s) => s.target === 'deals' && s.adapter.id === salesforceOpportunities.id);
  if (!source) return settings;
  const definitions = plan.sources.find((s) => s.target === 'stages');
  const derived = await deriveSalesforceStages(dataDir, source.file, source.adapter, settings, definitions);
  if (!derived) return settings;
  plan.notes.push(derived.note);
  return { ...settings, stages: derived.stages };
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

/** Read first: the activity log resolves its owners and accounts against them. */
const REFERENCE_FILES = ['users', 'accounts'] as const;
/** Read next, on this thread, while a worker reads the activity log (or before this thread does). */
const OTHER_FILES = ['deals', 'targets', 'funnel', 'invoices', 'leads'] as const;

/** Reads each canonical file (or the CRM exports standing in for it) once, and keeps what it read. */
function fileReader(dataDir: string, settings: Settings, plan: SourcePlan, asOf: string, log: ((line: string) => void) | undefined) {
  const results = {} as Record<Target, FileResult<unknown>[]>;
  const sourcesOf = (target: Target) => plan.sources.filter((source) => source.target === target);
  const load = async (target: Target) => {
    results[target] = await readTarget(dataDir, SPECS[target] as FileSpec<unknown>, settings, sourcesOf(target), { asOf, log });
  };
  // One file's records as they are (a million deals are not copied); several files' joined.
  const recordsOf = <T>(target: Target) => {
    const read = results[target] ?? [];
    return (read.length === 1 ? read[0]!.records : read.flatMap((result) => result.records)) as T[];
  };
  const presentOf = (target: Target) => (results[target] ?? []).some((result) => result.present);
  let references: LogReferences | undefined;
  return {
    results,
    sourcesOf,
    recordsOf,
    presentOf,
    /** The users and accounts, read once (the activity log asks for them). */
    references: (): LogReferences => references!,
    readReferences: async (): Promise<LogReferences> => {
      for (const target of REFERENCE_FILES) await load(target);
      const present = { users: presentOf('users'), accounts: presentOf('accounts') };
      references = { users: recordsOf<User>('users'), accounts: recordsOf<Account>('accounts'), present };
      return references;
    },
    /** Reads the other files; the ids of the open deals, the only ones tracked for their last activity (stalled deals are open). */
    readOtherFiles: async (): Promise<string[]> => {
      for (const target of OTHER_FILES) await load(target);
      return recordsOf<Deal>('deals')
        .filter((d) => d.status === 'open')
        .map((d) => d.id);
    },
  };
}

/**
 * A lead export without any deals export still gives honest reports (the funnel by source, up to
 * the links the leads carry): a missing deals.csv then stops nothing; the pages say which export
 * would fill the deals and won links.
 */
function withoutDealsWhenLeads(fatal: Issue[], leads: boolean): Issue[] {
  return leads ? fatal.filter((issue) => !(issue.code === 'MissingFile' && issue.file === SPECS.deals.file)) : fatal;
}

/** What stops the build: the plan's own problems, then each file's, deals explained. */
function fatalMessages(plan: Awaited<ReturnType<typeof planSources>>, all: readonly { fatal: Issue[] }[], leads: boolean): Issue[] {
  return [
    ...plan.fatal,
    ...explainMissingDeals(
      withoutDealsWhenLeads(
        all.flatMap((result) => result.fatal),
        leads,
      ),
      plan,
    ),
  ];
}

/**
 * A deals export with a header and no rows stops the build (NoRows): its report would be all
 * zeros. Not with a lead export, which gives honest reports without deals (see above).
 */
function noDeals(files: FileResult<unknown>[], leads: boolean): Issue[] {
  const present = files.filter((file) => file.present);
  if (leads || present.length === 0 || present.some((file) => file.read > 0)) return [];
  return present.map((file) => makeIssue('NoRows', { file: file.file }, { file: file.file, line: 0 }));
}

export async function loadRecords(dataDir: string, settings: Settings, options: LoadOptions = {}): Promise<LoadedRecords> {
  const asOf = options.asOf ?? resolveAsOf(settings, new Date());
  const plan = await planSources(dataDir, settings, SPECS);
  const effective = await withCrmStages(dataDir, await withCrmRates(dataDir, settings, plan), plan);
  for (const line of plan.notes) options.log?.(line);
  const files = fileReader(dataDir, effective, plan, asOf, options.log);
  const activityLog = await readActivityLog({
    dataDir,
    settings: effective,
    asOf,
    sources: files.sourcesOf('activities'),
    log: options.log,
    onActivity: options.onActivity,
    thread: options.activityThread,
    splitByte: options.activitySplitByte,
    readReferences: files.readReferences,
    readOtherFiles: files.readOtherFiles,
  });
  files.results.activities = activityLog.results;
  return loaded(files, activityLog, plan, settings, effective);
}

/** The records of every file read, each file's account, and what stops the build. */
function loaded(files: ReturnType<typeof fileReader>, activityLog: ActivityLog, plan: SourcePlan, settings: Settings, effective: Settings): LoadedRecords {
  const { recordsOf, presentOf, results } = files;
  const { users, accounts, present: referencesPresent } = files.references();
  const all = (Object.keys(SPECS) as Target[]).flatMap((target) => results[target]);
  const present = {
    accounts: referencesPresent.accounts,
    users: referencesPresent.users,
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
      ...(presentOf('leads') ? { leads: recordsOf<Lead>('leads') } : {}),
    },
    present,
    new Set(plan.sources.map((source) => source.file)),
  );
  const fatal = fatalMessages(plan, all, presentOf('leads'));
  return {
    records,
    files: all.map(account),
    rejected: all.flatMap((result) => result.issues),
    cleaned: all.flatMap((result) => result.cleaned ?? []),
    settings: effective.stages === settings.stages ? settings : { ...settings, stages: effective.stages },
    fatal: fatal.length > 0 ? fatal : noDeals(results.deals ?? [], presentOf('leads')),
    present,
    sources: plan.notes,
  };
}
