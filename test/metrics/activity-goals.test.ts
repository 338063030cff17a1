import { describe, expect, it } from 'vitest';
import { activityGoals, activityGoalsByPerson, sellerActivityGoals, weeklyGoals, weekOfGoals } from '../../src/metrics/activity-goals.ts';
import { activity, context, deepFreeze, factsOf, target } from './fixtures.ts';

const ctx = context('2026-11-20');
const weekly = { cadence: 'weekly', scope: 'seller' } as const;
const targets = [
  target({ ...weekly, scopeId: 'u1', period: 'FY2026', measure: 'activity:call', value: 10 }),
  target({ ...weekly, scopeId: 'u1', period: 'FY2026', measure: 'activity:meeting_held', value: 3 }),
  target({ ...weekly, scopeId: 'u2', period: 'FY2026', measure: 'activity:call', value: 5 }),
  target({ ...weekly, scopeId: 'u1', period: 'FY2027', measure: 'activity:call', value: 12 }),
  target({ ...weekly, scopeId: 'u3', period: 'FY2026', measure: 'activity:call', value: 100 }), // not in the list
  target({ cadence: 'weekly', scope: 'team', scopeId: 't1', period: 'FY2026', measure: 'activity:call', value: 50 }),
  target({ scopeId: 'u1', period: 'FY2026', measure: 'activity:call', value: 500 }), // a total, not a weekly goal
];
const activities = [
  activity({ ownerId: 'u1', type: 'call', date: '2025-12-29' }), // Monday of 2026-W01
  activity({ ownerId: 'u1', type: 'call', date: '2026-01-04' }), // Sunday of 2026-W01
  activity({ ownerId: 'u1', type: 'call', date: '2025-12-28' }), // 2025-W52
  activity({ ownerId: 'u1', type: 'meeting_held', date: '2026-11-16' }), // 2026-W47
  activity({ ownerId: 'u1', type: 'call', date: '2026-11-20' }), // 2026-W47
  activity({ ownerId: 'u1', type: 'call', date: '2027-01-03' }), // Sunday of 2026-W53
  activity({ ownerId: 'u1', type: 'email', date: '2026-11-17' }), // no email goal: no row
  activity({ ownerId: 'u2', type: 'call', date: '2026-12-28' }), // Monday of 2026-W53
  activity({ ownerId: 'u2', type: 'call', date: '2027-01-04' }), // 2027-W01
  activity({ ownerId: 'u3', type: 'call', date: '2026-11-16' }), // not in the list
];
const counts = factsOf(activities, ctx).counts;
const none = factsOf([], ctx).counts;

describe('sellerActivityGoals', () => {
  it("counts a seller's activities per ISO week against the weekly goal of the week's fiscal year", () => {
    // W01 and W53 take the FY2026 goals (their Thursdays are 2026-01-01 and 2026-12-31); 2027-W01 the FY2027 one.
    expect(sellerActivityGoals(counts, targets, 'u1', ['2026-W01', '2026-W47', '2026-W53', '2027-W01'], ctx)).toEqual([
      { week: '2026-W01', type: 'call', actual: 2, goal: 10, share: 0.2, holders: 1, outside: 0 },
      { week: '2026-W01', type: 'meeting_held', actual: 0, goal: 3, share: 0, holders: 1, outside: 0 },
      { week: '2026-W47', type: 'call', actual: 1, goal: 10, share: 0.1, holders: 1, outside: 0 },
      { week: '2026-W47', type: 'meeting_held', actual: 1, goal: 3, share: 1 / 3, holders: 1, outside: 0 },
      { week: '2026-W53', type: 'call', actual: 1, goal: 10, share: 0.1, holders: 1, outside: 0 },
      { week: '2026-W53', type: 'meeting_held', actual: 0, goal: 3, share: 0, holders: 1, outside: 0 },
      { week: '2027-W01', type: 'call', actual: 0, goal: 12, share: 0, holders: 1, outside: 0 },
      { week: '2027-W01', type: 'meeting_held', actual: 0, goal: 0, share: null, holders: 0, outside: 0 },
    ]);
  });

  it('gives no rows without goals', () => {
    expect(sellerActivityGoals(none, [], 'u1', ['2026-W47'], ctx)).toEqual([]);
    expect(sellerActivityGoals(counts, targets, 'u1', [], ctx)).toEqual([]);
  });

  it("takes the goal of the fiscal year holding the week's Thursday (July start)", () => {
    const july = context('2026-07-02', { fiscalYearStartMonth: 7 });
    const goals = [
      target({ ...weekly, period: 'FY2025', measure: 'activity:call', value: 8 }), // 2025-07-01 … 2026-06-30
      target({ ...weekly, period: 'FY2026', measure: 'activity:call', value: 9 }),
    ];
    // 2026-W26 = Jun 22–28 (FY2025); 2026-W27 = Jun 29 – Jul 5, Thursday Jul 2 (FY2026)
    expect(sellerActivityGoals(none, goals, 'u1', ['2026-W26', '2026-W27'], july).map((row) => row.goal)).toEqual([8, 9]);
  });
});

