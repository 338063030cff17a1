/**
 * Budget of a period inside a fiscal year — a week, a month, a quarter — in the budget's unit.
 *
 * @summary
 * - Budget of [start, end] = budget year to date at `end` − budget year to date the day before
 *   `start` (0 when that day is in an earlier fiscal year), both from `targetAttainment`, so a
 *   period budget follows the same rules as the year-to-date budget: months full when past, pro
 *   rata by days inside a month, else quarters, else the fiscal year × elapsed share.
 * - A period crossing the fiscal-year start is cut to the fiscal year of `end`.
 * - `null` when the scope has no budget for the measure.
 *
 * @example
 * // Monthly budget 300 000 for 2026-11 (30 days); ISO week 47 = 16–22 Nov lies in it.
 * periodBudget(
 *   [{ period: '2026-11', cadence: 'total', measure: 'volume:total', value: 300_000 }],
 *   'volume:total', { start: '2026-11-16', end: '2026-11-22' }, settings,
 * ) //=> 70_000  (7/30 × 300 000)
 */
import type { DateRange } from '../periods/calendar.ts';
import { addDays } from '../periods/calendar.ts';
import { fiscalYearOf } from '../periods/fiscal.ts';
import type { Settings } from '../settings/schema.ts';
import { targetAttainment, type AttainmentMeasure, type TargetRow } from './target-attainment.ts';

function budgetYtd(targets: readonly TargetRow[], measure: AttainmentMeasure, asOf: string, settings: Settings): number | null {
  const rows = targetAttainment({ targets, deals: [], invoices: [] }, { settings, asOf }).rows;
  return rows.find((r) => r.measure === measure)?.budgetYtd ?? null;
}

export function periodBudget(targets: readonly TargetRow[], measure: AttainmentMeasure, range: DateRange, settings: Settings): number | null {
  const atEnd = budgetYtd(targets, measure, range.end, settings);
  if (atEnd === null) return null;
  const dayBefore = addDays(range.start, -1);
  const start = settings.fiscalYearStartMonth;
  if (fiscalYearOf(dayBefore, start) !== fiscalYearOf(range.end, start)) return atEnd;
  const before = budgetYtd(targets, measure, dayBefore, settings) ?? 0;
  return Math.round((atEnd - before) * 100) / 100;
}
