import { describe, expect, it } from 'vitest';
import { fallingStreak } from '../../src/metrics/pipeline-trend.ts';

describe('fallingStreak', () => {
  it('counts the week-on-week decreases that end at the latest week', () => {
    // 30 → 33 up; 33 → 28 → 25 → 19: three decreases in a row, from 33 (W45) to 19 (W48).
    const points = [
      { week: '2026-W44', weighted: 30 },
      { week: '2026-W45', weighted: 33 },
      { week: '2026-W46', weighted: 28 },
      { week: '2026-W47', weighted: 25 },
      { week: '2026-W48', weighted: 19 },
    ];
    expect(fallingStreak(points)).toEqual({ weeks: 3, from: 33, to: 19, fromWeek: '2026-W45', toWeek: '2026-W48' });
  });

  it('ends the streak at an unchanged week and needs two weeks to compare', () => {
    expect(
      fallingStreak([
        { week: 'a', weighted: 5 },
        { week: 'b', weighted: 4 },
        { week: 'c', weighted: 4 },
      ]).weeks,
    ).toBe(0);
    expect(fallingStreak([{ week: 'a', weighted: 5 }]).weeks).toBe(0);
    expect(fallingStreak([]).weeks).toBe(0);
  });
});
