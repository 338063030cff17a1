/**
 * Reads and validates every export in the data folder, one file at a time (streaming), and
 * accounts for every row: per file, read = accepted + rejected.
 *
 * Each canonical file (deals.csv…) may instead come from the settings' mapping or from CRM
 * exports a preset recognises (src/presets/detect.ts): those files are read as they are, under
 * their own names, and listed in `files` in place of the canonical file. Owners and accounts they
 * name are then resolved to ids where a users or accounts file knows them.
 *
 * The activity log is read last and not kept whole: every accepted row is added to the
 * activity facts (src/model/activity-facts.ts); only customer meetings and rows a data-quality
 * check will list stay rows. Memory then grows with people, days, deals and accounts, not with
 * the number of calls logged.
 */
import { accountsFile } from '../schemas/accounts.ts';
import { activitiesFile, detachActivity, detachReferences, type SharedIds } from '../schemas/activities.ts';
import { dealsFile } from '../schemas/deals.ts';
import { funnelFile } from '../schemas/funnel.ts';
import { invoicesFile } from '../schemas/invoices.ts';
import { targetsFile } from '../schemas/targets.ts';
import { usersFile } from '../schemas/users.ts';
import type { FileSpec } from '../schemas/column.ts';
import { addActivity, emptyActivityFacts } from '../model/activity-facts.ts';
import type { Account, Activity, ActivityType, Deal, Records, User } from '../model/types.ts';
import { activityFlagger } from '../quality/flag-activity.ts';
import { fileSource } from '../presets/bind.ts';
import { planSources, type SourcePlan } from '../presets/detect.ts';
import { readExchangeRates } from '../presets/exchange-rates.ts';
import { referenceResolvers, resolveActivity, resolveReferences } from '../presets/resolve-references.ts';
import type { Target } from '../presets/types.ts';
import { resolveAsOf } from '../settings/load-settings.ts';
import type { Settings } from '../settings/schema.ts';
import type { Issue } from '../validate/issue.ts';
import { rowProgress } from './progress.ts';
import { validateFile, type FileResult } from '../validate/validate-file.ts';

/** Per-file row accounting, as published in report.json and on the data-quality page. */
export interface FileAccount {
  file: string;
  present: boolean;
  read: number;
  accepted: number;
  rejected: number;
  encoding?: string;
  delimiter?: string;
  ms: number;
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
}

const SPECS = {
  deals: dealsFile,
  accounts: accountsFile,
  activities: activitiesFile,
  users: usersFile,
  targets: targetsFile,
  funnel: funnelFile,
  invoices: invoicesFile,
} satisfies Record<Target, FileSpec<unknown>>;

/** Activity rows kept as rows whatever their content: customer meetings. */
const KEPT_TYPES: ReadonlySet<ActivityType> = new Set(['meeting_booked', 'meeting_held']);

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
    issue.code === 'MissingFile' && issue.file === dealsFile.file
      ? { ...issue, message: `${issue.message}; no deals export recognised: ${plan.nearMisses.join('; ')}` }
      : issue,
  );
}

export async function loadRecords(dataDir: string, settings: Settings, options: LoadOptions = {}): Promise<LoadedRecords> {
  const asOf = options.asOf ?? resolveAsOf(settings, new Date());
  const plan = await planSources(dataDir, settings, SPECS);
  const effective = await withCrmRates(dataDir, settings, plan);
  for (const line of plan.notes) options.log?.(line);

  const results = {} as Record<Target, FileResult<unknown>[]>;
  const fromCrm = new Set<string>();
  const progressOf = (file: string) => (options.log ? rowProgress(file, options.log) : undefined);
  const load = async (target: Target, keep?: (record: unknown, file: string) => void) => {
    const spec: FileSpec<unknown> = SPECS[target];
    const sources = plan.sources.filter((source) => source.target === target);
    if (sources.length === 0) {
      results[target] = [await validateFile(dataDir, spec, effective, undefined, keep && ((r) => keep(r, spec.file)), progressOf(spec.file))];
      return;
    }
    results[target] = [];
    for (const source of sources) {
      fromCrm.add(source.file);
      const bound = fileSource(source.file, source.adapter, effective, asOf);
      results[target].push(await validateFile(dataDir, spec, effective, bound, keep && ((r) => keep(r, source.file)), progressOf(source.file)));
    }
  };
  // Activities come last and stream into aggregates: their owners and accounts resolve against
  // the users and accounts already read, and only meetings and flagged rows are kept as rows.
  for (const target of Object.keys(SPECS) as Target[]) if (target !== 'activities') await load(target);
  const recordsOf = <T>(target: Target) => (results[target] ?? []).flatMap((result) => result.records) as T[];
  const presentOf = (target: Target) => (results[target] ?? []).some((result) => result.present);
  const users = recordsOf<User>('users');
  const accounts = recordsOf<Account>('accounts');
  const presentSoFar = { users: presentOf('users'), accounts: presentOf('accounts') };
  const resolvers = referenceResolvers({ users, accounts }, presentSoFar);
  // Known ids map to the records' own id strings, so facts and kept rows share them; only open
  // deals are tracked for their last activity (stalled deals are open deals).
  const shared = (ids: readonly string[]): SharedIds => new Map(ids.map((id) => [id, id]));
  const userIds = presentSoFar.users ? shared(users.map((u) => u.id)) : undefined;
  const accountIds = presentSoFar.accounts ? shared(accounts.map((a) => a.id)) : undefined;
  const openDeals = shared(recordsOf<Deal>('deals').filter((d) => d.status === 'open').map((d) => d.id));
  const facts = emptyActivityFacts({ asOf, fiscalYearStartMonth: effective.fiscalYearStartMonth, trackDeals: openDeals });
  const kept: Activity[] = [];
  const flagged = activityFlagger({ asOf, accountIds, userIds });
  await load('activities', (record, file) => {
    const resolved = fromCrm.has(file) ? resolveActivity(resolvers, record as Activity) : (record as Activity);
    const activity = detachReferences(resolved, userIds, accountIds);
    addActivity(facts, activity, true);
    options.onActivity?.(activity);
    if (KEPT_TYPES.has(activity.type) || flagged(activity)) kept.push(detachActivity(activity));
  });

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
      activities: kept,
      activityFacts: facts,
      users,
      targets: recordsOf('targets'),
      funnel: recordsOf('funnel'),
      invoices: recordsOf('invoices'),
    },
    present,
    fromCrm,
  );
  return {
    records,
    files: all.map(account),
    rejected: all.flatMap((result) => result.issues),
    fatal: [...plan.fatal, ...explainMissingDeals(all.flatMap((result) => result.fatal), plan)],
    present,
    sources: plan.notes,
  };
}