describe('activityGoals rollup', () => {
  it('sums the actuals and the goals of the people who hold the goal', () => {
    // W47 call: u1 1 + u2 0 vs 10 + 5; W53 call: u1 1 + u2 1 vs 15; meetings only u1's goal of 3
    expect(activityGoals(counts, targets, ['u1', 'u2'], ['2026-W47', '2026-W53'], ctx)).toEqual([
      { week: '2026-W47', type: 'call', actual: 1, goal: 15, share: 1 / 15, holders: 2, outside: 0 },
      { week: '2026-W47', type: 'meeting_held', actual: 1, goal: 3, share: 1 / 3, holders: 1, outside: 0 },
      { week: '2026-W53', type: 'call', actual: 2, goal: 15, share: 2 / 15, holders: 2, outside: 0 },
      { week: '2026-W53', type: 'meeting_held', actual: 0, goal: 3, share: 0, holders: 1, outside: 0 },
    ]);
  });

  it('leaves the activities of people without the goal out of the share, and says how many', () => {
    // W47 meetings held: u1 holds a goal of 3 and held 1; u2 has no meeting goal and held 4, u3
    // (in the list this time, call goal only) held 2. Like with like: 1 of 3 = 33 %, not
    // (1 + 4 + 2) ÷ 3 = 233 %; outside = 4 + 2 = 6. Calls: u1 1 + u3 1 vs 10 + 5 + 100.
    const more = [
      ...activities,
      ...['2026-11-16', '2026-11-17', '2026-11-18', '2026-11-19'].map((date) => activity({ ownerId: 'u2', type: 'meeting_held', date })),
      activity({ ownerId: 'u3', type: 'meeting_held', date: '2026-11-16' }),
      activity({ ownerId: 'u3', type: 'meeting_held', date: '2026-11-17' }),
    ];
    const rows = activityGoals(factsOf(more, ctx).counts, targets, ['u1', 'u2', 'u3'], ['2026-W47'], ctx);
    expect(rows).toEqual([
      { week: '2026-W47', type: 'call', actual: 2, goal: 115, share: 2 / 115, holders: 3, outside: 0 },
      { week: '2026-W47', type: 'meeting_held', actual: 1, goal: 3, share: 1 / 3, holders: 1, outside: 6 },
    ]);
  });
});

describe('activityGoalsByPerson', () => {
  it("gives each goal holder's activities against their goal, adding up to the rollup", () => {
    // Weeks W47 + W53. u1 calls 1 + 1 vs 10 + 10; u1 meetings 1 + 0 vs 3 + 3; u2 calls 0 + 1 vs 5 + 5.
    // Σ calls 2 + 1 = 3 = rollup 1 + 2; Σ call goals 20 + 10 = 30 = 15 + 15.
    expect(activityGoalsByPerson(counts, targets, ['u1', 'u2'], ['2026-W47', '2026-W53'], ctx)).toEqual([
      { personId: 'u1', type: 'call', actual: 2, goal: 20, share: 0.1 },
      { personId: 'u1', type: 'meeting_held', actual: 1, goal: 6, share: 1 / 6 },
      { personId: 'u2', type: 'call', actual: 1, goal: 10, share: 0.1 },
    ]);
  });

  it('does not mutate its input', () => {
    const input = { targets: structuredClone(targets) };
    deepFreeze(input);
    const before = structuredClone(counts);
    activityGoals(counts, input.targets, ['u1', 'u2'], ['2026-W47'], ctx);
    expect(input).toEqual({ targets });
    expect(counts).toEqual(before);
  });
});

describe('weekOfGoals', () => {
  const table = weeklyGoals(counts, targets, ['u1', 'u2'], ['2026-W01', '2026-W47', '2026-W53'], ctx);

  it('gives one week of a table read once: its rows and its people, as for that week alone', () => {
    // 2026-W47 (FY2026 goals): u1 calls 1 of 10, meetings 1 of 3; u2 calls 0 of 5.
    // Calls: actual 1 + 0 = 1, goal 10 + 5 = 15, two holders; meetings: 1 of 3, one holder (u2 has no goal, no meetings).
    expect(weekOfGoals(table, '2026-W47')).toEqual({
      goals: [
        { week: '2026-W47', type: 'call', actual: 1, goal: 15, share: 1 / 15, holders: 2, outside: 0 },
        { week: '2026-W47', type: 'meeting_held', actual: 1, goal: 3, share: 1 / 3, holders: 1, outside: 0 },
      ],
      byPerson: [
        { personId: 'u1', type: 'call', actual: 1, goal: 10, share: 0.1 },
        { personId: 'u1', type: 'meeting_held', actual: 1, goal: 3, share: 1 / 3 },
        { personId: 'u2', type: 'call', actual: 0, goal: 5, share: 0 },
      ],
    });
    // 2026-W53 (Dec 28 – Jan 3, FY2026): u1's call on Sunday Jan 3 and u2's on Monday Dec 28: 2 of 15.
    expect(weekOfGoals(table, '2026-W53').goals[0]).toEqual({ week: '2026-W53', type: 'call', actual: 2, goal: 15, share: 2 / 15, holders: 2, outside: 0 });
  });

  it('agrees with activityGoals and activityGoalsByPerson of the one week', () => {
    for (const week of ['2026-W01', '2026-W47', '2026-W53']) {
      expect(weekOfGoals(table, week)).toEqual({
        goals: activityGoals(counts, targets, ['u1', 'u2'], [week], ctx),
        byPerson: activityGoalsByPerson(counts, targets, ['u1', 'u2'], [week], ctx),
      });
    }
  });

  it('refuses a week the table was not read for', () => {
    expect(() => weekOfGoals(table, '2026-W48')).toThrow(/2026-W48/);
  });
});
