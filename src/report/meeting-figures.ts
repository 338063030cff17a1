/**
 * What the meeting pages add to the weekly and monthly entries: the week's result against its
 * share of the budget, slipped value, deals closing this and next week and who is behind on
 * activity goals (the weekly agenda); the month against its own budget per channel and team, the
 * year's months for the charts, lost value by reason and the forecast against the quarter's and
 * the year's budget (the monthly board pack). Every figure comes from one metric function.
 */
import { activityGoals, type ActivityCounts } from '../metrics/activity-goals.ts';
import type { MetricContext } from '../metrics/context.ts';
import { forecastVsBudget, type ForecastVsBudget } from '../metrics/forecast-vs-budget.ts';
import { lostByReason, type LostReasonRow } from '../metrics/lost-reasons.ts';
import { periodBudget } from '../metrics/period-budget.ts';
import type { AttainmentMeasure } from '../metrics/target-attainment.ts';
import { salesVolume, type SalesVolume } from '../metrics/sales-volume.ts';
import { CHANNEL_BUCKETS, CHANNELS, type ActivityType, type ChannelBucket, type ModelDeal, type Target } from '../core/records.ts';
import { inRange, type DateRange } from '../periods/calendar.ts';
import { fiscalQuarterOf, fiscalQuarterRange, fiscalYearOf, fiscalYearRange, monthRange, monthsBetween } from '../periods/fiscal.ts';
import { addWeeks, isoWeekRange } from '../periods/iso-week.ts';
import { dealList, type DealLineContext, type DealList } from './deal-lines.ts';
import { compareNames, type PersonRef } from './people.ts';

export interface BehindOnGoal {
  person: PersonRef;
  teamId: string;
  type: ActivityType;
  actual: number;
  goal: number;
  share: number | null;
}

export interface WeekAgenda {
  week: string;
  /** Company `volume:total` budget of the week's days; null without a budget. */
  target: number | null;
  /** Annual sales volume won in the week. */
  result: number;
  /** Open deals (as known today) whose expected close date was in the week and has passed. */
  slipped: DealList;
  /** Deals with a close date in this week or the next, any status (won, lost, still open). */
  closing: DealList;
  /** Sellers below a weekly activity goal in the week, furthest behind first. */
  behind: BehindOnGoal[];
}

export interface WeekAgendaInput {
  companyTargets: readonly Target[];
  /** Deals whose close date is in the week or the next. */
  closing: readonly ModelDeal[];
  /** Sellers below a weekly goal in the week (from `behindOnGoals`). */
  behind: readonly BehindOnGoal[];
}

/**
 * Per week, the sellers below a weekly activity goal (actual < goal > 0), furthest behind first.
 * One `activityGoals` pass per seller over all the weeks.
 */
export function behindOnGoals(
  weeks: readonly string[],
  sellers: readonly { id: string; teamId: string; targets: readonly Target[] }[],
  counts: ActivityCounts,
  lines: DealLineContext,
  ctx: MetricContext,
): Map<string, BehindOnGoal[]> {
  const byWeek = new Map<string, BehindOnGoal[]>();
  for (const seller of sellers) {
    const person = lines.person(seller.id);
    for (const row of activityGoals(counts, [...seller.targets], [seller.id], weeks, ctx)) {
      if (row.goal <= 0 || row.actual >= row.goal) continue;
      const list = byWeek.get(row.week) ?? [];
      list.push({ person, teamId: seller.teamId, type: row.type, actual: row.actual, goal: row.goal, share: row.share });
      byWeek.set(row.week, list);
    }
  }
  for (const list of byWeek.values()) list.sort((a, b) => (a.share ?? 0) - (b.share ?? 0) || compareNames(a.person.name, b.person.name));
  return byWeek;
}

export function weekAgenda(week: string, input: WeekAgendaInput, lines: DealLineContext, ctx: MetricContext): WeekAgenda {
  const range = isoWeekRange(week);
  const twoWeeks = { start: range.start, end: isoWeekRange(addWeeks(week, 1)).end };
  const closing = input.closing.filter((d) => inRange(d.close, twoWeeks));
  const wonInWeek = closing.filter((d) => d.status === 'won' && inRange(d.close, range) && d.close <= ctx.asOf);
  const slipped = closing.filter((d) => d.status === 'open' && inRange(d.close, range) && d.close < ctx.asOf && d.created <= ctx.asOf);
  return {
    week,
    target: periodBudget(input.companyTargets, 'volume:total', range, ctx.settings),
    result: salesVolume(wonInWeek, range).annualVolume,
    slipped: dealList(slipped, lines),
    closing: dealList(closing, lines, 60),
    behind: [...input.behind],
  };
}

export interface MonthBudgetRow {
  /** `volume:<channel>` or `volume:total`. */
  measure: string;
  result: number;
  budget: number | null;
}

export interface MonthPack {
  month: string;
  /** The month's own result and budget (up to as-of in the current month), per channel and total. */
  company: MonthBudgetRow[];
  teams: { id: string; result: number; budget: number | null }[];
  /** Every month of the fiscal year up to this one: result and budget (volume:total). */
  series: { month: string; result: number; budget: number | null; byChannel: Record<ChannelBucket, number> }[];
  lostByReason: LostReasonRow[];
  /** As of the report date: the quarter and the fiscal year of the month. */
  forecastQuarter: ForecastVsBudget & { label: string };
  forecastYear: ForecastVsBudget & { label: string };
  teamForecasts: { id: string; forecast: ForecastVsBudget }[];
}

