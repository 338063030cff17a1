/** Formatting bound to one page's language and the report's currency. */
import type { Currency } from '../format/index.ts';
import { formatDate, formatDateRange, formatMoney, formatMonth, formatNumber, formatPercent, weekLabel, weekRangeLabel } from '../format/index.ts';
import type { Locale } from '../i18n/index.ts';

/**
 * Addresses, in the page's language, of the pages that list a chart's rows: a month's bar leads
 * to its monthly review, a team's bar to the team page. `undefined` where the site has no such page.
 */
export interface PageLinks {
  month(month: string): string | undefined;
  week(week: string): string | undefined;
  /** By team id. */
  team(id: string): string | undefined;
  seller(slug: string): string;
  /** The pipeline page's list of one stage's open deals; undefined when the stage has none. */
  stage(stageId: string): string | undefined;
  /** A team page's own list of one stage's open deals (`scope`: the team's id prefix), on the same page. */
  teamStage(scope: string, stageId: string): string | undefined;
}

export interface Fmt {
  locale: Locale;
  currency: Currency;
  /** The CRM record address of a deal, from the `crmDealUrl` setting (null when not set). */
  crmDealUrl: string | null;
  /** Where chart marks link; absent where nothing is drawn (the CSV downloads). */
  links?: PageLinks;
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

export function fmt(locale: Locale, currency: Currency, crmDealUrl: string | null = null): Fmt {
  return {
    locale,
    currency,
    crmDealUrl,
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
