import { describe, expect, it } from 'vitest';
import { activityGoals, sellerActivityGoals } from '../../src/metrics/activity-goals.ts';
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
    expect(
      sellerActivityGoals(counts, targets, 'u1', ['2026-W01', '2026-W47', '2026-W53', '2027-W01'], ctx),
    ).toEqual([
      { week: '2026-W01', type: 'call', actual: 2, goal: 10, share: 0.2 },
      { week: '2026-W01', type: 'meeting_held', actual: 0, goal: 3, share: 0 },
      { week: '2026-W47', type: 'call', actual: 1, goal: 10, share: 0.1 },
      { week: '2026-W47', type: 'meeting_held', actual: 1, goal: 3, share: 1 / 3 },
      { week: '2026-W53', type: 'call', actual: 1, goal: 10, share: 0.1 },
      { week: '2026-W53', type: 'meeting_held', actual: 0, goal: 3, share: 0 },
      { week: '2027-W01', type: 'call', actual: 0, goal: 12, share: 0 },
      { week: '2027-W01', type: 'meeting_held', actual: 0, goal: 0, share: null },
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
  it('sums the actuals and the goals of the people in it', () => {
    // W47 call: u1 1 + u2 0 vs 10 + 5; W53 call: u1 1 + u2 1 vs 15; meetings only u1's goal of 3
    expect(activityGoals(counts, targets, ['u1', 'u2'], ['2026-W47', '2026-W53'], ctx)).toEqual([
      { week: '2026-W47', type: 'call', actual: 1, goal: 15, share: 1 / 15 },
      { week: '2026-W47', type: 'meeting_held', actual: 1, goal: 3, share: 1 / 3 },
      { week: '2026-W53', type: 'call', actual: 2, goal: 15, share: 2 / 15 },
      { week: '2026-W53', type: 'meeting_held', actual: 0, goal: 3, share: 0 },
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
