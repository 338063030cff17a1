import { describe, expect, it } from 'vitest';
import { dateFormat, numberFormat } from '../../src/format/intl.ts';

describe('reused Intl formatters', () => {
  it('gives the same formatter for equal language and options', () => {
    expect(numberFormat('sv-SE', { maximumFractionDigits: 1 })).toBe(numberFormat('sv-SE', { maximumFractionDigits: 1 }));
    expect(dateFormat('da-DK', { dateStyle: 'medium', timeZone: 'UTC' })).toBe(dateFormat('da-DK', { dateStyle: 'medium', timeZone: 'UTC' }));
  });

  it('keeps formatters apart when language or options differ', () => {
    // 1234.5 in sv-SE with one decimal is "1 234,5" (U+00A0 group separator), with none "1 235".
    expect(numberFormat('sv-SE', { maximumFractionDigits: 1 }).format(1234.5)).toBe('1\u00a0234,5');
    expect(numberFormat('sv-SE', { maximumFractionDigits: 0 }).format(1234.5)).toBe('1\u00a0235');
    expect(numberFormat('en-GB', { maximumFractionDigits: 1 }).format(1234.5)).toBe('1,234.5');
    // 2026-11-23 at UTC midnight: en-GB short "23/11/2026", da-DK short "23.11.2026".
    const day = new Date(Date.UTC(2026, 10, 23));
    expect(dateFormat('en-GB', { dateStyle: 'short', timeZone: 'UTC' }).format(day)).toBe('23/11/2026');
    expect(dateFormat('da-DK', { dateStyle: 'short', timeZone: 'UTC' }).format(day)).toBe('23.11.2026');
  });
});
