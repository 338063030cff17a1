/** `accounts.csv`: one row per customer or prospect company. */
import type { Account } from '../core/records.ts';
import { fastRowReader, rowSchema, type CellKinds, type Finish } from './cells.ts';
import { interner, optionalText, own } from '../speed/intern.ts';
import type { FileSpec } from './column.ts';

export type AccountRow = Omit<Account, 'file' | 'line'>;

const ACCOUNT_CELLS = {
  id: 'requiredText',
  name: 'requiredText',
  org_number: 'optionalText',
  owner: 'textOrEmpty',
  team: 'optionalText',
  segment: 'optionalText',
  country: 'optionalText',
  created_date: 'optionalDate',
} as const satisfies CellKinds;

function finishAccount(): Finish<typeof ACCOUNT_CELLS, AccountRow> {
  const text = interner();
  return (row) => ({
    id: own(row.id),
    name: own(row.name),
    orgNumber: row.org_number === undefined ? undefined : own(row.org_number),
    ownerId: text(row.owner),
    teamId: optionalText(text, row.team),
    segment: optionalText(text, row.segment),
    country: optionalText(text, row.country),
    created: row.created_date,
  });
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
  schema: (settings) => rowSchema(ACCOUNT_CELLS, settings, finishAccount()),
  fast: (settings) => fastRowReader(ACCOUNT_CELLS, settings, finishAccount()),
};
