/** `accounts.csv`: one row per customer or prospect company. */
import { z } from 'zod';
import type { Account } from '../model/types.ts';
import type { Settings } from '../settings/schema.ts';
import { requiredDate, optionalDate, optionalText, requiredText, textOrEmpty } from './cells.ts';
import type { FileSpec } from './column.ts';

export type AccountRow = Omit<Account, 'file' | 'line'>;

function accountSchema(settings: Settings) {
  return z
    .object({
      id: requiredText,
      name: requiredText,
      org_number: optionalText,
      owner: textOrEmpty,
      team: optionalText,
      segment: optionalText,
      country: optionalText,
      created_date: optionalDate(settings),
    })
    .transform(
      (row): AccountRow => ({
        id: row.id,
        name: row.name,
        orgNumber: row.org_number,
        ownerId: row.owner,
        teamId: row.team,
        segment: row.segment,
        country: row.country,
        created: row.created_date,
      }),
    );
}

export const accountsFile: FileSpec<AccountRow> = {
  file: 'accounts.csv',
  required: false,
  idColumn: 'id',
  columns: [
    { name: 'id', required: true, aliases: ['account_id', 'company_id'] },
    { name: 'name', required: true, aliases: ['account_name', 'company_name'] },
    { name: 'org_number', required: false, aliases: ['organisation_number', 'orgnr', 'cvr'] },
    { name: 'owner', required: false, aliases: ['owner_id', 'account_owner'] },
    { name: 'team', required: false },
    { name: 'segment', required: false },
    { name: 'country', required: false },
    { name: 'created_date', required: false, aliases: ['created'] },
  ],
  schema: accountSchema,
};
