/**
 * One unit for a whole value axis, chosen from its largest value: ticks "0 0,5 1 1,5" under the
 * label "mnkr" read better than a mix of "500 tn" and "1 mn".
 */
import { INTL_LOCALE, type Locale } from '../i18n/locales.ts';
import type { Currency } from '../format/number.ts';

export interface AxisUnit {
  divisor: number;
  /** Axis label, or null when the ticks speak for themselves. */
  label: string | null;
  tickFormat: (value: number) => string;
}

type Scale = 'one' | 'thousand' | 'million' | 'billion';

const MONEY: Record<Locale, (scale: Scale, currency: Currency) => string> = {
  sv: (scale, c) =>
    c === 'SEK'
      ? { one: 'kr', thousand: 'tkr', million: 'mnkr', billion: 'mdkr' }[scale]
      : `${{ one: '', thousand: 'tusen ', million: 'mn ', billion: 'md ' }[scale]}${c}`,
  da: (scale, c) => `${{ one: '', thousand: 't. ', million: 'mio. ', billion: 'mia. ' }[scale]}${c === 'DKK' ? 'kr.' : c}`,
  en: (scale, c) => `${c}${{ one: '', thousand: ' thousands', million: ' millions', billion: ' billions' }[scale]}`,
};

const PLAIN: Record<Locale, Record<Scale, string | null>> = {
  sv: { one: null, thousand: null, million: 'miljoner', billion: 'miljarder' },
  da: { one: null, thousand: null, million: 'millioner', billion: 'milliarder' },
  en: { one: null, thousand: null, million: 'millions', billion: 'billions' },
};

const DIVISOR: Record<Scale, number> = { one: 1, thousand: 1e3, million: 1e6, billion: 1e9 };

export function axisUnit(max: number, locale: Locale, currency?: Currency): AxisUnit {
  const m = Math.abs(max);
  // Thousands only for money ("tkr"); plain counts up to a million fit as "20 000".
  const scale: Scale = m >= 1e9 ? 'billion' : m >= 1e6 ? 'million' : currency && m >= 1e4 ? 'thousand' : 'one';
  const divisor = DIVISOR[scale];
  const number = new Intl.NumberFormat(INTL_LOCALE[locale], { maximumFractionDigits: 2 });
  return {
    divisor,
    label: currency ? MONEY[locale](scale, currency) : PLAIN[locale][scale],
    tickFormat: (value: number) => number.format(value / divisor),
  };
}
