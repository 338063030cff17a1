/**
 * Revenue (domain §1): invoices follow the contracts. Subscriptions are invoiced yearly in
 * advance, small customers monthly; services once, after delivery. Contracts signed before
 * the period are invoiced too, without a deal id, as their deals are not in the export.
 */
import type { DemoAccount } from './accounts.ts';
import { AS_OF, PERIOD_START } from './company.ts';
import { addMonthStart, iso, toWorkday, type Day } from './dates.ts';
import type { DealPlan } from './deals.ts';
import type { Rng } from './random.ts';
import { money, type Table } from './write-csv.ts';

export interface InvoicePlan {
  accountId: string;
  dealId: string;
  date: Day;
  amount: number;
}

const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
const cents = (n: number) => Math.round(n * 100);

/** Splits `total` into `parts` invoices dated every `stepMonths` from `start`, exact to the öre. */
function schedule(out: InvoicePlan[], accountId: string, dealId: string, start: Day, total: number, parts: number, stepMonths: number): void {
  const each = Math.floor(cents(total) / parts);
  for (let k = 0; k < parts; k++) {
    const date = addMonthStart(start, k * stepMonths);
    const amount = k === parts - 1 ? cents(total) - each * (parts - 1) : each;
    if (date >= PERIOD_START && date <= AS_OF) out.push({ accountId, dealId, date, amount: amount / 100 });
  }
}

function contractInvoices(out: InvoicePlan[], a: DemoAccount, dealId: string, start: Day, total: number, term: number): void {
  if (a.segment === 'Småföretag') schedule(out, a.id, dealId, start, total, term, 1);
  else schedule(out, a.id, dealId, start, total, Math.max(1, Math.round(term / 12)), 12);
}

export function invoicePlans(rng: Rng, deals: DealPlan[], accounts: DemoAccount[]): InvoicePlan[] {
  const out: InvoicePlan[] = [];
  for (const a of accounts) {
    for (const c of a.legacy) {
      if (c.end < PERIOD_START) continue;
      contractInvoices(out, a, '', c.start, (c.annual * c.termMonths) / 12, c.termMonths);
    }
  }
  for (const d of deals) {
    if (d.status !== 'won') continue;
    if (d.contractStart !== undefined && d.termMonths !== undefined) {
      contractInvoices(out, d.account, d.id, d.contractStart, d.amount, d.termMonths);
    } else {
      const date = toWorkday(d.close + rng.int(14, 45));
      if (date <= AS_OF) out.push({ accountId: d.account.id, dealId: d.id, date, amount: d.amount });
    }
  }
  out.sort((x, y) => x.date - y.date || cmp(x.accountId, y.accountId) || cmp(x.dealId, y.dealId));
  return out;
}

export function invoiceTable(invoices: InvoicePlan[]): Table {
  return {
    columns: ['id', 'account_id', 'deal_id', 'date', 'amount'],
    rows: invoices.map((inv, i) => ({
      id: `F-${100001 + i}`,
      account_id: inv.accountId,
      deal_id: inv.dealId,
      date: iso(inv.date),
      amount: money(inv.amount),
    })),
  };
}
