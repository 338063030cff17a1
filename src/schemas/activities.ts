/** `activities.csv`: one row per call, email, meeting, proposal… Types go through `activityTypeMap`. */
import { ACTIVITY_TYPES, type Activity, type ActivityColumnFields, type ActivityType } from '../core/records.ts';
import type { Settings } from '../settings/schema.ts';
import { cachedLookup, fastRowReader, rowSchema, valueLookup, type Finish } from './cells.ts';
import type { FingerprintTable } from '../speed/fingerprint-table.ts';
import { own } from '../speed/intern.ts';
import { cellKindsOf, columnSpecs, givenEntries, type ColumnTable, type FieldsMatch, type FileSpec } from './column.ts';

export type ActivityRow = Omit<Activity, 'file' | 'line'>;

export function activityTypeLookup(settings: Settings): Map<string, ActivityType> {
  return valueLookup<ActivityType>([...ACTIVITY_TYPES.map((type) => [type, type] as [string, ActivityType]), ...Object.entries(settings.activityTypeMap)]);
}

/**
 * activities.csv, one entry per column. A column with a `field` is kept in that field of the
 * activity as read, on every path a row can take (the quick rows, the general reading, the
 * worker's transfer: `store` says how it crosses); the others are read by `finishActivity` and the
 * quick rows themselves. A new optional column kept as read is one entry here (plus its field in
 * `ActivityColumnFields`, src/core/records.ts, and its line in docs/data-format.md).
 */
export const ACTIVITY_COLUMNS = [
  { name: 'id', kind: 'optionalText', required: false, aliases: ['activity_id'] },
  { name: 'type', kind: 'requiredText', required: true, aliases: ['activity_type'] },
  { name: 'date', kind: 'requiredDate', required: true, aliases: ['activity_date', 'due_date'] },
  { name: 'owner', kind: 'requiredText', required: true, aliases: ['owner_id', 'assigned_to'] },
  { name: 'account_id', kind: 'optionalText', required: false, aliases: ['account'] },
  { name: 'deal_id', kind: 'optionalText', required: false, aliases: ['deal'] },
  { name: 'duration_minutes', kind: 'optionalNumber', required: false, aliases: ['duration'], field: 'durationMinutes', store: 'number' },
  { name: 'lead_id', kind: 'optionalText', required: false, aliases: ['lead'], field: 'leadId', store: 'text' },
] as const satisfies ColumnTable;

/** Compile-time: the table names every field of `ActivityColumnFields`, no other, each of its cell's type. */
const _FIELDS_MATCH: FieldsMatch<typeof ACTIVITY_COLUMNS, ActivityColumnFields> = true;

const ACTIVITY_CELLS = cellKindsOf(ACTIVITY_COLUMNS);

/** The columns kept as read, in table order: the quick rows and the worker's transfer carry each. */
export const GIVEN_ACTIVITY_COLUMNS = givenEntries(ACTIVITY_COLUMNS);

function finishActivity(settings: Settings): Finish<typeof ACTIVITY_CELLS, ActivityRow> {
  const types = cachedLookup(activityTypeLookup(settings));
  /** The given columns' values of the row at hand. */
  const given: unknown[] = [];
  // Texts stay as the parser cut them: most rows are only summed (src/model/activity-facts.ts),
  // and the rows kept are detached from the parser's text when kept (`detachActivity`).
  return (row, fail) => {
    const type = types(row.type);
    if (!type) {
      return fail('UnknownActivityType', `unknown activity type "${row.type}" (known: ${ACTIVITY_TYPES.join(', ')})`, row.type, 'type');
    }
    // With the file and line that validation sets, so a kept row is laid out once, in the object.
    for (let i = 0; i < GIVEN_ACTIVITY_COLUMNS.length; i++) given[i] = (row as Record<string, unknown>)[GIVEN_ACTIVITY_COLUMNS[i]!.name];
    const base = { file: '', line: 0, id: row.id ?? '', type, date: row.date, ownerId: row.owner, accountId: row.account_id, dealId: row.deal_id };
    return newActivity(base, given) as ActivityRow;
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

/** The fields every activity has, in the order row validation lays them out. */
export interface ActivityBase {
  file: string;
  line: number;
  id: string;
  type: ActivityType;
  date: string;
  ownerId: string;
  accountId: string | undefined;
  dealId: string | undefined;
}

/**
 * An activity of `base`'s fields and the given ones (`values[i]` the value of
 * `GIVEN_ACTIVITY_COLUMNS[i]`), written as one object literal made from the table once, so
 * every activity has one layout with each field in the object (fields added one by one after
 * the literal would each cost a change of layout and a slower store, on every kept row).
 */
export const newActivity: (base: ActivityBase, values: readonly unknown[]) => Activity = new Function(
  'b',
  'v',
  `return { file: b.file, line: b.line, id: b.id, type: b.type, date: b.date, ownerId: b.ownerId, accountId: b.accountId, dealId: b.dealId${GIVEN_ACTIVITY_COLUMNS.map(({ field }, i) => `, ${JSON.stringify(field)}: v[${i}]`).join('')} };`,
) as (base: ActivityBase, values: readonly unknown[]) => Activity;

/** Given text fields, whose value may be cut from the parser's chunk. */
const GIVEN_TEXTS = GIVEN_ACTIVITY_COLUMNS.filter(({ store }) => store === 'text').map(({ field }) => field);

/** A row that is kept, its references detached already: its id, deal id and given texts copied out of the chunk too. */
export function detachActivity<A extends Activity>(activity: A): A {
  activity.id = own(activity.id);
  if (activity.dealId !== undefined) activity.dealId = own(activity.dealId);
  const fields = activity as unknown as Record<string, string | undefined>;
  for (const field of GIVEN_TEXTS) if (fields[field] !== undefined) fields[field] = own(fields[field]);
  return activity;
}

export const activitiesFile: FileSpec<ActivityRow> = {
  file: 'activities.csv',
  required: false,
  idColumn: 'id',
  columns: columnSpecs(ACTIVITY_COLUMNS),
  schema: (settings) => rowSchema(ACTIVITY_CELLS, settings, finishActivity(settings)),
  fast: (settings) => fastRowReader(ACTIVITY_CELLS, settings, finishActivity(settings)),
};
