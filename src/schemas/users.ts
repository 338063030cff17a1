/**
 * `users.csv`: one row per person; `roles` lists hats separated by `|` or `,`. The `team` column is
 * required and so is its value; a CRM export read through a preset that has no team column at all
 * (Salesforce User.csv without a department) gives people without a team (`''`).
 */
import { z } from 'zod';
import { HATS, type Hat, type User } from '../core/records.ts';
import type { Settings } from '../settings/schema.ts';
import { cleanCell, optionalDate, fail, optionalText, requiredText, valueKey, valueLookup } from './cells.ts';
import type { FileSpec } from './column.ts';

export type UserRow = Omit<User, 'file' | 'line'>;

/** Required when the column is there; no column at all (undefined) is no team. */
const teamCell = z
  .string()
  .optional()
  .transform((raw, ctx) => {
    if (raw === undefined) return '';
    const text = cleanCell(raw);
    return text === '' ? fail(ctx, 'MissingValue', 'required value is empty', '') : text;
  });

function userSchema(settings: Settings) {
  const hats = valueLookup<Hat>([...HATS.map((hat) => [hat, hat] as [string, Hat]), ...Object.entries(settings.hatMap)]);
  return z
    .object({
      id: requiredText,
      name: requiredText,
      email: optionalText,
      team: teamCell,
      roles: optionalText,
      start_date: optionalDate(settings),
      end_date: optionalDate(settings),
    })
    .transform((row, ctx): UserRow => {
      const names = (row.roles ?? '')
        .split(/[|,;]/)
        .map((name) => name.trim())
        .filter(Boolean);
      const userHats: Hat[] = [];
      for (const name of names) {
        const hat = hats.get(valueKey(name));
        if (!hat) return fail(ctx, 'UnknownRole', `unknown role "${name}" (known: ${HATS.join(', ')})`, name, 'roles');
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
    });
}

export const usersFile: FileSpec<UserRow> = {
  file: 'users.csv',
  required: false,
  idColumn: 'id',
  columns: [
    { name: 'id', required: true, aliases: ['user_id', 'owner_id'] },
    { name: 'name', required: true, aliases: ['full_name'] },
    { name: 'email', required: false },
    { name: 'team', required: true, aliases: ['team_id'] },
    { name: 'roles', required: false, aliases: ['role', 'hats'] },
    { name: 'start_date', required: false, aliases: ['start'] },
    { name: 'end_date', required: false, aliases: ['end'] },
  ],
  schema: userSchema,
};