export interface PackScope {
  id: string;
  /**
   * Every deal of the scope grouped by the month of its close date (the volumes read the won
   * deals of a month, the forecasts open and won deals closing in a quarter or year).
   */
  byCloseMonth: ReadonlyMap<string, readonly ModelDeal[]>;
  targets: readonly Target[];
}

/** The scope's deals whose close date is in one of the months the range touches. */
function closingIn(scope: PackScope, range: DateRange): ModelDeal[] {
  return monthsBetween(range).flatMap((month) => scope.byCloseMonth.get(month) ?? []);
}

export interface MonthPackInput {
  company: PackScope;
  teams: readonly PackScope[];
  /** Deals closed or created in the month, or expected to close in it. */
  dealsOfMonth: (month: string) => readonly ModelDeal[];
}

/** Builds the packs of many months; forecasts are as of today, so each period's is computed once. */
export function monthPacks(months: readonly string[], input: MonthPackInput, ctx: MetricContext): MonthPack[] {
  const { settings, asOf } = ctx;
  const start = settings.fiscalYearStartMonth;
  const forecasts = new Map<string, ForecastVsBudget>();
  const forecast = (scope: PackScope, period: DateRange) => {
    const key = `${scope.id}:${period.start}:${period.end}`;
    let result = forecasts.get(key);
    if (result === undefined) {
      result = forecastVsBudget(closingIn(scope, period), period, periodBudget(scope.targets, 'volume:total', period, settings), ctx);
      forecasts.set(key, result);
    }
    return result;
  };
  /** A month up to its last day, or up to as-of in the current month ("month to date"). */
  const toDate = (month: string): DateRange => {
    const range = monthRange(month);
    return { start: range.start, end: range.end < asOf ? range.end : asOf };
  };
  const volumes = new Map<string, SalesVolume>();
  const volumeOf = (scope: PackScope, month: string) => {
    const key = `${scope.id}:${month}`;
    let volume = volumes.get(key);
    if (volume === undefined) volumes.set(key, (volume = salesVolume(scope.byCloseMonth.get(month) ?? [], toDate(month))));
    return volume;
  };
  return months.map((month) => {
    const range = toDate(month);
    const fiscalYear = fiscalYearOf(range.start, start);
    const year = fiscalYearRange(fiscalYear, start);
    const { quarter } = fiscalQuarterOf(range.start, start);
    const quarterRange = fiscalQuarterRange(fiscalYear, quarter, start);
    const company = input.company;
    const volume = volumeOf(company, month);
    const budget = (measure: AttainmentMeasure) => periodBudget(company.targets, measure, range, settings);
    return {
      month,
      company: [
        ...CHANNELS.map((c) => ({ measure: `volume:${c}`, result: volume.byChannel[c].annualVolume, budget: budget(`volume:${c}`) })),
        { measure: 'volume:total', result: volume.annualVolume, budget: budget('volume:total') },
      ],
      teams: input.teams.map((team) => ({
        id: team.id,
        result: volumeOf(team, month).annualVolume,
        budget: periodBudget(team.targets, 'volume:total', range, settings),
      })),
      series: monthsBetween({ start: year.start, end: range.end }).map((m) => {
        const v = volumeOf(company, m);
        return {
          month: m,
          result: v.annualVolume,
          budget: periodBudget(company.targets, 'volume:total', toDate(m), settings),
          byChannel: Object.fromEntries(CHANNEL_BUCKETS.map((c) => [c, v.byChannel[c].annualVolume])) as Record<ChannelBucket, number>,
        };
      }),
      lostByReason: lostByReason(input.dealsOfMonth(month), range),
      forecastQuarter: { ...forecast(company, quarterRange), label: `FY${fiscalYear}-Q${quarter}` },
      forecastYear: { ...forecast(company, year), label: `FY${fiscalYear}` },
      teamForecasts: input.teams.map((team) => ({ id: team.id, forecast: forecast(team, quarterRange) })),
    };
  });
}

export interface SellerMonth {
  id: string;
  month: string;
  won: DealList;
  lost: DealList;
  /** Deals created in the month (up to as-of) with this person as SDR. */
  handedOver: number;
}

/** A person's month for the 1:1: won and lost deals they own, deals they handed over as SDR. */
export function sellerMonth(
  id: string,
  month: string,
  owned: readonly ModelDeal[],
  asSdr: readonly ModelDeal[],
  lines: DealLineContext,
  ctx: MetricContext,
): SellerMonth {
  const range = monthRange(month);
  const upTo = { start: range.start, end: range.end < ctx.asOf ? range.end : ctx.asOf };
  return {
    id,
    month,
    won: dealList(
      owned.filter((d) => d.status === 'won' && inRange(d.close, upTo)),
      lines,
    ),
    lost: dealList(
      owned.filter((d) => d.status === 'lost' && inRange(d.close, upTo)),
      lines,
    ),
    handedOver: asSdr.filter((d) => inRange(d.created, upTo)).length,
  };
}
