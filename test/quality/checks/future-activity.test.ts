import { describe, expect, it } from 'vitest';
import { futureActivity } from '../../../src/quality/checks/future-activity.ts';
import { activity, brief, EMPTY, input } from '../helpers.ts';

// as-of 2026-11-20
// 2 call 11-20 fine (today) · 3 call 11-21 flag · 4 meeting_booked 12-01 fine · 5 task 12-01 fine
// 6 meeting_held 12-01 flag · 7 email 11-19 fine · 8 note 2027-01-01 flag
const fixture = input({
  activities: [
    activity(2, { date: '2026-11-20' }),
    activity(3, { date: '2026-11-21' }),
    activity(4, { type: 'meeting_booked', date: '2026-12-01' }),
    activity(5, { type: 'task', date: '2026-12-01' }),
    activity(6, { type: 'meeting_held', date: '2026-12-01', ownerId: 'u2' }),
    activity(7, { type: 'email', date: '2026-11-19' }),
    activity(8, { type: 'note', date: '2027-01-01' }),
  ],
});

describe('futureActivity', () => {
  it('flags done-type activities dated after as-of', () => {
    const issues = futureActivity(fixture);
    expect(brief(issues)).toEqual(['FutureActivity activities.csv:3 date', 'FutureActivity activities.csv:6 date', 'FutureActivity activities.csv:8 date']);
    expect(issues[1]).toMatchObject({
      message: 'meeting_held dated 2026-12-01, after 2026-11-20',
      recordId: 'X6',
      ownerId: 'u2',
    });
  });

  it('gives nothing for empty input', () => {
    expect(futureActivity(EMPTY)).toEqual([]);
  });
});
