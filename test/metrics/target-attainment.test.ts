import { describe, expect, it } from 'vitest';
import { type AttainmentRow, targetAttainment } from '../../src/metrics/target-attainment.ts';
import { context, deepFreeze, invoice, target, wonDeal } from './fixtures.ts';

// As of 2026-03-15, fiscal year = calendar year: elapsed share of FY2026 = (31 + 28 + 15) / 365 = 74/365.
const ctx = context('2026-03-15');
const targets = [
  target({ period: '2026-01', measure: 'volume:new', value: 100_000 }),
  target({ period: '2026-02', measure: 'volume:new', value: 100_000 }),
  target({ period: '2026-03', measure: 'volume:new', value: 310_000 }), // current month: 15/31
  target({ period: '2026-04', measure: 'volume:new', value: 100_000 }), // future month: 0
  target({ period: 'FY2026', measure: 'volume:new', value: 1_200_000 }), // the full-year target
  target({ period: 'FY2026', measure: 'volume:renewal', value: 365_000 }),
  target({ period: 'FY2026-Q1', measure: 'volume:upsell', value: 90_000 }), // Q1 = 90 days, 74 elapsed
  target({ period: 'FY2026', measure: 'revenue', value: 730_000 }),
  target({ period: 'FY2025', measure: 'volume:new', value: 999 }), // another fiscal year
  target({ period: '2025-12', measure: 'volume:new', value: 999 }), // another fiscal year
  target({ period: 'FY2026', cadence: 'weekly', measure: 'activity:call', value: 20 }), // not a result
];
const deals = [
  wonDeal({ close: '2026-01-20', channel: 'new', amount: 525_000, annualAmount: 175_000, contractYears: 3 }),
  wonDeal({ close: '2026-03-15', channel: 'new', amount: 35_000 }), // on as-of: counts
  wonDeal({ close: '2026-03-16', channel: 'new', amount: 50_000 }), // after as-of
  wonDeal({ close: '2026-02-01', channel: 'renewal', amount: 37_000 }),
  wonDeal({ close: '2026-02-01', channel: 'upsell', amount: 500_000, status: 'lost' }),
  wonDeal({ close: '2026-03-01', channel: 'winback', amount: 20_000 }),
  wonDeal({ close: '2025-12-31', channel: 'new', amount: 80_000 }), // FY2025
];
const invoices = [
  invoice({ date: '2026-01-10', amount: 50_000 }),
  invoice({ date: '2026-03-15', amount: 24_000 }),
  invoice({ date: '2026-03-16', amount: 1_000 }), // after as-of
];

const byMeasure = (rows: AttainmentRow[]) => Object.fromEntries(rows.map((row) => [row.measure, row]));

