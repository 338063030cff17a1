/**
 * Every figure of one cut of the company — the company itself, a market team or a seller —
 * computed once from that cut's records. Pages and report.json read these; nothing recomputes.
 */
import type { MetricContext } from '../metrics/context.ts';
import { activityGoals, activityGoalsByPerson, type ActivityGoalRow, type PersonGoalRow } from '../metrics/activity-goals.ts';
import { coverageOf, type Coverage } from '../metrics/coverage.ts';
import { customersWorked, type CustomersWorked } from '../metrics/customers-worked.ts';
import { dealAging, type DealAging } from '../metrics/deal-aging.ts';
import { dealSize, type DealSize } from '../metrics/deal-size.ts';
import { forecastCategories, type ForecastCategories } from '../metrics/forecast-categories.ts';
import { newPipeline, newPipelineSpan, type NewPipeline } from '../metrics/new-pipeline.ts';
import { openPipeline, type OpenPipeline } from '../metrics/open-pipeline.ts';
import { salesCycle, type SalesCycle } from '../metrics/sales-cycle.ts';
import { velocityOf, type SalesVelocity } from '../metrics/sales-velocity.ts';
import { openDeals } from '../metrics/open-pipeline.ts';
import { salesVolume, salesVolumeByMonth, type SalesVolume, type SalesVolumeMonth } from '../metrics/sales-volume.ts';
import { slippedDeals, type SlippedDeals } from '../metrics/slipped-deals.ts';
import { stalledDeals, type StalledDeals } from '../metrics/stalled-deals.ts';
import { targetAttainment, totalRow, type TargetAttainment } from '../metrics/target-attainment.ts';
import { timeWithCustomers } from '../metrics/time-with-customers.ts';
import { weightedPipeline, type WeightedPipeline } from '../metrics/weighted-pipeline.ts';
import { winRate, type WinRate } from '../metrics/win-rate.ts';
import type { ActivityFacts } from '../model/activity-facts.ts';
import type { Activity, Invoice, ModelDeal, Target } from '../core/records.ts';
import { inRange } from '../periods/calendar.ts';
import type { ReportPeriods } from './periods-of-report.ts';

/** The records of one cut. `sellerIds` are the people whose activity goals count. */
export interface ScopeRecords {
  deals: ModelDeal[];
  /** The activity rows kept as rows (customer meetings …) of the cut's owners. */
  activities: Activity[];
  /** The whole log's activity facts; the cut reads those of `activityOwners`. */
  activityFacts: ActivityFacts;
  /** Whose activities count: a seller, a team's members, or every owner in the log. */
  activityOwners: readonly string[];
  /** Targets set for this scope itself (company, team or seller rows). */
  targets: Target[];
  /** All seller-level targets of the people in the cut (for weekly activity goals). */
  sellerTargets: Target[];
  invoices: Invoice[];
  sellerIds: string[];
}

export interface ScopeFigures {
  volume: { yearToDate: SalesVolume; previousYearToDate: SalesVolume; byMonth: SalesVolumeMonth[] };
  targets: TargetAttainment;
  pipeline: {
    open: OpenPipeline;
    weighted: WeightedPipeline;
    forecastQuarter: ForecastCategories;
    coverage: Coverage;
    aging: DealAging;
    stalled: StalledDeals;
    slipped: SlippedDeals;
    newPipeline: NewPipeline;
  };
  winRate: WinRate;
  dealSize: DealSize;
  salesCycle: SalesCycle;
  salesVelocity: SalesVelocity;
  activities: {
    goalsRecentWeeks: ActivityGoalRow[];
    /** The same weeks per person and type (the people add up to `goalsRecentWeeks`). */
    goalsByPerson: PersonGoalRow[];
    customersWorked: CustomersWorked;
    timeWithCustomersYtd: ReturnType<typeof timeWithCustomers>;
  };
}

