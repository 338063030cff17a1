import { describe, expect, it } from 'vitest';
import {
  elapsedShare,
  fiscalQuarterOf,
  fiscalQuarterRange,
  fiscalYearOf,
  fiscalYearRange,
  monthRange,
  monthsBetween,
  periodRange,
  yearToDate,
} from '../../src/periods/fiscal.ts';

describe('fiscal periods', () => {
  it('uses the calendar year when the fiscal year starts in January', () => {
    expect(fiscalYearOf('2026-12-31', 1)).toBe(2026);
    expect(fiscalYearRange(2026, 1)).toEqual({ start: '2026-01-01', end: '2026-12-31' });
  });

  it('names a July fiscal year by the year it starts in', () => {
    expect(fiscalYearOf('2026-06-30', 7)).toBe(2025);
    expect(fiscalYearOf('2026-07-01', 7)).toBe(2026);
    expect(fiscalYearRange(2026, 7)).toEqual({ start: '2026-07-01', end: '2027-06-30' });
  });

  it('numbers fiscal quarters from the start month', () => {
    expect(fiscalQuarterOf('2026-09-30', 7)).toEqual({ fiscalYear: 2026, quarter: 1 });
    expect(fiscalQuarterOf('2026-10-01', 7)).toEqual({ fiscalYear: 2026, quarter: 2 });
    expect(fiscalQuarterOf('2027-06-30', 7)).toEqual({ fiscalYear: 2026, quarter: 4 });
    expect(fiscalQuarterOf('2026-03-31', 1)).toEqual({ fiscalYear: 2026, quarter: 1 });
    expect(fiscalQuarterRange(2026, 4, 7)).toEqual({ start: '2027-04-01', end: '2027-06-30' });
  });

  it('gives month ranges including February of a leap year', () => {
    expect(monthRange('2024-02')).toEqual({ start: '2024-02-01', end: '2024-02-29' });
    expect(monthsBetween({ start: '2026-11-20', end: '2027-01-02' })).toEqual(['2026-11', '2026-12', '2027-01']);
  });

  it('gives year-to-date from the fiscal year start', () => {
    expect(yearToDate('2026-11-20', 1)).toEqual({ start: '2026-01-01', end: '2026-11-20' });
    expect(yearToDate('2026-03-01', 7)).toEqual({ start: '2025-07-01', end: '2026-03-01' });
  });

  it('parses period labels', () => {
    expect(periodRange('FY2026', 1)).toEqual({ start: '2026-01-01', end: '2026-12-31' });
    expect(periodRange('FY2026-Q2', 7)).toEqual({ start: '2026-10-01', end: '2026-12-31' });
    expect(periodRange('2026-03', 1)).toEqual({ start: '2026-03-01', end: '2026-03-31' });
    expect(periodRange('2026-W47', 1)).toEqual({ start: '2026-11-16', end: '2026-11-22' });
    expect(periodRange('2026-13', 1)).toBeUndefined();
    expect(periodRange('Q1', 1)).toBeUndefined();
  });

  it('measures the elapsed share of a period', () => {
    // Jan 1 – Nov 20 is 304 + 20 = 324 of 365 days.
    expect(elapsedShare({ start: '2026-01-01', end: '2026-12-31' }, '2026-11-20')).toBeCloseTo(324 / 365, 12);
    expect(elapsedShare({ start: '2026-01-01', end: '2026-12-31' }, '2025-12-31')).toBe(0);
    expect(elapsedShare({ start: '2026-01-01', end: '2026-12-31' }, '2026-12-31')).toBe(1);
  });
});
