/**
 * Invoiced revenue (sv omsättning, da omsætning): what was invoiced, as delivered (domain §1).
 *
 * @summary
 * - Figure: sum of invoice `amount`, no denominator; `invoices` counts the rows summed.
 *   Credit notes (negative amounts) are included, so revenue is net.
 * - Period: an invoice is in a range when its invoice `date` is inside it (inclusive).
 * - Per account: one row per account with an invoice in the range, largest revenue first.
 * - Volume vs revenue (for Key Account Managers, measured on both): per requested account, the
 *   sales volume of its won deals (won date in the range, see sales-volume) beside its revenue
 *   in the same range. No channel attribution: invoices carry no channel.
 *
 * @example
 * invoicedRevenue([
 *   { accountId: 'a1', date: '2026-03-02', amount: 1000 },
 *   { accountId: 'a1', date: '2026-03-30', amount: -200 },
 *   { accountId: 'a2', date: '2026-04-01', amount: 500 },
 * ], { start: '2026-03-01', end: '2026-03-31' });
 * //=> { range: { start: '2026-03-01', end: '2026-03-31' }, revenue: 800, invoices: 2,
 * //     byAccount: [{ accountId: 'a1', revenue: 800, invoices: 2 }] }
 */
import type { Invoice } from '../core/records.ts';
import { groupBy } from '../model/group-by.ts';
import { type DateRange, inRange } from '../periods/calendar.ts';
import { sumMoney } from './money.ts';
import { type VolumeDeal, volumeFigures, wonInRange } from './sales-volume.ts';

export type RevenueInvoice = Pick<Invoice, 'accountId' | 'date' | 'amount'>;

export interface AccountRevenue {
  accountId: string;
  revenue: number;
  invoices: number;
}

export interface InvoicedRevenue {
  range: DateRange;
  revenue: number;
  invoices: number;
  byAccount: AccountRevenue[];
}

export interface AccountVolumeVsRevenue extends AccountRevenue {
  wonDeals: number;
  annualVolume: number;
  contractVolume: number;
}

export interface VolumeVsRevenue {
  range: DateRange;
  accounts: AccountVolumeVsRevenue[];
  total: Omit<AccountVolumeVsRevenue, 'accountId'>;
}

function revenueOf(invoices: readonly RevenueInvoice[]): { revenue: number; invoices: number } {
  return { revenue: sumMoney(invoices.map((invoice) => invoice.amount)), invoices: invoices.length };
}

/** Invoiced revenue in a range, the total alone (`invoicedRevenue(…).revenue`). */
export function revenueInRange(invoices: readonly RevenueInvoice[], range: DateRange): number {
  return sumMoney(invoices.filter((invoice) => inRange(invoice.date, range)).map((invoice) => invoice.amount));
}

/** Invoiced revenue in a range, in total and per account. */
export function invoicedRevenue(invoices: readonly RevenueInvoice[], range: DateRange): InvoicedRevenue {
  const inside = invoices.filter((invoice) => inRange(invoice.date, range));
  const accountIds = [...new Set(inside.map((invoice) => invoice.accountId))];
  const byAccount = accountIds
    .map((accountId) => ({ accountId, ...revenueOf(inside.filter((i) => i.accountId === accountId)) }))
    .sort((a, b) => b.revenue - a.revenue || a.accountId.localeCompare(b.accountId));
  return { range: { ...range }, ...revenueOf(inside), byAccount };
}

/** Sales volume beside invoiced revenue for the given accounts, in their order (repeats dropped). */
export function volumeVsRevenue(
  deals: readonly (VolumeDeal & { accountId: string })[],
  invoices: readonly RevenueInvoice[],
  accountIds: readonly string[],
  range: DateRange,
): VolumeVsRevenue {
  // Each account's won deals and invoices, in their order, grouped once rather than filtered per account.
  const wonByAccount = groupBy(wonInRange(deals, range), (deal) => deal.accountId);
  const insideByAccount = groupBy(
    invoices.filter((invoice) => inRange(invoice.date, range)),
    (invoice) => invoice.accountId,
  );
  const accounts = [...new Set(accountIds)].map((accountId) => ({
    accountId,
    ...volumeFigures(wonByAccount.get(accountId) ?? []),
    ...revenueOf(insideByAccount.get(accountId) ?? []),
  }));
  const total = {
    wonDeals: accounts.reduce((sum, row) => sum + row.wonDeals, 0),
    annualVolume: sumMoney(accounts.map((row) => row.annualVolume)),
    contractVolume: sumMoney(accounts.map((row) => row.contractVolume)),
    revenue: sumMoney(accounts.map((row) => row.revenue)),
    invoices: accounts.reduce((sum, row) => sum + row.invoices, 0),
  };
  return { range: { ...range }, accounts, total };
}
