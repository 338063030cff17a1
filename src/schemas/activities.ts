/** `activities.csv`: one row per call, email, meeting, proposal… Types go through `activityTypeMap`. */
import { ACTIVITY_TYPES, type Activity, type ActivityType } from '../core/records.ts';
import type { Settings } from '../settings/schema.ts';
import { cachedLookup, fastRowReader, rowSchema, valueLookup, type CellKinds, type Finish } from './cells.ts';
import type { FingerprintTable } from '../speed/fingerprint-table.ts';
import { own } from '../speed/intern.ts';
import type { FileSpec } from './column.ts';

export type ActivityRow = Omit<Activity, 'file' | 'line'>;

export function activityTypeLookup(settings: Settings): Map<string, ActivityType> {
  return valueLookup<ActivityType>([
    ...ACTIVITY_TYPES.map((type) => [type, type] as [string, ActivityType]),
    ...Object.entries(settings.activityTypeMap),
  ]);
}

const ACTIVITY_CELLS = {
  id: 'optionalText',
  type: 'requiredText',
  date: 'requiredDate',
  owner: 'requiredText',
  account_id: 'optionalText',
  deal_id: 'optionalText',
  duration_minutes: 'optionalNumber',
} as const satisfies CellKinds;

function finishActivity(settings: Settings): Finish<typeof ACTIVITY_CELLS, ActivityRow> {
  const types = cachedLookup(activityTypeLookup(settings));
  // Texts stay as the parser cut them: most rows are only summed (src/model/activity-facts.ts),
  // and the rows kept are detached from the parser's text when kept (`detachActivity`).
  return (row, fail) => {
    const type = types(row.type);
    if (!type) {
      return fail('UnknownActivityType', `unknown activity type "${row.type}" (known: ${ACTIVITY_TYPES.join(', ')})`, row.type, 'type');
    }
    // With the file and line that validation sets, so a kept row is laid out once, in the object.
    const activity = {
      file: '',
      line: 0,
      id: row.id ?? '',
      type,
      date: row.date,
      ownerId: row.owner,
      accountId: row.account_id,
      dealId: row.deal_id,
      durationMinutes: row.duration_minutes,
    };
    return activity as ActivityRow;
  };
}

/** Each known id as one shared string (the id of the users.csv or accounts.csv record). */
export type SharedIds = FingerprintTable;

/**
 * The row's owner made independent of the parser's chunk: a known id becomes the shared id
 * string, an unknown one a copy. Every row streaming by gets this. True when the owner is a
 * known id (one of `users`).
 */
export function detachOwner(activity: Activity, users: SharedIds | undefined): boolean {
  const shared = users?.get(activity.ownerId);
  activity.ownerId = shared ?? own(activity.ownerId);
  return shared !== undefined;
}

/**
 * The row's account made independent of the parser's chunk, as `detachOwner` does the owner.
 * Returns the account's place in `accounts` (-1: no account, or not a known one).
 */
export function detachAccount(activity: Activity, accounts: SharedIds | undefined): number {
  const accountId = activity.accountId;
  if (accountId === undefined) return -1;
  const place = accounts ? accounts.placeOf(accountId) : -1;
  activity.accountId = place >= 0 ? accounts!.at(place) : own(accountId);
  return place;
}

/** A row that is kept, its references detached already: its id and deal id copied out of the chunk too. */
export function detachActivity<A extends Activity>(activity: A): A {
  activity.id = own(activity.id);
  if (activity.dealId !== undefined) activity.dealId = own(activity.dealId);
  return activity;
}

export const activitiesFile: FileSpec<ActivityRow> = {
  file: 'activities.csv',
  required: false,
  idColumn: 'id',
  columns: [
    { name: 'id', required: false, aliases: ['activity_id'] },
    { name: 'type', required: true, aliases: ['activity_type'] },
    { name: 'date', required: true, aliases: ['activity_date', 'due_date'] },
    { name: 'owner', required: true, aliases: ['owner_id', 'assigned_to'] },
    { name: 'account_id', required: false, aliases: ['account'] },
    { name: 'deal_id', required: false, aliases: ['deal'] },
    { name: 'duration_minutes', required: false, aliases: ['duration'] },
  ],
  schema: (settings) => rowSchema(ACTIVITY_CELLS, settings, finishActivity(settings)),
  fast: (settings) => fastRowReader(ACTIVITY_CELLS, settings, finishActivity(settings)),
};
