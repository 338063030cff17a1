/**
 * Falling weighted pipeline: how many weeks in a row the weighted pipeline has gone down, read
 * from the week-by-week trend of earlier builds (the last snapshot of each ISO week).
 *
 * @summary
 * - Streak = number of consecutive week-on-week decreases ending at the latest week
 *   (`weighted` strictly lower than the week before). Equal or higher ends the streak.
 * - `from` / `to` = the weighted pipeline at the start and the end of the streak.
 * - Fewer than two weeks of history: streak 0 (nothing to compare, not "stable").
 *
 * @example
 * fallingStreak([{ week: '2026-W44', weighted: 30 }, { week: '2026-W45', weighted: 33 },
 *   { week: '2026-W46', weighted: 28 }, { week: '2026-W47', weighted: 25 }, { week: '2026-W48', weighted: 19 }])
 * //=> { weeks: 3, from: 33, to: 19, fromWeek: '2026-W45', toWeek: '2026-W48' }
 */
export interface TrendWeek {
  week: string;
  weighted: number;
}

export interface FallingStreak {
  weeks: number;
  from: number | null;
  to: number | null;
  fromWeek: string | null;
  toWeek: string | null;
}

export function fallingStreak(points: readonly TrendWeek[]): FallingStreak {
  let weeks = 0;
  for (let i = points.length - 1; i > 0; i--) {
    if (points[i]!.weighted < points[i - 1]!.weighted) weeks++;
    else break;
  }
  if (weeks === 0) return { weeks: 0, from: null, to: null, fromWeek: null, toWeek: null };
  const first = points[points.length - 1 - weeks]!;
  const last = points[points.length - 1]!;
  return { weeks, from: first.weighted, to: last.weighted, fromWeek: first.week, toWeek: last.week };
}
