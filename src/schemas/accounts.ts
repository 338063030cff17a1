/** `accounts.csv`: one row per customer or prospect company. */
import type { Account } from '../core/records.ts';
import { fastRowReader, rowSchema, type Finish } from './cells.ts';
import { interner, optionalText, own } from '../speed/intern.ts';
import { cellKindsOf, columnSpecs, type ColumnTable, type FileSpec } from './column.ts';

export type AccountRow = Omit<Account, 'file' | 'line'>;

/** accounts.csv, one entry per column: its cell kind, whether the header must have it, its aliases. */
const ACCOUNT_COLUMNS = [
  { name: 'id', kind: 'requiredText', required: true, aliases: ['account_id', 'company_id'] },
  { name: 'name', kind: 'requiredText', required: true, aliases: ['account_name', 'company_name'] },
  { name: 'org_number', kind: 'optionalText', required: false, aliases: ['organisation_number', 'orgnr', 'cvr'] },
  { name: 'owner', kind: 'textOrEmpty', required: false, aliases: ['owner_id', 'account_owner'] },
  { name: 'team', kind: 'optionalText', required: false },
  { name: 'segment', kind: 'optionalText', required: false },
  { name: 'country', kind: 'optionalText', required: false },
  { name: 'created_date', kind: 'optionalDate', required: false, aliases: ['created'] },
] as const satisfies ColumnTable;

const ACCOUNT_CELLS = cellKindsOf(ACCOUNT_COLUMNS);

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
  columns: columnSpecs(ACCOUNT_COLUMNS),
  schema: (settings) => rowSchema(ACCOUNT_CELLS, settings, finishAccount()),
  fast: (settings) => fastRowReader(ACCOUNT_CELLS, settings, finishAccount()),
};
