import { describe, expect, it } from 'vitest';
import { coverage } from '../../src/metrics/coverage.ts';
import { dealSize } from '../../src/metrics/deal-size.ts';
import { forecastCategories } from '../../src/metrics/forecast-categories.ts';
import { newPipeline } from '../../src/metrics/new-pipeline.ts';
import { salesCycle } from '../../src/metrics/sales-cycle.ts';
import { salesVolume, salesVolumeByMonth } from '../../src/metrics/sales-volume.ts';
import { winRate } from '../../src/metrics/win-rate.ts';
import { reportPeriods } from '../../src/report/periods-of-report.ts';
import { scopeFigures, type ScopeRecords } from '../../src/report/scope-figures.ts';
import { factsOf } from '../metrics/fixtures.ts';
import { context, deal } from '../metrics/fixtures-pipeline.ts';

const ctx = context('2026-05-15');
const periods = reportPeriods(ctx.asOf, 1);

// As of Fri 2026-05-15: Q2 = Apr 1 – Jun 30; trailing year May 16 2025 – May 15 2026; the 13 recent
// weeks are 2026-W08 (Feb 16) … 2026-W20 (May 11–17).
const deals = [
  deal({ id: 'w1', status: 'won', created: '2026-02-01', close: '2026-04-10', amount: 400 }),
  deal({ id: 'w2', status: 'won', created: '2025-01-10', close: '2025-05-15', amount: 1000 }),
  deal({ id: 'l1', status: 'lost', created: '2026-03-02', close: '2026-03-20', amount: 600 }),
  deal({ id: 'o1', created: '2026-05-11', close: '2026-06-15', amount: 300 }),
  deal({ id: 'o2', created: '2025-06-01', close: '2026-09-30', amount: 200 }),
  deal({ id: 'w3', status: 'won', created: '2026-05-12', close: '2026-05-20', amount: 50 }),
];
const records: ScopeRecords = {
  deals,
  activities: [],
  activityFacts: factsOf([], ctx),
  activityOwners: [],
  targets: [],
  sellerTargets: [],
  invoices: [],
  sellerIds: [],
};

describe('scopeFigures', () => {
  const figures = scopeFigures(records, periods, ctx);

  it('reads the trailing year, the quarter and the recent weeks as the metrics do over all deals', () => {
    // Trailing year: w1 won 400, l1 lost 600 (w2 a day too early, w3 after as-of) → 0.5 by count,
    // 0.4 by value; deal size 400; cycle Feb 1 → Apr 10 = 27 + 31 + 10 = 68 days.
    expect(figures.winRate).toMatchObject({ won: 1, lost: 1, byCount: 0.5, byValue: 0.4 });
    expect(figures.dealSize).toMatchObject({ count: 1, amount: 400, averageAmount: 400 });
    expect(figures.salesCycle).toMatchObject({ count: 1, averageDays: 68, medianDays: 68 });
    // Q2 forecast: closed w1 400 (w3 is won after as-of); o1 300 is open pipeline closing in June.
    expect(figures.pipeline.forecastQuarter.categories.closed).toEqual({ count: 1, amount: 400, annualAmount: 400 });
    // New pipeline: l1 (W10) 600, o1 and w3 (W20) 350 → 3 deals, 950; w1 (Feb 1) is before W08.
    expect(figures.pipeline.newPipeline).toMatchObject({ count: 3, amount: 950 });

    expect(figures.winRate).toEqual(winRate(deals, periods.trailingYear, ctx));
    expect(figures.dealSize).toEqual(dealSize(deals, periods.trailingYear, ctx));
    expect(figures.salesCycle).toEqual(salesCycle(deals, periods.trailingYear, ctx));
    expect(figures.pipeline.forecastQuarter).toEqual(forecastCategories(deals, periods.quarter.range, ctx));
    expect(figures.pipeline.newPipeline).toEqual(newPipeline(deals, periods.recentWeeks, ctx));
  });

  it('sums the volume of the year-to-date, the previous year-to-date and the fiscal year by month', () => {
    // Year-to-date Jan 1 – May 15: w1 400. A year earlier, Jan 1 – May 15 2025: w2 1000 (its last day).
    // By month over FY2026: April w1 400, May w3 50 (won after as-of, in the fiscal year), others 0.
    expect(figures.volume.yearToDate).toMatchObject({ wonDeals: 1, annualVolume: 400 });
    expect(figures.volume.previousYearToDate).toMatchObject({ wonDeals: 1, annualVolume: 1000 });
    expect(figures.volume.byMonth.map((m) => m.annualVolume)).toEqual([0, 0, 0, 400, 50, 0, 0, 0, 0, 0, 0, 0]);

    expect(figures.volume.yearToDate).toEqual(salesVolume(deals, periods.yearToDate));
    expect(figures.volume.previousYearToDate).toEqual(salesVolume(deals, periods.previousYearToDate));
    expect(figures.volume.byMonth).toEqual(salesVolumeByMonth(deals, periods.fiscalYearRange));
  });

  it('gives the coverage the metric gives over all deals', () => {
    // No target: nothing remains to cover and nothing is covered (an absent target is not a reached
    // one); won year-to-date w1 400; required 1 ÷ 0.4 = 2.5. Open as of May 15 closing by Dec 31:
    // o1 300 and o2 200.
    expect(figures.pipeline.coverage).toMatchObject({ openCount: 2, openAmount: 500, won: 400, remaining: null, requiredCoverage: 2.5, covered: null });
    expect(figures.pipeline.coverage).toEqual(coverage(deals, { period: periods.fiscalYearRange, target: null, won: 400 }, ctx));
  });
});
