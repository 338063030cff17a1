/** `invoices.csv`: invoiced revenue, for account managers / KAMs. */
import type { Invoice } from '../core/records.ts';
import { rowSchema } from './cells.ts';
import { cellKindsOf, columnSpecs, type ColumnTable, type FileSpec } from './column.ts';

export type InvoiceRow = Omit<Invoice, 'file' | 'line'>;

/** invoices.csv, one entry per column: its cell kind, whether the header must have it, its aliases. */
const INVOICE_COLUMNS = [
  { name: 'id', kind: 'requiredText', required: true, aliases: ['invoice_id', 'invoice_number'] },
  { name: 'account_id', kind: 'requiredText', required: true, aliases: ['account'] },
  { name: 'deal_id', kind: 'optionalText', required: false },
  { name: 'date', kind: 'requiredDate', required: true, aliases: ['invoice_date'] },
  { name: 'amount', kind: 'requiredNumber', required: true },
] as const satisfies ColumnTable;

export const invoicesFile: FileSpec<InvoiceRow> = {
  file: 'invoices.csv',
  required: false,
  idColumn: 'id',
  columns: columnSpecs(INVOICE_COLUMNS),
  schema: (settings) =>
    rowSchema(cellKindsOf(INVOICE_COLUMNS), settings, (row): InvoiceRow => ({
      id: row.id,
      accountId: row.account_id,
      dealId: row.deal_id,
      date: row.date,
      amount: row.amount,
    })),
};