export function scopeFigures(records: ScopeRecords, periods: ReportPeriods, ctx: MetricContext): ScopeFigures {
  const { deals, activities, targets, invoices } = records;
  const { open, wonThisYear, wonPreviousYtd, closedTrailing, wonTrailing, closingInQuarter, createdRecently } = splitDeals(deals, periods);
  const trailing = periods.trailingYear; // ends at as-of
  const quarter = periods.quarter.range;
  const fiscalYear = periods.fiscalYearRange;
  const previousYtd = periods.previousYearToDate;
  // Target attainment's year-to-date is the report's (both from as-of and the fiscal-year start),
  // inside the fiscal year.
  const volumeYtd = salesVolume(wonThisYear, periods.yearToDate);
  const targetsFigures = targetAttainment({ targets, deals: wonThisYear, invoices }, ctx, volumeYtd);
  const total = totalRow(targetsFigures);
  const trailingWinRate = winRate(closedTrailing, trailing, ctx);
  const trailingDealSize = dealSize(wonTrailing, trailing, ctx);
  const trailingCycle = salesCycle(wonTrailing, trailing, ctx);
  const openAsOf = openDeals(open, ctx.asOf);
  const goalWeeks = periods.recentWeeks.slice(-8);
  return {
    volume: {
      yearToDate: volumeYtd,
      previousYearToDate: salesVolume(wonPreviousYtd, previousYtd),
      byMonth: salesVolumeByMonth(wonThisYear, fiscalYear),
    },
    targets: targetsFigures,
    pipeline: {
      open: openPipeline(open, ctx),
      weighted: weightedPipeline(open, ctx),
      forecastQuarter: forecastCategories(closingInQuarter, quarter, ctx),
      // The open deals and trailing win rate above are the ones coverage reads (same deals, same range).
      coverage: coverageOf(
        { open: openAsOf, trailingWinRateByValue: trailingWinRate.byValue },
        { period: periods.fiscalYearRange, target: total?.fullYearTarget ?? null, won: total?.resultYtd ?? 0 },
        ctx,
      ),
      aging: dealAging(open, ctx),
      stalled: stalledDeals(open, records.activityFacts.lastByDeal, ctx),
      slipped: slippedDeals(open, ctx),
      newPipeline: newPipeline(createdRecently, periods.recentWeeks, ctx),
    },
    winRate: trailingWinRate,
    dealSize: trailingDealSize,
    salesCycle: trailingCycle,
    // The velocity's inputs are the figures above (same deals, same range), not computed twice.
    salesVelocity: velocityOf(periods.trailingYear, {
      openCount: openAsOf.length,
      winRateByCount: trailingWinRate.byCount,
      averageDealSize: trailingDealSize.averageAmount,
      averageCycleDays: trailingCycle.averageDays,
    }),
    activities: {
      goalsRecentWeeks: activityGoals(records.activityFacts.counts, records.sellerTargets, records.sellerIds, goalWeeks, ctx),
      goalsByPerson: activityGoalsByPerson(records.activityFacts.counts, records.sellerTargets, records.sellerIds, goalWeeks, ctx),
      customersWorked: customersWorked(records.activityFacts, records.activityOwners, targets, ctx),
      timeWithCustomersYtd: timeWithCustomers(activities, periods.yearToDate),
    },
  };
}

/**
 * Most metrics read deals of one or two statuses, or in one window, and filter for them
 * themselves: the cut's deals are split once, so a metric does not walk a million deals to find
 * the few it counts. Each metric still gets every deal it would have kept from the whole list
 * (in the same order), so figures are unchanged.
 */
function splitDeals(deals: readonly ModelDeal[], periods: ReportPeriods) {
  const trailing = periods.trailingYear;
  const open: ModelDeal[] = [];
  /** Won deals closed in the fiscal year (its volume by month, and year-to-date within it). */
  const wonThisYear: ModelDeal[] = [];
  /** Won deals closed in the previous year-to-date. */
  const wonPreviousYtd: ModelDeal[] = [];
  /** Won and lost deals closed in the trailing year, up to as-of (win rate, deal size, cycle). */
  const closedTrailing: ModelDeal[] = [];
  const wonTrailing: ModelDeal[] = [];
  /** Deals with a close date in the quarter (forecast categories). */
  const closingInQuarter: ModelDeal[] = [];
  /** Deals created in the days the recent weeks span (new pipeline). */
  const createdRecently: ModelDeal[] = [];
  const recent = newPipelineSpan(periods.recentWeeks);
  for (const deal of deals) {
    if (deal.status === 'open') open.push(deal);
    else if (inRange(deal.close, trailing)) {
      closedTrailing.push(deal);
      if (deal.status === 'won') wonTrailing.push(deal);
    }
    if (deal.status === 'won') {
      if (inRange(deal.close, periods.fiscalYearRange)) wonThisYear.push(deal);
      if (inRange(deal.close, periods.previousYearToDate)) wonPreviousYtd.push(deal);
    }
    if (inRange(deal.close, periods.quarter.range)) closingInQuarter.push(deal);
    if (recent !== undefined && inRange(deal.created, recent)) createdRecently.push(deal);
  }
  return { open, wonThisYear, wonPreviousYtd, closedTrailing, wonTrailing, closingInQuarter, createdRecently };
}
