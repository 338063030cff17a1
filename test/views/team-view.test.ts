import { describe, expect, it } from 'vitest';
import { lastWeekActivityShare } from '../../src/views/team-view.ts';

describe('lastWeekActivityShare', () => {
  it('sums the latest week with goals over its activity types', () => {
    // W47: calls 6 of 10, meetings 1 of 2 → 7 of 12 = 58.3 %; email has no goal and is left out.
    const rows = [
      { week: '2026-W46', type: 'call' as const, actual: 10, goal: 10, share: 1, holders: 1, outside: 0 },
      { week: '2026-W47', type: 'call' as const, actual: 6, goal: 10, share: 0.6, holders: 1, outside: 0 },
      { week: '2026-W47', type: 'meeting_held' as const, actual: 1, goal: 2, share: 0.5, holders: 1, outside: 0 },
      { week: '2026-W47', type: 'email' as const, actual: 9, goal: 0, share: null, holders: 0, outside: 0 },
    ];
    expect(lastWeekActivityShare(rows)).toEqual({ week: '2026-W47', actual: 7, goal: 12, share: 7 / 12 });
  });

  it('is null without goals', () => {
    expect(lastWeekActivityShare([])).toBeNull();
  });
});
