import { describe, expect, it } from 'vitest';
import { invoicedRevenue, revenueInRange, volumeVsRevenue } from '../../src/metrics/revenue.ts';
import { fiscalQuarterRange, fiscalYearRange } from '../../src/periods/fiscal.ts';
import { deepFreeze, invoice, wonDeal } from './fixtures.ts';

const invoices = [
  invoice({ accountId: 'a1', date: '2026-01-05', amount: 1_000 }), // 1
  invoice({ accountId: 'a1', date: '2026-03-31', amount: 2_500.5 }), // 2: last day of Q1
  invoice({ accountId: 'a1', date: '2026-02-10', amount: -500 }), // 3: credit note
  invoice({ accountId: 'a2', date: '2026-02-20', amount: 4_000 }), // 4
  invoice({ accountId: 'a3', date: '2026-04-01', amount: 9_000 }), // 5: first day of Q2
  invoice({ accountId: 'a2', date: '2025-12-31', amount: 700 }), // 6: FY2025
  invoice({ accountId: 'a3', date: '2026-03-01', amount: 0.1 }), // 7
  invoice({ accountId: 'a3', date: '2026-03-02', amount: 0.2 }), // 8
];
const q1 = fiscalQuarterRange(2026, 1, 1);

describe('invoicedRevenue', () => {
  it('sums net invoiced amounts by invoice date, per account largest first', () => {
    // Q1 = invoices 1–4, 7, 8: 1000 + 2500.50 − 500 + 4000 + 0.10 + 0.20 = 7000.80
    // a1 = 1000 + 2500.50 − 500 = 3000.50 (3); a2 = 4000 (1); a3 = 0.30 (2, exact to the cent)
    expect(invoicedRevenue(invoices, q1)).toEqual({
      range: { start: '2026-01-01', end: '2026-03-31' },
      revenue: 7_000.8,
      invoices: 6,
      byAccount: [
        { accountId: 'a2', revenue: 4_000, invoices: 1 },
        { accountId: 'a1', revenue: 3_000.5, invoices: 3 },
        { accountId: 'a3', revenue: 0.3, invoices: 2 },
      ],
    });
  });

  it('is zero on empty input', () => {
    expect(invoicedRevenue([], q1)).toEqual({ range: q1, revenue: 0, invoices: 0, byAccount: [] });
  });

  it('keeps fiscal-year edges', () => {
    // FY2026 (calendar): Q1 + invoice 5 = 7000.80 + 9000
    expect(invoicedRevenue(invoices, fiscalYearRange(2026, 1)).revenue).toBe(16_000.8);
    // FY2025 with a July start (2025-07-01 … 2026-06-30): also invoice 6 (2025-12-31)
    expect(invoicedRevenue(invoices, fiscalYearRange(2025, 7))).toMatchObject({ revenue: 16_700.8, invoices: 8 });
    // Q2 starts 2026-04-01: invoice 5 only
    expect(invoicedRevenue(invoices, fiscalQuarterRange(2026, 2, 1)).revenue).toBe(9_000);
  });

  it('does not mutate its input', () => {
    const copy = structuredClone(invoices);
    invoicedRevenue(deepFreeze(invoices), q1);
    expect(invoices).toEqual(copy);
  });
});

describe('revenueInRange', () => {
  it('gives the total alone', () => {
    // Q1 = invoices 1–4, 7, 8: 1000 + 2500.50 − 500 + 4000 + 0.10 + 0.20 = 7000.80; FY2026 adds invoice 5 (9000)
    expect(revenueInRange(invoices, q1)).toBe(7_000.8);
    expect(revenueInRange(invoices, fiscalYearRange(2026, 1))).toBe(16_000.8);
    expect(revenueInRange([], q1)).toBe(0);
  });
});

describe('volumeVsRevenue', () => {
  const deals = [
    wonDeal({ accountId: 'a1', close: '2026-02-01', amount: 300_000, annualAmount: 100_000, contractYears: 3 }),
    wonDeal({ accountId: 'a2', close: '2026-03-31', amount: 50_000 }),
    wonDeal({ accountId: 'a2', close: '2026-03-01', amount: 999, status: 'lost' }), // never counts
    wonDeal({ accountId: 'a2', close: '2026-04-01', amount: 777 }), // outside Q1
    wonDeal({ accountId: 'a4', close: '2026-03-10', amount: 10_000 }), // account not asked for
  ];

  it('puts each account volume beside its revenue, in the requested order', () => {
    // a1: volume 100 000 per year (300 000 contract), revenue 3000.50 from 3 invoices
    // a2: volume 50 000, revenue 4000 from 1 invoice; a5: nothing
    // total: 2 deals, 150 000 annual, 350 000 contract, 7000.50 revenue, 4 invoices
    expect(volumeVsRevenue(deals, invoices, ['a1', 'a2', 'a5', 'a1'], q1)).toEqual({
      range: q1,
      accounts: [
        { accountId: 'a1', wonDeals: 1, annualVolume: 100_000, contractVolume: 300_000, revenue: 3_000.5, invoices: 3 },
        { accountId: 'a2', wonDeals: 1, annualVolume: 50_000, contractVolume: 50_000, revenue: 4_000, invoices: 1 },
        { accountId: 'a5', wonDeals: 0, annualVolume: 0, contractVolume: 0, revenue: 0, invoices: 0 },
      ],
      total: { wonDeals: 2, annualVolume: 150_000, contractVolume: 350_000, revenue: 7_000.5, invoices: 4 },
    });
  });

  it('is zero for no accounts', () => {
    expect(volumeVsRevenue(deals, invoices, [], q1).total).toEqual({
      wonDeals: 0,
      annualVolume: 0,
      contractVolume: 0,
      revenue: 0,
      invoices: 0,
    });
  });

  it('does not mutate its input', () => {
    const copy = structuredClone(deals);
    volumeVsRevenue(deepFreeze(deals), invoices, ['a1'], q1);
    expect(deals).toEqual(copy);
  });
});
