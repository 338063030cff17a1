import { describe, expect, it } from 'vitest';
import { addWeeks, isIsoWeek, isoWeekOf, isoWeekRange, isoWeeksBetween, isoWeeksInYear } from '../../src/periods/iso-week.ts';

describe('ISO weeks', () => {
  it('labels an ordinary week', () => {
    // 2026-01-01 is a Thursday, so week 1 starts Monday 2025-12-29; 2026-11-23 is
    // 329 days = 47 weeks later: week 48. The Friday before is in week 47.
    expect(isoWeekOf('2026-11-23')).toBe('2026-W48');
    expect(isoWeekOf('2026-11-20')).toBe('2026-W47');
  });

  it('puts late-December days in week 1 of the next year and early January in week 53', () => {
    expect(isoWeekOf('2025-12-29')).toBe('2026-W01'); // Monday of the week holding Thu 2026-01-01
    expect(isoWeekOf('2021-01-03')).toBe('2020-W53'); // Sunday; 2020 had 53 weeks
    expect(isoWeekOf('2021-01-04')).toBe('2021-W01');
  });

  it('knows 53-week years', () => {
    // A year has 53 weeks when it starts on a Thursday (or a leap year on a Wednesday).
    expect(isoWeeksInYear(2026)).toBe(53); // starts Thursday
    expect(isoWeeksInYear(2020)).toBe(53); // leap year starting Wednesday
    expect(isoWeeksInYear(2025)).toBe(52);
    expect(isoWeekOf('2026-12-31')).toBe('2026-W53');
    expect(isoWeekOf('2027-01-03')).toBe('2026-W53');
  });

  it('gives Monday to Sunday of a week', () => {
    expect(isoWeekRange('2026-W47')).toEqual({ start: '2026-11-16', end: '2026-11-22' });
    expect(isoWeekRange('2026-W01')).toEqual({ start: '2025-12-29', end: '2026-01-04' });
    expect(isoWeekRange('2026-W53')).toEqual({ start: '2026-12-28', end: '2027-01-03' });
  });

  it('validates labels', () => {
    expect(isIsoWeek('2026-W53')).toBe(true);
    expect(isIsoWeek('2025-W53')).toBe(false);
    expect(isIsoWeek('2026-W00')).toBe(false);
    expect(isIsoWeek('2026-47')).toBe(false);
  });

  it('steps weeks across the year end', () => {
    expect(addWeeks('2026-W52', 1)).toBe('2026-W53');
    expect(addWeeks('2026-W53', 1)).toBe('2027-W01');
    expect(addWeeks('2027-W01', -2)).toBe('2026-W52');
  });

  it('lists the weeks touching a range', () => {
    expect(isoWeeksBetween('2026-12-24', '2027-01-05')).toEqual(['2026-W52', '2026-W53', '2027-W01']);
    expect(isoWeeksBetween('2026-12-24', '2026-12-01')).toEqual([]);
  });
});
