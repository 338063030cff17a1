import { describe, expect, it } from 'vitest';
import { formatDate, formatDateRange, formatMonth, formatMonthShort } from '../../src/format/date.ts';

describe('formatDate', () => {
  it('writes long dates per locale', () => {
    expect(formatDate('2026-11-23', 'sv')).toBe('23 november 2026');
    expect(formatDate('2026-11-23', 'da')).toBe('23. november 2026');
    expect(formatDate('2026-11-23', 'en')).toBe('23 November 2026');
  });

  it('writes medium and numeric dates', () => {
    expect(formatDate('2026-11-23', 'sv', 'medium')).toBe('23 nov. 2026');
    expect(formatDate('2026-11-23', 'en', 'medium')).toBe('23 Nov 2026');
    expect(formatDate('2026-11-23', 'sv', 'numeric')).toBe('2026-11-23');
    expect(formatDate('2026-11-23', 'da', 'numeric')).toBe('23.11.2026');
    expect(formatDate('2026-11-23', 'en', 'numeric')).toBe('23/11/2026');
  });

  it('keeps the calendar date at the edges of the year (no time-zone shift)', () => {
    expect(formatDate('2026-01-01', 'sv', 'numeric')).toBe('2026-01-01');
    expect(formatDate('2026-12-31', 'da', 'numeric')).toBe('31.12.2026');
    expect(formatDate('2024-02-29', 'en')).toBe('29 February 2024');
  });

  it('throws on a malformed date', () => {
    expect(() => formatDate('23/11/2026', 'sv')).toThrow('expected a date as YYYY-MM-DD, got "23/11/2026"');
  });
});

describe('formatMonth', () => {
  it('writes month and year', () => {
    expect(formatMonth('2026-11', 'sv')).toBe('november 2026');
    expect(formatMonth('2026-11', 'da')).toBe('november 2026');
    expect(formatMonth('2026-11', 'en')).toBe('November 2026');
    expect(formatMonth('2027-01-31', 'sv')).toBe('januari 2027');
  });

  it('has a short form for axes', () => {
    expect(formatMonthShort('2026-05', 'sv')).toBe('maj');
    expect(formatMonthShort('2026-11', 'sv')).toBe('nov.');
    expect(formatMonthShort('2026-11', 'da')).toBe('nov.');
    expect(formatMonthShort('2026-11', 'en')).toBe('Nov');
    expect(formatMonthShort('2026-11', 'en', true)).toBe('Nov 2026');
  });

  it('throws on a malformed month', () => {
    expect(() => formatMonth('2026-13x', 'sv')).toThrow('expected a month as YYYY-MM, got "2026-13x"');
  });
});

describe('formatDateRange', () => {
  it('shares the month and year when it can', () => {
    expect(formatDateRange('2026-11-16', '2026-11-22', 'sv')).toBe('16–22 nov. 2026');
    expect(formatDateRange('2026-11-16', '2026-11-22', 'da')).toBe('16.–22. nov. 2026');
    expect(formatDateRange('2026-11-16', '2026-11-22', 'en')).toBe('16\u2009–\u200922 Nov 2026');
    expect(formatDateRange('2026-11-30', '2026-12-06', 'sv')).toBe('30 nov.–6 dec. 2026');
  });
});
