/**
 * Ratios as percentages: 0.875 → "88 %" (sv, da; U+00A0 before %) or "88%" (en). Changes between
 * two percentages are percentage points: "+5 p.e." / "+5 pct.-point" / "+5 pp".
 */
import { numberFormat } from './intl.ts';
import { INTL_LOCALE, type Locale } from '../i18n/locales.ts';
import { isPresent, MISSING, type NumberOptions } from './number.ts';

/** `formatPercent(0.875, 'sv')` → `"88 %"`; `null` (no denominator) → `"–"`. */
export function formatPercent(ratio: number | null | undefined, locale: Locale, options: NumberOptions = {}): string {
  if (!isPresent(ratio)) return MISSING;
  const digits = options.digits ?? 0;
  return numberFormat(INTL_LOCALE[locale], {
    style: 'percent',
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
    signDisplay: options.signed ? 'exceptZero' : 'auto',
  }).format(ratio);
}

const POINTS: Record<Locale, string> = { sv: 'p.e.', da: 'pct.-point', en: 'pp' };

/** A difference of two ratios, always signed: `formatPercentPoints(0.05, 'sv')` → `"+5 p.e."`. */
export function formatPercentPoints(difference: number | null | undefined, locale: Locale, options: NumberOptions = {}): string {
  if (!isPresent(difference)) return MISSING;
  const digits = options.digits ?? 0;
  const amount = numberFormat(INTL_LOCALE[locale], {
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
    signDisplay: 'exceptZero',
  }).format(difference * 100);
  return `${amount}\u00a0${POINTS[locale]}`;
}
