import { describe, expect, it } from 'vitest';
import {
  addDays,
  addMonths,
  dayNumber,
  daysBetween,
  daysFromCivil,
  fromDayNumber,
  isoDateOf,
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

  it('counts leap days: 2000 is a leap year (÷ 400), 1900 and 2100 are not (÷ 100)', () => {
    // 1970 → 2000: 30 years of 365 days and 7 leap days (1972 … 1996).
    expect(dayNumber('2000-01-01')).toBe(30 * 365 + 7);
    expect(dayNumber('2000-03-01') - dayNumber('2000-02-28')).toBe(2);
    expect(dayNumber('1900-03-01') - dayNumber('1900-02-28')).toBe(1);
    expect(dayNumber('2100-03-01') - dayNumber('2100-02-28')).toBe(1);
    expect(dayNumber('2024-03-01') - dayNumber('2024-02-28')).toBe(2);
    // 1969-12-31 is the day before day 0; 1960-01-01 is 10 years back, with 3 leap days (1960, 1964, 1968).
    expect(dayNumber('1969-12-31')).toBe(-1);
    expect(dayNumber('1960-01-01')).toBe(-(10 * 365 + 3));
  });

  it('gives what Date.UTC gives: every day of 1890–2110, every 97th day of 1000–9999, other texts', () => {
    const utc = (date: string) => Math.floor(Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10))) / 86_400_000);
    const differing: string[] = [];
    const check = (day: number) => {
      const date = fromDayNumber(day); // through Date: independent of dayNumber
      if (dayNumber(date) !== day || dayNumber(date) !== utc(date)) differing.push(date);
    };
    for (let day = utc('1890-01-01'); day <= utc('2110-12-31'); day++) check(day);
    for (let day = utc('1000-01-01'); day <= utc('9999-12-31'); day += 97) check(day);
    expect(differing).toEqual([]);
    // Not a date's usual form: read as Date.UTC reads it (years 0–99 are 1900–1999 there).
    for (const text of ['0050-06-01', '2026-1-05', '2026/01/05', '2026-02-30', '2026-13-01', 'x026-01-01']) {
      expect(dayNumber(text)).toEqual(utc(text));
    }
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

describe('isoDateOf', () => {
  it('is fromDayNumber, one shared string per day from 1900 to 2199', () => {
    expect(isoDateOf(20780)).toBe('2026-11-23');
    expect(isoDateOf(-25567)).toBe('1900-01-01');
    expect(isoDateOf(-25568)).toBe('1899-12-31'); // before the kept days: made each time
    // 300 years hold 300 · 365 days and 73 leap days (1904 to 2196 but 2100): 109 573 days.
    expect(isoDateOf(84005)).toBe('2199-12-31'); // the last kept day
    expect(isoDateOf(84006)).toBe('2200-01-01');
    for (const day of [-30000, -1, 0, 19782, 84005, 90000]) expect(isoDateOf(day)).toBe(fromDayNumber(day));
  });
});

describe('daysFromCivil', () => {
  it('counts days from 1970-01-01 by year, month and day', () => {
    expect(daysFromCivil(1970, 1, 1)).toBe(0);
    // 30 years with 7 leap days to 2000-01-01 (10 957), then 31 days of January and 29 of February.
    expect(daysFromCivil(2000, 3, 1)).toBe(11017);
    expect(daysFromCivil(2026, 11, 23)).toBe(20780);
    expect(daysFromCivil(1969, 12, 31)).toBe(-1);
  });
});
