import { describe, expect, it } from 'vitest';
import { pruneSnapshots } from '../../src/nightly/prune.ts';
import { addDays } from '../../src/periods/calendar.ts';

describe('pruning the history', () => {
  it('keeps the dailies of six weeks, the last of each week for three years, the last of each month for good', () => {
    // As of Mon 2026-12-07; daily window: after 2026-10-26 (42 days back).
    // 2026-10-26 (Mon, W44) is not inside the window and not the last of W44 (2026-10-30 is): dropped.
    // 2026-10-30 (Fri W44): last of its week → kept. 2026-10-27 (Tue, 41 days back): inside → kept.
    // 2026-09-29 (Tue W40) and 2026-09-30 (Wed W40, last of W40 and of September): 09-29 dropped.
    // 2023-06-09 (Fri, last of 2023-W23, 3.5 years back): weekly window over → dropped unless last of
    // its month; 2023-06-30 is → kept, 2023-06-09 dropped.
    const dates = ['2023-06-09', '2023-06-30', '2026-09-29', '2026-09-30', '2026-10-26', '2026-10-27', '2026-10-30', '2026-12-06', '2026-12-07'];
    expect(pruneSnapshots(dates, '2026-12-07')).toEqual({
      keep: ['2023-06-30', '2026-09-30', '2026-10-27', '2026-10-30', '2026-12-06', '2026-12-07'],
      drop: ['2023-06-09', '2026-09-29', '2026-10-26'],
    });
  });

  it('keeps a year of nightly builds to about a year of weeks and months', () => {
    // 365 nights up to 2026-12-07: the last 42 days whole (42 snapshots: 10-27..12-07), before that one per
    // ISO week (and the month ends that fall mid-week). Counted separately: weeks of 2025-12-08..2026-10-26.
    const dates = Array.from({ length: 365 }, (_, i) => addDays('2026-12-07', -i));
    const { keep } = pruneSnapshots(dates, '2026-12-07');
    const daily = keep.filter((d) => d > '2026-10-26');
    expect(daily).toHaveLength(42);
    const older = keep.filter((d) => d <= '2026-10-26');
    // The 365 nights start on Mon 2025-12-08, so every ISO week before the window is whole and its last
    // snapshot is its Sunday: 2025-12-14 … 2026-10-25, (315 / 7) + 1 = 46 weeks. 2026-10-26 (Mon) belongs to
    // W44, whose last snapshot (2026-11-01) is inside the daily window: dropped.
    // Month ends before the window that are not Sundays: 2025-12-31 Wed, 2026-01-31 Sat, 02-28 Sat,
    // 03-31 Tue, 04-30 Thu, 06-30 Tue, 07-31 Fri, 08-31 Mon, 09-30 Wed (05-31 is a Sunday): 9.
    expect(older.filter((d) => new Date(`${d}T00:00:00Z`).getUTCDay() === 0)).toHaveLength(46);
    expect(older.length).toBe(46 + 9);
  });

  it('never drops a snapshot dated after the as-of date', () => {
    expect(pruneSnapshots(['2026-01-05', '2026-12-01'], '2026-06-01').keep).toEqual(['2026-01-05', '2026-12-01']);
  });
});
