/**
 * Fiscal periods. The fiscal year starts on the first day of `startMonth` (1 = January) and is
 * named by the calendar year it starts in: with startMonth 7, FY2026 = 2026-07-01 … 2027-06-30.
 * Quarters are fiscal quarters (Q1 = the first three months of the fiscal year).
 */
import type { IsoDate } from '../core/records.ts';
import { addDays, addMonthsToMonthStart, type DateRange } from './calendar.ts';
import { isIsoWeek, isoWeekRange } from './iso-week.ts';

/** The fiscal year (by starting calendar year) a date falls in. */
export function fiscalYearOf(date: IsoDate, startMonth: number): number {
  const year = Number(date.slice(0, 4));
  const month = Number(date.slice(5, 7));
  return month >= startMonth ? year : year - 1;
}

export function fiscalYearRange(fiscalYear: number, startMonth: number): DateRange {
  const start = `${fiscalYear}-${String(startMonth).padStart(2, '0')}-01`;
  return { start, end: addDays(addMonthsToMonthStart(start, 12), -1) };
}

/** Fiscal quarter 1–4 of a date. */
export function fiscalQuarterOf(date: IsoDate, startMonth: number): { fiscalYear: number; quarter: number } {
  const month = Number(date.slice(5, 7));
  const offset = (month - startMonth + 12) % 12;
  return { fiscalYear: fiscalYearOf(date, startMonth), quarter: Math.floor(offset / 3) + 1 };
}

export function fiscalQuarterRange(fiscalYear: number, quarter: number, startMonth: number): DateRange {
  const yearStart = fiscalYearRange(fiscalYear, startMonth).start;
  const start = addMonthsToMonthStart(yearStart, (quarter - 1) * 3);
  return { start, end: addDays(addMonthsToMonthStart(start, 3), -1) };
}

/** `YYYY-MM` of a date. */
export function monthOf(date: IsoDate): string {
  return date.slice(0, 7);
}

export function monthRange(month: string): DateRange {
  const start = `${month}-01`;
  return { start, end: addDays(addMonthsToMonthStart(start, 1), -1) };
}

/** Every month `YYYY-MM` with at least one day in the range, in order. */
export function monthsBetween(range: DateRange): string[] {
  const months: string[] = [];
  let start = `${monthOf(range.start)}-01`;
  while (start <= range.end) {
    months.push(monthOf(start));
    start = addMonthsToMonthStart(start, 1);
  }
  return months;
}

/** Fiscal year-to-date: the first day of as-of's fiscal year up to and including as-of. */
export function yearToDate(asOf: IsoDate, startMonth: number): DateRange {
  return { start: fiscalYearRange(fiscalYearOf(asOf, startMonth), startMonth).start, end: asOf };
}

const FISCAL_YEAR = /^FY(\d{4})$/;
const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;
const QUARTER = /^FY(\d{4})-Q([1-4])$/;

/**
 * The date range of a period label: `FY2026`, `FY2026-Q3`, `2026-03` or `2026-W47`;
 * `undefined` when the label is not one of these.
 */
export function periodRange(label: string, startMonth: number): DateRange | undefined {
  const key = `${startMonth} ${label}`;
  if (rangeCache.has(key)) return rangeCache.get(key);
  const range = computePeriodRange(label, startMonth);
  if (rangeCache.size > 100_000) rangeCache.clear();
  rangeCache.set(key, range && Object.freeze(range));
  return range;
}

/** Period labels repeat across thousands of targets and scopes: each is worked out once. */
const rangeCache = new Map<string, Readonly<DateRange> | undefined>();

function computePeriodRange(label: string, startMonth: number): DateRange | undefined {
  const fy = FISCAL_YEAR.exec(label);
  if (fy) return fiscalYearRange(Number(fy[1]), startMonth);
  const quarter = QUARTER.exec(label);
  if (quarter) return fiscalQuarterRange(Number(quarter[1]), Number(quarter[2]), startMonth);
  if (MONTH.test(label)) return monthRange(label);
  if (isIsoWeek(label)) return isoWeekRange(label);
  return undefined;
}

/** Fraction of the range elapsed by the end of `asOf` (0 before it starts, 1 after it ends). */
export function elapsedShare(range: DateRange, asOf: IsoDate): number {
  if (asOf < range.start) return 0;
  if (asOf >= range.end) return 1;
  const total = (Date.parse(range.end) - Date.parse(range.start)) / 86_400_000 + 1;
  const elapsed = (Date.parse(asOf) - Date.parse(range.start)) / 86_400_000 + 1;
  return elapsed / total;
}
