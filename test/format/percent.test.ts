import { describe, expect, it } from 'vitest';
import { formatPercent, formatPercentPoints } from '../../src/format/percent.ts';

const NBSP = '\u00a0';
const MINUS = '\u2212';

describe('formatPercent', () => {
  it('writes ratios as percent per locale', () => {
    expect(formatPercent(0.875, 'sv')).toBe(`88${NBSP}%`);
    expect(formatPercent(0.875, 'da')).toBe(`88${NBSP}%`);
    expect(formatPercent(0.875, 'en')).toBe('88%');
    expect(formatPercent(1.234, 'sv', { digits: 1 })).toBe(`123,4${NBSP}%`);
  });

  it('signs changes and negatives', () => {
    expect(formatPercent(-0.05, 'sv')).toBe(`${MINUS}5${NBSP}%`);
    expect(formatPercent(0.05, 'da', { signed: true })).toBe(`+5${NBSP}%`);
  });

  it('shows a ratio without denominator as an en dash', () => {
    expect(formatPercent(null, 'sv')).toBe('–');
    expect(formatPercent(Number.NaN, 'en')).toBe('–');
  });
});

describe('formatPercentPoints', () => {
  it('writes a signed difference in percentage points', () => {
    expect(formatPercentPoints(0.05, 'sv')).toBe(`+5${NBSP}p.e.`);
    expect(formatPercentPoints(-0.125, 'da', { digits: 1 })).toBe(`-12,5${NBSP}pct.-point`);
    expect(formatPercentPoints(0, 'en')).toBe(`0${NBSP}pp`);
    expect(formatPercentPoints(null, 'en')).toBe('–');
  });
});
