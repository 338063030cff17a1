/**
 * The activity log (activities.csv, or the CRM exports standing in for it) streamed into what
 * the reports need, without keeping it whole: every accepted row is added to the activity facts
 * (src/model/activity-facts.ts), and only customer meetings and rows a data-quality check will
 * list stay rows. Memory then grows with people, days, deals and accounts, not with the number
 * of calls logged. Owners and accounts resolve against users.csv and accounts.csv, read before.
 */
import { addActivity, emptyActivityFacts, settleFacts, trackOnly, type ActivityFacts } from '../../model/activity-facts.ts';
import type { Account, Activity, ActivityType, User } from '../../core/records.ts';
import type { PlannedSource } from '../../presets/detect.ts';
import { referenceResolvers, resolveActivity } from '../../presets/resolve-references.ts';
import { activityFlagger } from '../../quality/flag-activity.ts';
import { FingerprintTable } from '../../speed/fingerprint-table.ts';
import { activitiesFile, detachAccount, detachActivity, detachOwner } from '../../schemas/activities.ts';
import type { Settings } from '../../settings/schema.ts';
import type { IdFingerprints } from '../../speed/id-fingerprints.ts';
import type { FileResult, PartOptions } from '../../validate/validate-file.ts';
import { activityQuickRows } from './quick-rows.ts';
import { keepRow, type KeptRows } from './transfer.ts';
import { readTarget } from '../read-target.ts';
import { CUSTOMER_CONTACT } from '../../metrics/customer-contact.ts';

export interface ActivityLogInput {
  dataDir: string;
  /** The effective settings (CRM exchange rates merged). */
  settings: Settings;
  asOf: string;
  /** CRM exports standing in for activities.csv; empty: activities.csv itself. */
  sources: readonly PlannedSource[];
  users: readonly User[];
  accounts: readonly Account[];
  /** Which of users.csv and accounts.csv were present (owners and accounts are checked only then). */
  present: { users: boolean; accounts: boolean };
  /**
   * The deals whose last activity date is tracked (see `FactsOptions.trackDeals`); undefined: all;
   * a promise: the deals are named when it resolves (a worker thread reading while the main
   * thread reads the deals), each row's deal noted till then, and the log waits for it to settle.
   */
  trackDeals: FingerprintTable | Promise<FingerprintTable> | undefined;
  log?: (line: string) => void;
  /** Sees every accepted row as it streams by (owner and account resolved), kept or not. */
  onActivity?: (activity: Activity) => void;
  /** Read one part of activities.csv only (src/pipeline/activity-log/split.ts); see `mergeActivityFacts`. */
  part?: PartOptions;
}

export interface ActivityLog<Kept = Activity[]> {
  /** One per file read (rows read, accepted, rejected; rejected rows' issues). */
  results: FileResult<unknown>[];
  facts: ActivityFacts;
  /** Customer meetings and the rows a data-quality check lists, in file order. */
  kept: Kept;
  /** The ids of a part read with `keepIds`. */
  ids?: IdFingerprints;
}

/** Activity rows kept as rows whatever their content: customer meetings. */
export const KEPT_TYPES: ReadonlySet<ActivityType> = new Set(['meeting_booked', 'meeting_held']);

/** Each id as the record's own id string, so facts and kept rows share the records' strings. */
export function sharedIds(ids: readonly string[]): FingerprintTable {
  return new FingerprintTable(ids);
}

export function streamActivityLog(input: ActivityLogInput): Promise<ActivityLog>;
export function streamActivityLog<Kept extends KeptRows>(input: ActivityLogInput, kept: Kept): Promise<ActivityLog<Kept>>;
export async function streamActivityLog(input: ActivityLogInput, kept: KeptRows = [] as Activity[]): Promise<ActivityLog<KeptRows>> {
  const { settings, asOf, present } = input;
  const fromCrm = new Set(input.sources.map((source) => source.file));
  const resolvers = fromCrm.size > 0 ? referenceResolvers({ users: [...input.users], accounts: [...input.accounts] }, present) : undefined;
  const userIds = present.users ? sharedIds(input.users.map((u) => u.id)) : undefined;
  const accountIds = present.accounts ? sharedIds(input.accounts.map((a) => a.id)) : undefined;
  const named = input.trackDeals instanceof Promise ? input.trackDeals : undefined;
  const facts = emptyActivityFacts({
    asOf,
    fiscalYearStartMonth: settings.fiscalYearStartMonth,
    trackDeals: named ? 'later' : (input.trackDeals as FingerprintTable | undefined),
    accounts: accountIds,
    contact: CUSTOMER_CONTACT,
  });
  const tracked = named?.then((deals) => trackOnly(facts, deals));
  const flagged = activityFlagger({ asOf, accountIds, userIds });
  // The common rows of activities.csv are taken whole; a caller that sees every row reads them all the general way.
  const quick = input.onActivity ? undefined : activityQuickRows({ settings, asOf, facts, users: userIds, accounts: accountIds, keptTypes: KEPT_TYPES, kept });
  const results = await readTarget(input.dataDir, activitiesFile, settings, input.sources, {
    asOf,
    log: input.log,
    part: input.part,
    quick,
    keep: (record, file) => {
      const activity = resolvers && fromCrm.has(file) ? resolveActivity(resolvers, record as Activity) : (record as Activity);
      const ownerKnown = detachOwner(activity, userIds);
      const accountPlace = detachAccount(activity, accountIds);
      addActivity(facts, activity, true, accountPlace);
      input.onActivity?.(activity);
      if (KEPT_TYPES.has(activity.type) || flagged(activity, ownerKnown, accountPlace >= 0)) keepRow(kept, detachActivity(activity), accountPlace);
    },
  });
  await tracked;
  settleFacts(facts);
  const ids = results[0]?.ids;
  for (const result of results) delete result.ids;
  return ids ? { results, facts, kept, ids } : { results, facts, kept };
}
