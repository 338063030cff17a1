/** `invoices.csv`: invoiced revenue, for account managers / KAMs. */
import { z } from 'zod';
import type { Invoice } from '../core/records.ts';
import type { Settings } from '../settings/schema.ts';
import { requiredDate, optionalText, requiredNumber, requiredText } from './cells.ts';
import type { FileSpec } from './column.ts';

export type InvoiceRow = Omit<Invoice, 'file' | 'line'>;

function invoiceSchema(settings: Settings) {
  return z
    .object({
      id: requiredText,
      account_id: requiredText,
      deal_id: optionalText,
      date: requiredDate(settings),
      amount: requiredNumber,
    })
    .transform(
      (row): InvoiceRow => ({ id: row.id, accountId: row.account_id, dealId: row.deal_id, date: row.date, amount: row.amount }),
    );
}

export const invoicesFile: FileSpec<InvoiceRow> = {
  file: 'invoices.csv',
  required: false,
  idColumn: 'id',
  columns: [
    { name: 'id', required: true, aliases: ['invoice_id', 'invoice_number'] },
    { name: 'account_id', required: true, aliases: ['account'] },
    { name: 'deal_id', required: false },
    { name: 'date', required: true, aliases: ['invoice_date'] },
    { name: 'amount', required: true },
  ],
  schema: invoiceSchema,
};
