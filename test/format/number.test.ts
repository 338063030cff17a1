import { describe, expect, it } from 'vitest';
import { formatCompactNumber, formatMoney, formatNumber } from '../../src/format/number.ts';

// Intl writes sv-SE group separators as U+00A0 (NBSP) and minus as U+2212.
const NBSP = '\u00a0';
const MINUS = '\u2212';

describe('formatNumber', () => {
  it('groups digits per locale', () => {
    expect(formatNumber(1234567, 'sv')).toBe(`1${NBSP}234${NBSP}567`);
    expect(formatNumber(1234567, 'da')).toBe('1.234.567');
    expect(formatNumber(1234567, 'en')).toBe('1,234,567');
  });

  it('rounds to the requested digits', () => {
    expect(formatNumber(2.345, 'sv', { digits: 1 })).toBe('2,3');
    expect(formatNumber(2.5, 'da', { digits: 2 })).toBe('2,50');
    expect(formatNumber(1234.5, 'en')).toBe('1,235');
  });

  it('writes negatives with the locale minus and signs changes', () => {
    expect(formatNumber(-1234, 'sv')).toBe(`${MINUS}1${NBSP}234`);
    expect(formatNumber(-1234, 'da')).toBe('-1.234');
    expect(formatNumber(5, 'en', { signed: true })).toBe('+5');
    expect(formatNumber(0, 'sv', { signed: true })).toBe('0');
  });

  it('shows a missing value as an en dash', () => {
    expect(formatNumber(null, 'sv')).toBe('–');
    expect(formatNumber(Number.NaN, 'da')).toBe('–');
    expect(formatNumber(Number.POSITIVE_INFINITY, 'en')).toBe('–');
    expect(formatNumber(undefined, 'en')).toBe('–');
  });
});

