import { describe, expect, it } from 'vitest';
import { customersWorked } from '../../src/metrics/customers-worked.ts';
import { activity, context, deepFreeze, factsOf, target } from './fixtures.ts';

// As of 2026-03-31 (end of Q1), calendar fiscal year: elapsed share 90/365.
const ctx = context('2026-03-31');
const activities = [
  activity({ accountId: 'a1', type: 'call', date: '2026-01-02' }),
  activity({ accountId: 'a1', type: 'email', date: '2026-02-02' }), // same account again
  activity({ accountId: 'a2', type: 'meeting_held', date: '2026-03-31' }), // on as-of
  activity({ accountId: 'a3', type: 'note', date: '2026-02-10' }), // a note is no contact
  activity({ accountId: 'a4', type: 'task', date: '2026-02-11' }), // a to-do is no contact
  activity({ accountId: 'a5', type: 'proposal', date: '2026-04-01' }), // after as-of
  activity({ accountId: 'a6', type: 'call', date: '2025-12-31' }), // FY2025
  activity({ accountId: undefined, type: 'call', date: '2026-03-01' }), // no account
  activity({ accountId: 'a7', type: 'meeting_booked', date: '2026-03-15' }),
  activity({ accountId: undefined, type: 'note', date: '2026-03-02' }), // no account, and a note
];
const targets = [
  target({ scopeId: 'u1', measure: 'customers_worked', period: 'FY2026', value: 40 }),
  target({ scopeId: 'u2', measure: 'customers_worked', period: 'FY2026', value: 33 }),
  target({ measure: 'customers_worked', period: 'FY2025', value: 99 }), // another year
  target({ measure: 'customers_worked', period: 'FY2026', cadence: 'weekly', value: 5 }), // not a yearly goal
];

describe('customersWorked', () => {
  it('counts distinct accounts with customer contact this fiscal year against the yearly goal', () => {
    // accounts a1, a2, a7 = 3; goal 40 + 33 = 73; goal to date 73 × 90/365 = 18
    expect(customersWorked(factsOf(activities, ctx), ['u1'], targets, ctx)).toEqual({
      fiscalYear: 'FY2026',
      ytd: { start: '2026-01-01', end: '2026-03-31' },
      accountsWorked: 3,
      activitiesWithoutAccount: 1,
      goal: 73,
      share: 3 / 73,
      goalToDate: 18,
      elapsedShare: 90 / 365,
    });
  });

  it('has no goal and no share on empty input', () => {
    expect(customersWorked(factsOf([], ctx), ['u1'], [], ctx)).toEqual({
      fiscalYear: 'FY2026',
      ytd: { start: '2026-01-01', end: '2026-03-31' },
      accountsWorked: 0,
      activitiesWithoutAccount: 0,
      goal: null,
      share: null,
      goalToDate: null,
      elapsedShare: 90 / 365,
    });
  });

  it('restarts on the first day of a fiscal year starting in July', () => {
    const july = context('2026-07-01', { fiscalYearStartMonth: 7 });
    const edge = [
      activity({ accountId: 'a1', date: '2026-06-30' }), // FY2025
      activity({ accountId: 'a2', date: '2026-07-01' }),
    ];
    expect(customersWorked(factsOf(edge, july), ['u1'], targets, july)).toMatchObject({
      fiscalYear: 'FY2026',
      ytd: { start: '2026-07-01', end: '2026-07-01' },
      accountsWorked: 1,
      goal: 73,
      goalToDate: 0.2, // 73 × 1/365
    });
  });

  it('counts the last day of the fiscal year', () => {
    const edge = [activity({ accountId: 'a1', date: '2026-12-31' }), activity({ accountId: 'a2', date: '2027-01-01' })];
    expect(customersWorked(factsOf(edge, context('2026-12-31')), ['u1'], targets, context('2026-12-31'))).toMatchObject({
      accountsWorked: 1,
      goalToDate: 73,
      elapsedShare: 1,
    });
  });

  it("counts a team's distinct accounts once, over its owners only", () => {
    const team = [
      activity({ ownerId: 'u1', accountId: 'a1', date: '2026-02-01' }),
      activity({ ownerId: 'u2', accountId: 'a1', date: '2026-02-03' }), // same account, other seller
      activity({ ownerId: 'u2', accountId: 'a2', date: '2026-02-04' }),
      activity({ ownerId: 'u2', accountId: undefined, date: '2026-02-05' }),
      activity({ ownerId: 'u3', accountId: 'a3', date: '2026-02-06' }), // not in the team
      activity({ ownerId: 'u3', accountId: undefined, date: '2026-02-06' }),
    ];
    // u1 + u2: a1, a2 = 2; one contact without account (u2's)
    expect(customersWorked(factsOf(team, ctx), ['u1', 'u2'], [], ctx)).toMatchObject({ accountsWorked: 2, activitiesWithoutAccount: 1 });
    expect(customersWorked(factsOf(team, ctx), ['u3'], [], ctx)).toMatchObject({ accountsWorked: 1, activitiesWithoutAccount: 1 });
  });

  it('refuses facts gathered for another as-of date', () => {
    expect(() => customersWorked(factsOf(activities, context('2026-03-30')), ['u1'], targets, ctx)).toThrow(/as of 2026-03-30/);
  });

  it('does not mutate its input', () => {
    const input = { targets: structuredClone(targets) };
    customersWorked(factsOf(activities, ctx), ['u1'], deepFreeze(input).targets, ctx);
    expect(input).toEqual({ targets });
  });
});
