/**
 * ISO 8601 weeks (Monday start; week 1 holds the year's first Thursday), labelled `2026-W47`.
 * The week-numbering year can differ from the calendar year around New Year.
 */
import type { IsoDate } from '../core/records.ts';
import { addDays, dayNumber, fromDayNumber, isoDayOfWeek } from './calendar.ts';

/** Exports hold a few thousand distinct dates and millions of rows: weeks are kept per date. */
const weekCache = new Map<IsoDate, string>();

/** The ISO week of a date, `YYYY-Www`. */
export function isoWeekOf(date: IsoDate): string {
  let week = weekCache.get(date);
  if (week === undefined) {
    if (weekCache.size > 100_000) weekCache.clear();
    week = computeIsoWeek(date);
    weekCache.set(date, week);
  }
  return week;
}

function computeIsoWeek(date: IsoDate): string {
  // The Thursday of the date's week decides the week-numbering year.
  const thursday = addDays(date, 4 - isoDayOfWeek(date));
  const year = Number(thursday.slice(0, 4));
  const week = Math.floor((dayNumber(thursday) - dayNumber(`${thursday.slice(0, 4)}-01-01`)) / 7) + 1;
  return `${year}-W${String(week).padStart(2, '0')}`;
}

const WEEK_PATTERN = /^(\d{4})-W(\d{2})$/;

export function isIsoWeek(label: string): boolean {
  const match = WEEK_PATTERN.exec(label);
  if (!match) return false;
  const week = Number(match[2]);
  return week >= 1 && week <= isoWeeksInYear(Number(match[1]));
}

/** Week labels repeat across every scope and meeting: each Monday is worked out once. */
const mondays = new Map<string, IsoDate>();

/** The Monday of an ISO week label. */
export function isoWeekStart(label: string): IsoDate {
  let monday = mondays.get(label);
  if (monday === undefined) {
    monday = computeWeekStart(label);
    if (mondays.size > 100_000) mondays.clear();
    mondays.set(label, monday);
  }
  return monday;
}

function computeWeekStart(label: string): IsoDate {
  const match = WEEK_PATTERN.exec(label);
  if (!match) throw new Error(`expected an ISO week like 2026-W47, got "${label}"`);
  const week = Number(match[2]);
  // January 4th is always in week 1.
  const jan4 = `${match[1]}-01-04`;
  const week1Monday = addDays(jan4, 1 - isoDayOfWeek(jan4));
  return addDays(week1Monday, (week - 1) * 7);
}

/** Monday to Sunday of an ISO week. */
export function isoWeekRange(label: string): { start: IsoDate; end: IsoDate } {
  const start = isoWeekStart(label);
  return { start, end: addDays(start, 6) };
}

/** 52 or 53. */
export function isoWeeksInYear(year: number): number {
  return isoWeekOf(`${year}-12-28`) === `${year}-W53` ? 53 : 52;
}

/** The week label `offset` weeks after `label`. */
export function addWeeks(label: string, offset: number): string {
  return isoWeekOf(addDays(isoWeekStart(label), offset * 7));
}

/** Every ISO week that has at least one day in [start, end], in order. */
export function isoWeeksBetween(start: IsoDate, end: IsoDate): string[] {
  const weeks: string[] = [];
  if (start > end) return weeks;
  let monday = addDays(start, 1 - isoDayOfWeek(start));
  const last = dayNumber(end);
  while (dayNumber(monday) <= last) {
    weeks.push(isoWeekOf(monday));
    monday = fromDayNumber(dayNumber(monday) + 7);
  }
  return weeks;
}
