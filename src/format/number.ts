/**
 * Numbers and money for the page, in the reader's language (sv-SE, da-DK, en-GB through Intl).
 * Intl writes sv-SE group separators as U+00A0 and minus as U+2212; tests assert them exactly.
 * A missing value (`null`, `NaN`, ±Infinity; e.g. a ratio with denominator 0) is shown as "–".
 */
import { numberFormat } from './intl.ts';
import { INTL_LOCALE, type Locale } from '../i18n/locales.ts';

/** The Nordic currencies the demo and most readers use; any ISO 4217 code Intl knows works (src/settings/currency.ts). */
export const CURRENCIES = ['SEK', 'DKK', 'NOK', 'EUR'] as const;
/** An ISO 4217 currency code, e.g. `SEK`, `USD`, `GBP`. */
export type Currency = string;

/** Shown for a value that does not exist, never "NaN" or "0". */
export const MISSING = '–';

export interface NumberOptions {
  /** Fraction digits, fixed (default 0). */
  digits?: number;
  /** Show "+" on positive values (for changes). */
  signed?: boolean;
}

export function isPresent(value: number | null | undefined): value is number {
  return value !== null && value !== undefined && Number.isFinite(value);
}

/** `formatNumber(1234567, 'sv')` → `"1 234 567"` (U+00A0); `'da'` → `"1.234.567"`; `'en'` → `"1,234,567"`. */
export function formatNumber(value: number | null | undefined, locale: Locale, options: NumberOptions = {}): string {
  if (!isPresent(value)) return MISSING;
  const digits = options.digits ?? 0;
  return numberFormat(INTL_LOCALE[locale], {
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
    signDisplay: options.signed ? 'exceptZero' : 'auto',
  }).format(value);
}

/** The locale's own currency is written as its symbol ("kr", "kr."), EUR as "€". */
const HOME_CURRENCY: Record<Locale, Currency | null> = { sv: 'SEK', da: 'DKK', en: null };

const symbols = new Map<string, string>();

/**
 * How a currency is written in a locale: its own currency and EUR by their symbol; another
 * currency by Intl's symbol when that holds a sign ("US$", "£", "JP¥"), else by its ISO code
 * ("NOK", not the letters-only "Nkr"), so a reader never mistakes one krona for another.
 */
export function currencySign(currency: Currency, locale: Locale): string {
  const key = `${locale} ${currency}`;
  let sign = symbols.get(key);
  if (sign === undefined) {
    const parts = numberFormat(INTL_LOCALE[locale], { style: 'currency', currency, currencyDisplay: 'symbol' }).formatToParts(1);
    const symbol = parts.find((part) => part.type === 'currency')?.value ?? currency;
    const own = currency === HOME_CURRENCY[locale] || currency === 'EUR';
    sign = own || /[^\p{L}]/u.test(symbol) ? symbol : currency;
    symbols.set(key, sign);
  }
  return sign;
}

export interface MoneyOptions extends NumberOptions {
  /** KPI-card form for amounts ≥ 1 million: "1,2 mnkr", "1,2 mio. kr.", "SEK 1.2m". */
  compact?: boolean;
}

/**
 * Whole currency units by default: `formatMoney(1234567, 'SEK', 'sv')` → `"1 234 567 kr"`,
 * `('DKK', 'da')` → `"1.234.567 kr."`, `('SEK', 'en')` → `"SEK 1,234,567"`, `('EUR', 'sv')` → `"1 234 567 €"`.
 */
export function formatMoney(value: number | null | undefined, currency: Currency, locale: Locale, options: MoneyOptions = {}): string {
  if (!isPresent(value)) return MISSING;
  if (options.compact && Math.abs(value) >= 999_500) return formatCompactMoney(value, currency, locale, options);
  const digits = options.digits ?? 0;
  return numberFormat(INTL_LOCALE[locale], {
    style: 'currency',
    currency,
    currencyDisplay: currencySign(currency, locale) === currency ? 'code' : 'symbol',
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
    signDisplay: options.signed ? 'exceptZero' : 'auto',
  }).format(value);
}

/** Millions and billions with at most one decimal; the unit words are those used in Nordic reports. */
function formatCompactMoney(value: number, currency: Currency, locale: Locale, options: MoneyOptions): string {
  const billions = Math.abs(value) >= 999_500_000;
  const scaled = value / (billions ? 1e9 : 1e6);
  const amount = numberFormat(INTL_LOCALE[locale], {
    maximumFractionDigits: Math.abs(scaled) >= 100 ? 0 : 1,
    signDisplay: options.signed ? 'exceptZero' : 'auto',
  }).format(scaled);
  const nbsp = '\u00a0';
  if (locale === 'sv') {
    if (currency === 'SEK') return `${amount}${nbsp}${billions ? 'mdkr' : 'mnkr'}`;
    return `${amount}${nbsp}${billions ? 'md' : 'mn'}${nbsp}${currencySign(currency, locale)}`;
  }
  if (locale === 'da') {
    const unit = currencySign(currency, locale);
    return `${amount}${nbsp}${billions ? 'mia.' : 'mio.'}${nbsp}${unit}`;
  }
  // en-GB puts the currency first and the sign before it: "-SEK 1.2m", "€1.2bn".
  const sign = amount.startsWith('-') || amount.startsWith('+') ? amount[0] : '';
  const digits = sign ? amount.slice(1) : amount;
  const symbol = currencySign(currency, locale);
  const prefix = symbol === currency ? `${currency}${nbsp}` : symbol;
  return `${sign}${prefix}${digits}${billions ? 'bn' : 'm'}`;
}

/** Axis ticks: `formatCompactNumber(1_200_000, 'sv')` → `"1,2 mn"`, `'da'` → `"1,2 mio."`, `'en'` → `"1.2m"`. */
export function formatCompactNumber(value: number | null | undefined, locale: Locale): string {
  if (!isPresent(value)) return MISSING;
  return numberFormat(INTL_LOCALE[locale], { notation: 'compact', maximumFractionDigits: 1 }).format(value);
}
