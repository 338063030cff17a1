/** Formatting bound to one page's language and the report's currency. */
import type { Currency } from '../format/index.ts';
import { formatDate, formatDateRange, formatMoney, formatMonth, formatNumber, formatPercent, weekLabel, weekRangeLabel } from '../format/index.ts';
import type { Locale } from '../i18n/index.ts';

export interface Fmt {
  locale: Locale;
  currency: Currency;
  money(value: number | null | undefined): string;
  moneyCompact(value: number | null | undefined): string;
  percent(ratio: number | null | undefined): string;
  number(value: number | null | undefined, digits?: number): string;
  date(iso: string): string;
  range(start: string, end: string): string;
  week(week: string, withYear?: boolean): string;
  weekRange(week: string): string;
  month(month: string): string;
}

export function fmt(locale: Locale, currency: Currency): Fmt {
  return {
    locale,
    currency,
    money: (value) => formatMoney(value, currency, locale),
    moneyCompact: (value) => formatMoney(value, currency, locale, { compact: true }),
    percent: (ratio) => formatPercent(ratio, locale),
    number: (value, digits = 0) => formatNumber(value, locale, { digits }),
    date: (iso) => formatDate(iso, locale, 'medium'),
    range: (start, end) => formatDateRange(start, end, locale),
    week: (week, withYear = false) => weekLabel(week, locale, { year: withYear }),
    weekRange: (week) => weekRangeLabel(week, locale),
    month: (month) => formatMonth(month, locale),
  };
}
