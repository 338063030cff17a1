/**
 * Which activity rows the data-quality checks on single activities would list — FutureActivity,
 * UnknownAccount, UnknownOwner — decided while the activity log streams, so those rows (and
 * the meetings) are the only activity rows kept. Must say yes to every row one of those checks
 * reports; test/quality/flag-activity.test.ts holds the two side by side.
 */
import type { Activity, ActivityType, IsoDate } from '../core/records.ts';
import { PLANNED } from './checks/future-activity.ts';

/** A set of ids (a Set, or a Map keyed by id). */
export interface IdSet {
  has(id: string): boolean;
}

export interface FlagContext {
  asOf: IsoDate;
  /** Account ids of accounts.csv; undefined when the file is absent (the check does not run). */
  accountIds: IdSet | undefined;
  /** User ids of users.csv; undefined when the file is absent. */
  userIds: IdSet | undefined;
}

/**
 * Whether a row is flagged. A caller that has looked the row's owner and account up already
 * (the activity log, src/pipeline/activity-log/stream.ts) passes what it found: `ownerKnown` (the owner
 * is one of `userIds`) and `accountKnown` (the account is one of `accountIds`), and the ids are
 * not looked up again.
 */
export type ActivityFlagger = (activity: Activity, ownerKnown?: boolean, accountKnown?: boolean) => boolean;

export function activityFlagger({ asOf, accountIds, userIds }: FlagContext): ActivityFlagger {
  return (activity, ownerKnown, accountKnown) =>
    flaggedRow(
      asOf,
      activity.date,
      activity.type,
      accountIds !== undefined && !!activity.accountId && !(accountKnown ?? accountIds.has(activity.accountId)),
      userIds !== undefined && !!activity.ownerId && !(ownerKnown ?? userIds.has(activity.ownerId)),
    );
}

/**
 * The decision for a row whose references are looked up already: `accountUnknown` (UnknownAccount
 * would list it: an account given that accounts.csv lacks) and `ownerUnknown` (UnknownOwner).
 */
export function flaggedRow(asOf: IsoDate, date: IsoDate, type: ActivityType, accountUnknown: boolean, ownerUnknown: boolean): boolean {
  return (date > asOf && !PLANNED.has(type)) || accountUnknown || ownerUnknown;
}