describe('formatMoney', () => {
  it('writes the home currency with its symbol and others with the code', () => {
    expect(formatMoney(1234567, 'SEK', 'sv')).toBe(`1${NBSP}234${NBSP}567${NBSP}kr`);
    expect(formatMoney(1234567, 'DKK', 'da')).toBe(`1.234.567${NBSP}kr.`);
    expect(formatMoney(1234, 'DKK', 'sv')).toBe(`1${NBSP}234${NBSP}DKK`);
    expect(formatMoney(1234, 'NOK', 'da')).toBe(`1.234${NBSP}NOK`);
    expect(formatMoney(1234, 'EUR', 'sv')).toBe(`1${NBSP}234${NBSP}€`);
    expect(formatMoney(1234, 'EUR', 'en')).toBe('€1,234');
    expect(formatMoney(1234567, 'SEK', 'en')).toBe(`SEK${NBSP}1,234,567`);
  });

  it('writes any ISO 4217 currency as Intl does in the locale, a letters-only symbol as its code', () => {
    // Intl: sv-SE USD "US$", da-DK GBP "£", en-GB GBP "£", en-GB JPY "JP¥"; sv-SE GBP and CHF have no sign.
    expect(formatMoney(220000, 'USD', 'en')).toBe('US$220,000');
    expect(formatMoney(220000, 'USD', 'sv')).toBe(`220${NBSP}000${NBSP}US$`);
    expect(formatMoney(1234, 'GBP', 'da')).toBe(`1.234${NBSP}£`);
    expect(formatMoney(1234, 'GBP', 'sv')).toBe(`1${NBSP}234${NBSP}GBP`);
    expect(formatMoney(1234, 'CHF', 'en')).toBe(`CHF${NBSP}1,234`);
    expect(formatMoney(1234, 'JPY', 'en')).toBe('JP¥1,234');
    expect(formatMoney(1_234_567, 'USD', 'en', { compact: true })).toBe('US$1.2m');
    expect(formatMoney(1_234_567, 'USD', 'sv', { compact: true })).toBe(`1,2${NBSP}mn${NBSP}US$`);
  });

  it('rounds to whole units unless digits are asked for', () => {
    expect(formatMoney(99.5, 'SEK', 'sv')).toBe(`100${NBSP}kr`);
    expect(formatMoney(99.5, 'DKK', 'da', { digits: 2 })).toBe(`99,50${NBSP}kr.`);
  });

  it('writes negatives', () => {
    expect(formatMoney(-1500, 'SEK', 'sv')).toBe(`${MINUS}1${NBSP}500${NBSP}kr`);
    expect(formatMoney(-1500, 'SEK', 'en')).toBe(`-SEK${NBSP}1,500`);
  });

  it('has a compact KPI form from one million', () => {
    const c = { compact: true };
    expect(formatMoney(1_234_567, 'SEK', 'sv', c)).toBe(`1,2${NBSP}mnkr`);
    expect(formatMoney(1_234_567, 'DKK', 'da', c)).toBe(`1,2${NBSP}mio.${NBSP}kr.`);
    expect(formatMoney(1_234_567, 'SEK', 'en', c)).toBe(`SEK${NBSP}1.2m`);
    expect(formatMoney(1_234_567, 'EUR', 'en', c)).toBe('€1.2m');
    expect(formatMoney(1_234_567, 'EUR', 'sv', c)).toBe(`1,2${NBSP}mn${NBSP}€`);
    expect(formatMoney(1_234_567, 'NOK', 'da', c)).toBe(`1,2${NBSP}mio.${NBSP}NOK`);
    expect(formatMoney(1_000_000, 'SEK', 'sv', c)).toBe(`1${NBSP}mnkr`);
    expect(formatMoney(123_456_789, 'SEK', 'sv', c)).toBe(`123${NBSP}mnkr`);
    expect(formatMoney(2_345_000_000, 'SEK', 'sv', c)).toBe(`2,3${NBSP}mdkr`);
    expect(formatMoney(2_345_000_000, 'DKK', 'da', c)).toBe(`2,3${NBSP}mia.${NBSP}kr.`);
    expect(formatMoney(2_345_000_000, 'SEK', 'en', c)).toBe(`SEK${NBSP}2.3bn`);
  });

  it('keeps amounts under a million in full, and rounds across the unit edges', () => {
    const c = { compact: true };
    expect(formatMoney(850_000, 'SEK', 'sv', c)).toBe(`850${NBSP}000${NBSP}kr`);
    expect(formatMoney(999_499, 'DKK', 'da', c)).toBe(`999.499${NBSP}kr.`);
    expect(formatMoney(999_600, 'DKK', 'da', c)).toBe(`1${NBSP}mio.${NBSP}kr.`);
    expect(formatMoney(999_600_000, 'SEK', 'sv', c)).toBe(`1${NBSP}mdkr`);
  });

  it('signs compact negatives', () => {
    const c = { compact: true };
    expect(formatMoney(-1_500_000, 'SEK', 'sv', c)).toBe(`${MINUS}1,5${NBSP}mnkr`);
    expect(formatMoney(-1_500_000, 'SEK', 'en', c)).toBe(`-SEK${NBSP}1.5m`);
    expect(formatMoney(1_500_000, 'EUR', 'en', { compact: true, signed: true })).toBe('+€1.5m');
  });

  it('shows a missing value as an en dash', () => {
    expect(formatMoney(null, 'SEK', 'sv', { compact: true })).toBe('–');
  });
});

describe('formatCompactNumber', () => {
  it('abbreviates for axis ticks', () => {
    expect(formatCompactNumber(1_200_000, 'sv')).toBe(`1,2${NBSP}mn`);
    expect(formatCompactNumber(1_200_000, 'da')).toBe(`1,2${NBSP}mio.`);
    expect(formatCompactNumber(1_200_000, 'en')).toBe('1.2m');
    expect(formatCompactNumber(12_300, 'en')).toBe('12.3k');
    expect(formatCompactNumber(500, 'sv')).toBe('500');
  });
});
