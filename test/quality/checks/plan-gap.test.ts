import { describe, expect, it } from 'vitest';
import { planGaps } from '../../../src/quality/checks/plan-gap.ts';
import { brief, EMPTY, input, target, user } from '../helpers.ts';

// The comparison is the plan-check metric's (src/metrics/plan-check.ts), one issue per failing row.
// Tolerance 0 here (the tolerance has its own test below). users: u1, u2 in north; u3 in south.
// FY2026 volume:new — company 1000; teams north 600 + south 300 = 900 → company gap 100 (line 2)
//   all sellers 250 + 300 + 300 = 850 → company gap 150 (line 2, second issue)
//   north sellers u1 250 + u2 300 = 550 < 600 → gap 50 (line 3); south seller u3 300 = 300 → fine
// FY2026 volume:total — company 500, no team rows; sellers u1 200 + u3 200 + u2's channel targets
//   (no total row: volume:new 300) = 700 ≥ 500 → fine
// 2026-03 volume:new — team north 100, no seller month targets for March → sum 0, gap 100 (line 11)
// weekly cadence rows — never compared
// FY2026 revenue — company 1000.50; north 1000.25 + 0.25 (two rows, summed) = 1000.50 → fine vs
//   teams; but no seller has a revenue target: north's sellers sum to 0 (line 15, its first row)
//   and all sellers to 0 vs the company (line 14) — a target never broken down is a gap
// FY2026 activity:meeting_held — south 40; u3 10, u9 (not in users) 50 → south sum 10 → gap 30
const fixture = input(
  {
    users: [user(2), user(3), user(4, { teamId: 'south' })],
    targets: [
      target(2, { value: 1000 }),
      target(3, { scope: 'team', scopeId: 'north', value: 600 }),
      target(4, { scope: 'team', scopeId: 'south', value: 300 }),
      target(5, { scope: 'seller', scopeId: 'u1', value: 250 }),
      target(6, { scope: 'seller', scopeId: 'u2', value: 300 }),
      target(7, { scope: 'seller', scopeId: 'u3', value: 300 }),
      target(8, { measure: 'volume:total', value: 500 }),
      target(9, { measure: 'volume:total', scope: 'seller', scopeId: 'u1', value: 200 }),
      target(10, { measure: 'volume:total', scope: 'seller', scopeId: 'u3', value: 200 }),
      target(11, { period: '2026-03', scope: 'team', scopeId: 'north', value: 100 }),
      target(12, { cadence: 'weekly', measure: 'activity:call', value: 10 }),
      target(13, { cadence: 'weekly', measure: 'activity:call', scope: 'seller', scopeId: 'u1', value: 5 }),
      target(14, { measure: 'revenue', value: 1000.5 }),
      target(15, { measure: 'revenue', scope: 'team', scopeId: 'north', value: 1000.25 }),
      target(16, { measure: 'revenue', scope: 'team', scopeId: 'north', value: 0.25 }),
      target(17, { measure: 'activity:meeting_held', scope: 'team', scopeId: 'south', value: 40 }),
      target(18, { measure: 'activity:meeting_held', scope: 'seller', scopeId: 'u3', value: 10 }),
      target(19, { measure: 'activity:meeting_held', scope: 'seller', scopeId: 'u9', value: 50 }),
    ],
  },
  { settings: { planGapTolerance: { amount: 0, share: 0 } } },
);

