/**
 * Calendar arithmetic on local dates `YYYY-MM-DD`. Dates are mapped to day numbers (days since
 * 1970-01-01) through UTC, so no process time zone or DST can shift a day.
 */
import type { IsoDate } from '../core/records.ts';

const MS_PER_DAY = 86_400_000;

/** The digit at `at` (NaN for any other character). */
function digitAt(text: string, at: number): number {
  const digit = text.charCodeAt(at) - 48;
  return digit >= 0 && digit <= 9 ? digit : Number.NaN;
}

/**
 * Day number of a `YYYY-MM-DD` date (1970-01-01 = 0). Metrics call this millions of times, so
 * the usual form is read digit by digit and counted with the proleptic Gregorian calendar
 * (days from March 1 of year 0 in 400-year eras: H. Hinnant's `days_from_civil`), which gives
 * what `Date.UTC` gives; any other text goes through `Date.UTC`.
 */
export function dayNumber(date: IsoDate): number {
  if (date.length === 10 && date.charCodeAt(4) === 45 && date.charCodeAt(7) === 45) {
    const y = digitAt(date, 0) * 1000 + digitAt(date, 1) * 100 + digitAt(date, 2) * 10 + digitAt(date, 3);
    const m = digitAt(date, 5) * 10 + digitAt(date, 6);
    const d = digitAt(date, 8) * 10 + digitAt(date, 9);
    // Date.UTC reads years 0–99 as 1900–1999: those take the slow path.
    if (y >= 100 && m >= 1 && m <= 12 && d >= 1 && d <= 31) return daysFromCivil(y, m, d);
  }
  return Math.floor(Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10))) / MS_PER_DAY);
}

/**
 * Day number of year `y` (100 or later), month `m` (1–12), day `d` (1–31, a day past the month's
 * end counts on into the next): H. Hinnant's `days_from_civil`.
 */
export function daysFromCivil(y: number, m: number, d: number): number {
  const year = m <= 2 ? y - 1 : y; // years start on March 1, so a leap day ends its year
  const era = Math.floor(year / 400);
  const yearOfEra = year - era * 400;
  const dayOfYear = Math.floor((153 * (m > 2 ? m - 3 : m + 9) + 2) / 5) + d - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146_097 + dayOfEra - 719_468; // 719 468: days from 0000-03-01 to 1970-01-01
}

/** The `YYYY-MM-DD` date of a day number. */
export function fromDayNumber(day: number): IsoDate {
  return new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
}

/** Days whose dates `isoDateOf` keeps: 1900-01-01 (day -25 567) to 2199-12-31, 300 years. */
const FIRST_KEPT_DAY = -25_567;
const KEPT_DAYS = 109_573;
const keptDates: (IsoDate | undefined)[] = [];

/**
 * `fromDayNumber`, one string per day: the date of a day from 1900 to 2199 is made once and
 * then shared, so a million records dated by day number share a few thousand strings.
 */
export function isoDateOf(day: number): IsoDate {
  const at = day - FIRST_KEPT_DAY;
  if (at < 0 || at >= KEPT_DAYS) return fromDayNumber(day);
  return (keptDates[at] ??= fromDayNumber(day));
}

export function addDays(date: IsoDate, days: number): IsoDate {
  return isoDateOf(dayNumber(date) + days);
}

/** Whole days from `from` to `to` (positive when `to` is later). */
export function daysBetween(from: IsoDate, to: IsoDate): number {
  return dayNumber(to) - dayNumber(from);
}

/** ISO day of week: Monday = 1 … Sunday = 7. */
export function isoDayOfWeek(date: IsoDate): number {
  // 1970-01-01 was a Thursday (4).
  return ((((dayNumber(date) + 3) % 7) + 7) % 7) + 1;
}

/** First day of the month `months` after the month of `date` (negative goes back). */
export function addMonthsToMonthStart(date: IsoDate, months: number): IsoDate {
  const y = Number(date.slice(0, 4));
  const m = Number(date.slice(5, 7)) - 1 + months;
  const year = y + Math.floor(m / 12);
  const month = ((m % 12) + 12) % 12;
  return `${String(year).padStart(4, '0')}-${String(month + 1).padStart(2, '0')}-01`;
}

/** Same day `months` later, clamped to the month's last day (Jan 31 + 1 month = Feb 28/29). */
export function addMonths(date: IsoDate, months: number): IsoDate {
  const start = addMonthsToMonthStart(date, months);
  const last = addDays(addMonthsToMonthStart(start, 1), -1);
  const day = Math.min(Number(date.slice(8, 10)), Number(last.slice(8, 10)));
  return `${start.slice(0, 8)}${String(day).padStart(2, '0')}`;
}

/** Whole months from `from` to `to`, counting a month only when its day is reached. */
export function monthsBetween(from: IsoDate, to: IsoDate): number {
  const months = (Number(to.slice(0, 4)) - Number(from.slice(0, 4))) * 12 + (Number(to.slice(5, 7)) - Number(from.slice(5, 7)));
  return Number(to.slice(8, 10)) >= Number(from.slice(8, 10)) ? months : months - 1;
}

/** An inclusive range of dates. */
export interface DateRange {
  start: IsoDate;
  end: IsoDate;
}

export function inRange(date: IsoDate, range: DateRange): boolean {
  return date >= range.start && date <= range.end;
}

/** Number of days in an inclusive range. */
export function rangeDays(range: DateRange): number {
  return daysBetween(range.start, range.end) + 1;
}