describe('targetAttainment', () => {
  it('compares year-to-date results with the year-to-date budget and projects the year', () => {
    const result = targetAttainment({ targets, deals, invoices }, ctx);
    expect(result.fiscalYear).toBe('FY2026');
    expect(result.ytd).toEqual({ start: '2026-01-01', end: '2026-03-15' });
    expect(result.elapsedShare).toBeCloseTo(74 / 365, 12);
    const rows = byMeasure(result.rows);
    expect(result.rows.map((row) => row.measure)).toEqual(['volume:renewal', 'volume:upsell', 'volume:winback', 'volume:new', 'volume:total', 'revenue']);
    // new: result 175 000 + 35 000 = 210 000; budget 100 000 + 100 000 + 310 000 × 15/31 = 350 000
    // pace 210 000 × 365/74 = 1 035 810.81; vs 1 200 000 = 0.86317…
    expect(rows['volume:new']).toMatchObject({
      resultYtd: 210_000,
      budgetYtd: 350_000,
      fullYearTarget: 1_200_000,
      pace: 1_035_810.81,
      budgetSource: 'month',
    });
    expect(rows['volume:new']?.attainment).toBeCloseTo(0.6, 12);
    expect(rows['volume:new']?.paceVsTarget).toBeCloseTo(1_035_810.81 / 1_200_000, 12);
    // renewal: FY 365 000 × 74/365 = 74 000; 37 000 / 74 000 = 0.5; pace 37 000 × 365/74 = 182 500
    expect(rows['volume:renewal']).toMatchObject({
      resultYtd: 37_000,
      budgetYtd: 74_000,
      attainment: 0.5,
      fullYearTarget: 365_000,
      pace: 182_500,
      paceVsTarget: 0.5,
      budgetSource: 'fiscal-year',
    });
    // upsell: Q1 90 000 × 74/90 = 74 000; the lost deal does not count
    expect(rows['volume:upsell']).toMatchObject({
      resultYtd: 0,
      budgetYtd: 74_000,
      attainment: 0,
      fullYearTarget: 90_000,
      pace: 0,
      paceVsTarget: 0,
      budgetSource: 'quarter',
    });
    // winback: no target; pace 20 000 × 365/74 = 98 648.65
    expect(rows['volume:winback']).toEqual({
      measure: 'volume:winback',
      resultYtd: 20_000,
      budgetYtd: null,
      attainment: null,
      fullYearTarget: null,
      pace: 98_648.65,
      paceVsTarget: null,
      budgetSource: null,
    });
    // total = sum of channels: budget 350 000 + 74 000 + 74 000 = 498 000; year 1 200 000 + 365 000 + 90 000
    // result 210 000 + 37 000 + 20 000 = 267 000; pace 267 000 × 365/74 = 1 316 959.46
    expect(rows['volume:total']).toMatchObject({
      resultYtd: 267_000,
      budgetYtd: 498_000,
      fullYearTarget: 1_655_000,
      pace: 1_316_959.46,
      budgetSource: 'sum-of-channels',
    });
    expect(rows['volume:total']?.attainment).toBeCloseTo(267_000 / 498_000, 12);
    // revenue: 50 000 + 24 000 = 74 000 vs 730 000 × 74/365 = 148 000; pace 365 000
    expect(rows.revenue).toMatchObject({
      resultYtd: 74_000,
      budgetYtd: 148_000,
      attainment: 0.5,
      fullYearTarget: 730_000,
      pace: 365_000,
      paceVsTarget: 0.5,
      budgetSource: 'fiscal-year',
    });
  });

  it('uses an explicit total target over the sum of channels', () => {
    const withTotal = [...targets, target({ period: 'FY2026', measure: 'volume:total', value: 730_000 })];
    // 730 000 × 74/365 = 148 000; 267 000 / 148 000
    const total = byMeasure(targetAttainment({ targets: withTotal, deals, invoices }, ctx).rows)['volume:total'];
    expect(total).toMatchObject({ budgetYtd: 148_000, fullYearTarget: 730_000, budgetSource: 'fiscal-year' });
    expect(total?.attainment).toBeCloseTo(267_000 / 148_000, 12);
  });

  it('counts a quarter in full on its last day and the next quarter not at all', () => {
    const quarters = [
      target({ period: 'FY2026-Q1', measure: 'volume:upsell', value: 90_000 }),
      target({ period: 'FY2026-Q2', measure: 'volume:upsell', value: 50_000 }),
    ];
    const upsell = targetAttainment({ targets: quarters, deals: [], invoices: [] }, context('2026-03-31')).rows[1];
    expect(upsell).toMatchObject({ budgetYtd: 90_000, fullYearTarget: 140_000, budgetSource: 'quarter' });
  });

  it('closes the fiscal year on its last day', () => {
    const edge = [wonDeal({ close: '2026-12-31', amount: 100 }), wonDeal({ close: '2027-01-01', amount: 50 })];
    const fy = [target({ period: 'FY2026', measure: 'volume:new', value: 400 })];
    const result = targetAttainment({ targets: fy, deals: edge, invoices: [] }, context('2026-12-31'));
    // elapsed share 1: budget = the whole 400; only the 2026-12-31 deal counts
    expect(result.elapsedShare).toBe(1);
    expect(result.rows[3]).toMatchObject({
      resultYtd: 100,
      budgetYtd: 400,
      attainment: 0.25,
      pace: 100,
      paceVsTarget: 0.25,
    });
  });

  it('follows a fiscal year starting in July', () => {
    // As of 2027-01-01 in FY2026 (2026-07-01 …): 184 days of Jul–Dec + 1 = 185/365 elapsed.
    const edge = [
      wonDeal({ close: '2026-06-30', amount: 999 }), // FY2025
      wonDeal({ close: '2026-12-31', amount: 100_000 }),
      wonDeal({ close: '2027-01-01', amount: 85_000 }),
    ];
    const fy = [target({ period: 'FY2026', measure: 'volume:new', value: 365_000 })];
    const result = targetAttainment({ targets: fy, deals: edge, invoices: [] }, context('2027-01-01', { fiscalYearStartMonth: 7 }));
    expect(result.fiscalYear).toBe('FY2026');
    // result 185 000 vs budget 365 000 × 185/365 = 185 000; pace 185 000 × 365/185 = 365 000
    expect(result.rows[3]).toMatchObject({
      resultYtd: 185_000,
      budgetYtd: 185_000,
      attainment: 1,
      pace: 365_000,
      paceVsTarget: 1,
    });
  });

  it('gives zero results and no budgets on empty input', () => {
    const result = targetAttainment({ targets: [], deals: [], invoices: [] }, ctx);
    expect(result.rows).toHaveLength(6);
    for (const row of result.rows) {
      expect(row).toEqual({
        measure: row.measure,
        resultYtd: 0,
        budgetYtd: null,
        attainment: null,
        fullYearTarget: null,
        pace: 0,
        paceVsTarget: null,
        budgetSource: null,
      });
    }
  });

  it('does not mutate its input', () => {
    const input = {
      targets: structuredClone(targets),
      deals: structuredClone(deals),
      invoices: structuredClone(invoices),
    };
    targetAttainment(deepFreeze(input), ctx);
    expect(input).toEqual({ targets, deals, invoices });
  });
});