describe('planGaps', () => {
  it('flags wholes whose parts sum to less, at the whole’s row', () => {
    const issues = planGaps(fixture);
    // Order: sellers-vs-team (team, then period, then measure), teams-vs-company, sellers-vs-company.
    expect(brief(issues)).toEqual([
      'PlanGap targets.csv:11 value',
      'PlanGap targets.csv:15 value',
      'PlanGap targets.csv:3 value',
      'PlanGap targets.csv:17 value',
      'PlanGap targets.csv:2 value',
      'PlanGap targets.csv:14 value',
      'PlanGap targets.csv:2 value',
    ]);
    expect(issues.map((issue) => issue.message)).toEqual(
      expect.arrayContaining([
        'FY2026 volume:new: team "north" target 600, seller targets sum to 550 (gap 50)',
        'FY2026 activity:meeting_held: team "south" target 40, seller targets sum to 10 (gap 30)',
        'FY2026 volume:new: company target 1,000, team targets sum to 900 (gap 100)',
        'FY2026 volume:new: company target 1,000, seller targets sum to 850 (gap 150)',
        '2026-03 volume:new: team "north" target 100, seller targets sum to 0 (gap 100)',
      ]),
    );
    expect(issues.every((issue) => issue.ownerId === undefined)).toBe(true);
  });

  it('sums money in cents: 0.1 + 0.2 covers 0.3', () => {
    const cents = input({
      targets: [
        target(2, { value: 0.3 }),
        target(3, { scope: 'seller', scopeId: 'u1', value: 0.1 }),
        target(4, { scope: 'seller', scopeId: 'u2', value: 0.2 }),
      ],
    });
    expect(planGaps(cents)).toEqual([]);
  });

  it('leaves rounding gaps within the tolerance alone (default: 10 000 for money, 0.5 % of the whole)', () => {
    // north volume:new 1 000 000: sellers 600 000 + 391 000 = 991 000 → gap 9 000 ≤ max(10 000, 5 000): fine
    // south volume:new 1 000 000: seller 989 000 → gap 11 000 > 10 000: flagged
    // north volume:upsell 10 000 000: sellers 9 960 000 → gap 40 000 ≤ 0.5 % × 10 000 000 = 50 000: fine
    // south activity:call 40 (a count: no amount tolerance): seller 39 → gap 1 > 0.005 × 40 = 0.2: flagged
    const rounding = input({
      users: [user(2), user(3), user(4, { teamId: 'south' })],
      targets: [
        target(2, { scope: 'team', scopeId: 'north', value: 1_000_000 }),
        target(3, { scope: 'seller', scopeId: 'u1', value: 600_000 }),
        target(4, { scope: 'seller', scopeId: 'u2', value: 391_000 }),
        target(5, { scope: 'team', scopeId: 'south', value: 1_000_000 }),
        target(6, { scope: 'seller', scopeId: 'u3', value: 989_000 }),
        target(7, { measure: 'volume:upsell', scope: 'team', scopeId: 'north', value: 10_000_000 }),
        target(8, { measure: 'volume:upsell', scope: 'seller', scopeId: 'u1', value: 9_960_000 }),
        target(9, { measure: 'activity:call', scope: 'team', scopeId: 'south', value: 40 }),
        target(10, { measure: 'activity:call', scope: 'seller', scopeId: 'u3', value: 39 }),
      ],
    });
    expect(brief(planGaps(rounding))).toEqual(['PlanGap targets.csv:9 value', 'PlanGap targets.csv:5 value']);
    const strict = input({ users: rounding.records.users, targets: rounding.records.targets }, { settings: { planGapTolerance: { amount: 0, share: 0 } } });
    expect(planGaps(strict)).toHaveLength(4);
  });

  it('does not ask teams to break down a company target the sellers already cover', () => {
    // FY2026 revenue: company 1 000 000; no team has a revenue target (teams have volume:new targets);
    // sellers 600 000 + 500 000 = 1 100 000 ≥ 1 000 000 → no issue (before: "team targets sum to 0").
    // With sellers at 600 000 + 300 000 = 900 000 the sellers fall short: one issue. No team plans
    // revenue at all, so the teams are not asked to break it down (the plan check's rule).
    const users = [user(2), user(3, { teamId: 'south' })];
    const plan = (second: number) =>
      input({
        users,
        targets: [
          target(2, { measure: 'revenue', value: 1_000_000 }),
          target(3, { scope: 'team', scopeId: 'north', value: 100 }),
          target(4, { scope: 'seller', scopeId: 'u1', value: 100 }),
          target(5, { measure: 'revenue', scope: 'seller', scopeId: 'u1', value: 600_000 }),
          target(6, { measure: 'revenue', scope: 'seller', scopeId: 'u2', value: second }),
        ],
      });
    expect(planGaps(plan(500_000))).toEqual([]);
    expect(planGaps(plan(300_000)).map((issue) => issue.message)).toEqual([
      'FY2026 revenue: company target 1,000,000, seller targets sum to 900,000 (gap 100,000)',
    ]);
  });

  it('gives nothing for empty input', () => {
    expect(planGaps(EMPTY)).toEqual([]);
  });
});
