/**
 * Results vs budget year-to-date, and pace to the fiscal-year target (domain §2, monthly review).
 *
 * @summary
 * - Year-to-date (YTD) = first day of as-of's fiscal year … as-of, inclusive.
 * - Result YTD: `volume:<channel>`, `volume:total` = sales volume (`annualAmount` of won deals whose
 *   won date `close` is in YTD, by the model's channel); `revenue` = invoices dated in YTD.
 * - Budget YTD, from the scope's `cadence: 'total'` targets in the fiscal year, at the finest level
 *   given: months (full when past, pro rata by days for the current month, 0 when future), else
 *   quarters (same rule), else `FY` × elapsed share of the year. Full-year target = the `FY` row
 *   when given, else the sum of the finer rows. `volume:total` without rows = sum of the channels.
 * - Attainment = result YTD ÷ budget YTD. Pace = result YTD ÷ elapsed share of the fiscal year
 *   (year-end result at the current run rate); paceVsTarget = pace ÷ full-year target. Ratios
 *   are null when there is no target or it is 0.
 *
 * @example
 * // asOf 2026-03-31 (fiscal year = calendar year): elapsed share 90/365
 * targetAttainment({
 *   targets: [{ period: 'FY2026', cadence: 'total', measure: 'volume:new', value: 365_000 }],
 *   deals: [{ status: 'won', close: '2026-02-10', channel: 'new', amount: 60_000, annualAmount: 30_000 },
 *           { status: 'won', close: '2026-04-01', channel: 'new', amount: 50_000, annualAmount: 50_000 }],
 *   invoices: [{ accountId: 'a1', date: '2026-01-15', amount: 10_000 }],
 * }, { settings, asOf: '2026-03-31' }).rows[3];
 * //=> { measure: 'volume:new', resultYtd: 30_000, budgetYtd: 90_000, attainment: 0.333…,
 * //     fullYearTarget: 365_000, pace: 121_666.67, paceVsTarget: 0.333…, budgetSource: 'fiscal-year' }
 */
import { CHANNELS, type Channel, type Target } from '../core/records.ts';
import type { DateRange } from '../periods/calendar.ts';
import { elapsedShare, fiscalYearOf, fiscalYearRange, periodRange, yearToDate } from '../periods/fiscal.ts';
import type { MetricContext } from './context.ts';
import { ratio, sumMoney } from './money.ts';
import { revenueInRange, type RevenueInvoice } from './revenue.ts';
import { salesVolume, type SalesVolume, type VolumeDeal } from './sales-volume.ts';

export type AttainmentMeasure = `volume:${Channel | 'total'}` | 'revenue';
/** The rows of every attainment, in their order. */
export const ATTAINMENT_MEASURES: readonly AttainmentMeasure[] = [...CHANNELS.map((c) => `volume:${c}` as const), 'volume:total', 'revenue'];
export type BudgetSource = 'month' | 'quarter' | 'fiscal-year' | 'sum-of-channels';
export type TargetRow = Pick<Target, 'period' | 'cadence' | 'measure' | 'value'>;

export interface AttainmentRow {
  measure: AttainmentMeasure;
  resultYtd: number;
  budgetYtd: number | null;
  attainment: number | null;
  fullYearTarget: number | null;
  pace: number;
  paceVsTarget: number | null;
  budgetSource: BudgetSource | null;
}

export interface TargetAttainment {
  /** `FY2026`. */
  fiscalYear: string;
  ytd: DateRange;
  elapsedShare: number;
  rows: AttainmentRow[];
}

/** The kind of a fiscal target period label; `undefined` for weeks and anything else. */
export function periodKind(label: string): PeriodKind | undefined {
  if (kinds.has(label)) return kinds.get(label);
  const kind = /^FY\d{4}$/.test(label)
    ? 'fiscal-year'
    : /^FY\d{4}-Q[1-4]$/.test(label)
      ? 'quarter'
      : /^\d{4}-(0[1-9]|1[0-2])$/.test(label)
        ? 'month'
        : undefined;
  if (kinds.size > 100_000) kinds.clear();
  kinds.set(label, kind);
  return kind;
}

type PeriodKind = 'fiscal-year' | 'quarter' | 'month';
/** Period labels repeat across thousands of targets: each is classified once. */
const kinds = new Map<string, PeriodKind | undefined>();

const cents = (value: number): number => Math.round(value * 100) / 100;

type Budget = { budgetYtd: number; fullYearTarget: number; budgetSource: BudgetSource };

/** A scope's `cadence: 'total'` rows of one measure in one fiscal year, by level, with their ranges. */
interface BudgetRows {
  yearValues: number[];
  levels: { kind: 'month' | 'quarter' | 'fiscal-year'; rows: { value: number; range: DateRange }[] }[];
}

