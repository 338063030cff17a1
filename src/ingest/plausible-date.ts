/**
 * Dates a report can use: a data cell whose year is outside the settings' `plausibleYears`
 * (default 1990–2100) is rejected like an unreadable date (rule BadDate), with the window in the
 * message. A typo such as `0026-06-09` or `9999-12-31` would otherwise stretch every range of
 * weeks and months over centuries, or break date arithmetic that assumes four-digit years.
 *
 * Checked on day numbers (src/periods/calendar.ts), so the usual ISO cell costs two comparisons.
 */
import type { IsoDate } from '../core/records.ts';
import { daysFromCivil } from '../periods/calendar.ts';
import { quoteValue } from './parsed.ts';

export interface YearWindow {
  /** First plausible year. */
  from: number;
  /** Last plausible year. */
  to: number;
}

const DEFAULT_YEAR_WINDOW: YearWindow = { from: 1990, to: 2100 };

export interface DayWindow {
  first: number;
  last: number;
  years: YearWindow;
}

export function dayWindow(years: YearWindow = DEFAULT_YEAR_WINDOW): DayWindow {
  return { first: daysFromCivil(years.from, 1, 1), last: daysFromCivil(years.to, 12, 31), years };
}

export function isPlausibleDay(day: number, window: DayWindow): boolean {
  return day >= window.first && day <= window.last;
}

/** The year of a date the parser gave (`2026-11-23`, or `26-06-09` for year 26). */
function yearOf(date: IsoDate): number {
  return Number(date.slice(0, date.length - 6));
}

export function isPlausibleDate(date: IsoDate, window: DayWindow): boolean {
  const year = yearOf(date);
  return year >= window.years.from && year <= window.years.to;
}

/** The rejection message for a date outside the window. */
export function implausibleDateMessage(raw: string, window: DayWindow): string {
  return `expected a date in the years ${window.years.from}–${window.years.to} (setting plausibleYears), got ${quoteValue(raw)}`;
}
