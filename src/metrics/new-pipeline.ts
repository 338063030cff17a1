/**
 * New pipeline per ISO week: is the list of opportunities being refilled (domain §3)?
 *
 * @summary
 * - Puts a deal in a week by its `created` date (ISO week, Monday–Sunday; the days around New
 *   Year belong to the week-numbering year, e.g. 2027-01-03 is in 2026-W53).
 * - Every deal created in a listed week and on or before `asOf`, whatever its status today
 *   (won and lost deals were new pipeline too). Count and Σ `amount` per week, one row per
 *   listed week in the given order (also when empty), and the totals over all listed weeks.
 * - `averageCount` / `averageAmount` = total ÷ number of listed weeks (`null` without weeks).
 * - Channel: all; the caller passes one channel's deals for a channel view.
 *
 * @example
 * newPipeline([
 *   deal({ id: 'd1', created: '2026-11-16', amount: 100 }),              // Monday of W47
 *   deal({ id: 'd2', created: '2026-11-22', amount: 50, status: 'won' }), // Sunday of W47
 *   deal({ id: 'd3', created: '2026-11-23', amount: 70 }),              // Monday of W48
 * ], ['2026-W47', '2026-W48'], { settings, asOf: '2026-11-30' })
 * //=> { weeks: [ { week: '2026-W47', count: 2, amount: 150 }, { week: '2026-W48', count: 1, amount: 70 } ],
 * //     count: 3, amount: 220, averageCount: 1.5, averageAmount: 110 }
 */
import type { Deal } from '../core/records.ts';
import type { DateRange } from '../periods/calendar.ts';
import { isIsoWeek, isoWeekOf, isoWeekRange, isoWeekStart } from '../periods/iso-week.ts';
import type { MetricContext } from './context.ts';
import { ratio, sumMoney } from './money.ts';

export interface NewPipelineWeek {
  /** ISO week `2026-W47`. */
  week: string;
  count: number;
  amount: number;
}

export interface NewPipeline {
  weeks: NewPipelineWeek[];
  count: number;
  amount: number;
  averageCount: number | null;
  averageAmount: number | null;
}

/**
 * The days the listed weeks span, first Monday to last Sunday (undefined without a week): deals
 * created outside it cannot be in any of the weeks, so a caller may leave them out.
 */
export function newPipelineSpan(weeks: readonly string[]): DateRange | undefined {
  const labels = weeks.filter(isIsoWeek).sort();
  if (labels.length === 0) return undefined;
  return { start: isoWeekStart(labels[0]!), end: isoWeekRange(labels[labels.length - 1]!).end };
}

export function newPipeline(deals: readonly Deal[], weeks: readonly string[], ctx: MetricContext): NewPipeline {
  const amounts = new Map<string, number[]>(weeks.map((week) => [week, []]));
  // Deals created outside the listed weeks' span cannot be in any of them: skipped by date alone.
  const span = newPipelineSpan(weeks);
  if (span === undefined) return figures(amounts);
  const { start: first, end: last } = span;
  for (const deal of deals) {
    if (deal.created > ctx.asOf || deal.created < first || deal.created > last) continue;
    amounts.get(isoWeekOf(deal.created))?.push(deal.amount);
  }
  return figures(amounts);
}

function figures(amounts: Map<string, number[]>): NewPipeline {
  // Built from the map so a week listed twice is counted once.
  const rows = [...amounts].map(([week, values]) => ({ week, count: values.length, amount: sumMoney(values) }));
  const count = rows.reduce((total, row) => total + row.count, 0);
  const amount = sumMoney(rows.map((row) => row.amount));
  const averageAmount = ratio(amount, rows.length);
  return {
    weeks: rows,
    count,
    amount,
    averageCount: ratio(count, rows.length),
    averageAmount: averageAmount === null ? null : Math.round(averageAmount * 100) / 100,
  };
}
