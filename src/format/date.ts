/**
 * Calendar dates (`YYYY-MM-DD`) and months (`YYYY-MM`) for the page. They are already local
 * dates, so they are formatted in UTC: the output never depends on the machine's time zone.
 */
import { dateFormat } from './intl.ts';
import { INTL_LOCALE, type Locale } from '../i18n/locales.ts';

export type DateStyle = 'long' | 'medium' | 'numeric';

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const MONTH = /^(\d{4})-(\d{2})$/;

const STYLES: Record<DateStyle, Intl.DateTimeFormatOptions> = {
  long: { dateStyle: 'long' },
  medium: { dateStyle: 'medium' },
  numeric: { dateStyle: 'short' },
};

/** UTC midnight of a `YYYY-MM-DD` date; throws on anything else. */
export function utcDate(iso: string): Date {
  const match = DATE.exec(iso);
  if (!match) throw new Error(`expected a date as YYYY-MM-DD, got "${iso}"`);
  return new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
}

function utcMonth(month: string): Date {
  const match = MONTH.exec(month) ?? DATE.exec(month);
  if (!match) throw new Error(`expected a month as YYYY-MM, got "${month}"`);
  return new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, 1));
}

/**
 * `formatDate('2026-11-23', 'sv')` → `"23 november 2026"`; da `"23. november 2026"`; en
 * `"23 November 2026"`. `'medium'`: `"23 nov. 2026"`; `'numeric'`: `"2026-11-23"`, `"23.11.2026"`, `"23/11/2026"`.
 */
export function formatDate(iso: string, locale: Locale, style: DateStyle = 'long'): string {
  return dateFormat(INTL_LOCALE[locale], { ...STYLES[style], timeZone: 'UTC' }).format(utcDate(iso));
}

/** `formatMonth('2026-11', 'sv')` → `"november 2026"`; en `"November 2026"`. Accepts a date too. */
export function formatMonth(month: string, locale: Locale): string {
  return dateFormat(INTL_LOCALE[locale], { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(utcMonth(month));
}

/** Axis labels: `formatMonthShort('2026-11', 'sv')` → `"nov."`; en `"Nov"`; with year `"nov. 2026"`. */
export function formatMonthShort(month: string, locale: Locale, withYear = false): string {
  return dateFormat(INTL_LOCALE[locale], {
    month: 'short',
    ...(withYear ? { year: 'numeric' } : {}),
    timeZone: 'UTC',
  }).format(utcMonth(month));
}

/** `formatDateRange('2026-11-16', '2026-11-22', 'sv')` → `"16–22 nov. 2026"`. */
export function formatDateRange(start: string, end: string, locale: Locale): string {
  return dateFormat(INTL_LOCALE[locale], {
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    timeZone: 'UTC',
  }).formatRange(utcDate(start), utcDate(end));
}