/**
 * The rows are worked out once per list of targets, measure and fiscal year: a scope's budget is
 * read at the end of every month of the report (the list's length is in the key, so a list that
 * grows is read again).
 */
const budgetRowsOf = new WeakMap<readonly TargetRow[], Map<string, BudgetRows>>();

function budgetRows(targets: readonly TargetRow[], measure: string, fy: DateRange, start: number): BudgetRows {
  let cache = budgetRowsOf.get(targets);
  if (cache === undefined) budgetRowsOf.set(targets, (cache = new Map()));
  const key = `${targets.length} ${measure} ${fy.start} ${fy.end} ${start}`;
  let found = cache.get(key);
  if (found !== undefined) return found;
  const rows = targets.filter((t) => {
    const range = t.cadence === 'total' && t.measure === measure ? periodRange(t.period, start) : undefined;
    return range !== undefined && range.start >= fy.start && range.end <= fy.end;
  });
  found = {
    yearValues: rows.filter((t) => periodKind(t.period) === 'fiscal-year').map((t) => t.value),
    levels: (['month', 'quarter', 'fiscal-year'] as const).map((kind) => ({
      kind,
      rows: rows.filter((t) => periodKind(t.period) === kind).map((t) => ({ value: t.value, range: periodRange(t.period, start)! })),
    })),
  };
  cache.set(key, found);
  return found;
}

function budgetOf(targets: readonly TargetRow[], measure: string, fy: DateRange, ctx: MetricContext): Budget | null {
  const { yearValues, levels } = budgetRows(targets, measure, fy, ctx.settings.fiscalYearStartMonth);
  for (const { kind, rows: level } of levels) {
    if (level.length === 0) continue;
    const shares = level.map((t) => t.value * elapsedShare(t.range, ctx.asOf));
    const fullYear = sumMoney(yearValues.length > 0 ? yearValues : level.map((t) => t.value));
    return { budgetYtd: cents(shares.reduce((a, b) => a + b, 0)), fullYearTarget: fullYear, budgetSource: kind };
  }
  return null;
}

/** Without `volume:total` rows the total budget is the sum of the channels that have one. */
function sumOfChannels(budgets: readonly (Budget | null)[]): Budget | null {
  const given = budgets.filter((b) => b !== null);
  if (given.length === 0) return null;
  const budgetYtd = sumMoney(given.map((b) => b.budgetYtd));
  return { budgetYtd, fullYearTarget: sumMoney(given.map((b) => b.fullYearTarget)), budgetSource: 'sum-of-channels' };
}

/** YTD result vs budget per channel, total and revenue, for one scope's targets and records. */
export function targetAttainment(
  records: { targets: readonly TargetRow[]; deals: readonly VolumeDeal[]; invoices: readonly RevenueInvoice[] },
  ctx: MetricContext,
  /** The scope's sales volume over year-to-date when the caller has it already (else from `deals`). */
  volumeYtd?: SalesVolume,
): TargetAttainment {
  const start = ctx.settings.fiscalYearStartMonth;
  const fiscalYear = fiscalYearOf(ctx.asOf, start);
  const fy = fiscalYearRange(fiscalYear, start);
  const ytd = yearToDate(ctx.asOf, start);
  const share = elapsedShare(fy, ctx.asOf);
  const volume = volumeYtd ?? salesVolume(records.deals, ytd);
  const channelBudgets = CHANNELS.map((c) => budgetOf(records.targets, `volume:${c}`, fy, ctx));
  const totalBudget = budgetOf(records.targets, 'volume:total', fy, ctx) ?? sumOfChannels(channelBudgets);
  const row = (measure: AttainmentMeasure, resultYtd: number, budget: Budget | null): AttainmentRow => {
    const pace = cents(resultYtd / share);
    const { budgetYtd = null, fullYearTarget = null, budgetSource = null } = budget ?? {};
    const attainment = budgetYtd === null ? null : ratio(resultYtd, budgetYtd);
    const paceVsTarget = fullYearTarget === null ? null : ratio(pace, fullYearTarget);
    return { measure, resultYtd, budgetYtd, attainment, fullYearTarget, pace, paceVsTarget, budgetSource };
  };
  return {
    fiscalYear: `FY${fiscalYear}`,
    ytd,
    elapsedShare: share,
    rows: [
      ...CHANNELS.map((c, i) => row(`volume:${c}`, volume.byChannel[c].annualVolume, channelBudgets[i] ?? null)),
      row('volume:total', volume.annualVolume, totalBudget),
      row('revenue', revenueInRange(records.invoices, ytd), budgetOf(records.targets, 'revenue', fy, ctx)),
    ],
  };
}

/** The `volume:total` row: the headline result against budget. */
export function totalRow(attainment: Pick<TargetAttainment, 'rows'>): AttainmentRow | undefined {
  return attainment.rows.find((row) => row.measure === 'volume:total');
}
