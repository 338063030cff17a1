/**
 * `users.csv`: one row per person; `roles` lists hats separated by `|` or `,`. The `team` column is
 * required and so is its value; a CRM export read through a preset that has no team column at all
 * (Salesforce User.csv without a department) gives people without a team (`''`).
 */
import { HATS, type Hat, type User } from '../core/records.ts';
import type { Settings } from '../settings/schema.ts';
import { fastRowReader, rowSchema, valueKey, valueLookup, type Finish } from './cells.ts';
import { cellKindsOf, columnSpecs, type ColumnTable, type FieldsMatch, type FileSpec } from './column.ts';

export type UserRow = Omit<User, 'file' | 'line'>;

/**
 * users.csv, one entry per column: its cell kind, whether the header must have it, its aliases,
 * and the field of the user it fills (`resolved`: `finishUser` makes the field from the cell).
 */
export const USER_COLUMNS = [
  { name: 'id', kind: 'requiredText', required: true, aliases: ['user_id', 'owner_id'], field: 'id' },
  { name: 'name', kind: 'requiredText', required: true, aliases: ['full_name'], field: 'name' },
  { name: 'email', kind: 'optionalText', required: false, field: 'email' },
  { name: 'team', kind: 'requiredTextIfColumn', required: true, aliases: ['team_id'], field: 'teamId' },
  { name: 'roles', kind: 'optionalText', required: false, aliases: ['role', 'hats'], field: 'hats', resolved: true },
  { name: 'start_date', kind: 'optionalDate', required: false, aliases: ['start'], field: 'start' },
  { name: 'end_date', kind: 'optionalDate', required: false, aliases: ['end'], field: 'end' },
] as const satisfies ColumnTable;

/** Compile-time: the table names every field of a user, no other, each of its cell's type. */
const _FIELDS_MATCH: FieldsMatch<typeof USER_COLUMNS, UserRow> = true;

const USER_CELLS = cellKindsOf(USER_COLUMNS);

function finishUser(settings: Settings): Finish<typeof USER_CELLS, UserRow> {
  const hats = valueLookup<Hat>([...HATS.map((hat) => [hat, hat] as [string, Hat]), ...Object.entries(settings.hatMap)]);
  return (row, fail) => {
    const names = (row.roles ?? '')
      .split(/[|,;]/)
      .map((name) => name.trim())
      .filter(Boolean);
    const userHats: Hat[] = [];
    for (const name of names) {
      const hat = hats.get(valueKey(name));
      if (!hat) return fail('UnknownRole', `unknown role "${name}" (known: ${HATS.join(', ')})`, name, 'roles');
      if (!userHats.includes(hat)) userHats.push(hat);
    }
    return {
      id: row.id,
      name: row.name,
      email: row.email,
      teamId: row.team,
      hats: userHats,
      start: row.start_date,
      end: row.end_date,
    };
  };
}

export const usersFile: FileSpec<UserRow> = {
  file: 'users.csv',
  required: false,
  idColumn: 'id',
  columns: columnSpecs(USER_COLUMNS),
  schema: (settings) => rowSchema(USER_CELLS, settings, finishUser(settings)),
  fast: (settings) => fastRowReader(USER_CELLS, settings, finishUser(settings)),
};
