import { describe, expect, it } from 'vitest';
import {
  addDays,
  addMonths,
  dayNumber,
  daysBetween,
  fromDayNumber,
  isoDayOfWeek,
  monthsBetween,
  rangeDays,
} from '../../src/periods/calendar.ts';

describe('calendar', () => {
  it('maps dates to day numbers and back', () => {
    expect(dayNumber('1970-01-01')).toBe(0);
    expect(dayNumber('1970-01-31')).toBe(30);
    expect(fromDayNumber(365)).toBe('1971-01-01');
  });

  it('adds days across month, year and leap-day edges', () => {
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29'); // 2024 is a leap year
    expect(addDays('2026-02-28', 1)).toBe('2026-03-01');
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
  });

  it('is not moved by daylight-saving changes (2026-03-29 and 2026-10-25 in Sweden)', () => {
    expect(daysBetween('2026-03-28', '2026-03-30')).toBe(2);
    expect(daysBetween('2026-10-24', '2026-10-26')).toBe(2);
  });

  it('knows the ISO weekday', () => {
    expect(isoDayOfWeek('2026-11-23')).toBe(1); // a Monday
    expect(isoDayOfWeek('2026-01-01')).toBe(4); // a Thursday
    expect(isoDayOfWeek('2026-11-22')).toBe(7); // a Sunday
  });

  it('adds months clamping to the month end', () => {
    expect(addMonths('2026-01-31', 1)).toBe('2026-02-28');
    expect(addMonths('2024-01-31', 1)).toBe('2024-02-29');
    expect(addMonths('2026-11-15', -12)).toBe('2025-11-15');
    expect(addMonths('2026-11-15', 3)).toBe('2027-02-15');
  });

  it('counts whole months only once the day is reached', () => {
    expect(monthsBetween('2025-11-20', '2026-11-19')).toBe(11);
    expect(monthsBetween('2025-11-20', '2026-11-20')).toBe(12);
  });

  it('counts inclusive range days', () => {
    expect(rangeDays({ start: '2026-01-01', end: '2026-12-31' })).toBe(365);
  });
});
