import { describe, expect, it } from 'vitest';
import { planCheck, planVerdict, type PlanCheckRow } from '../../src/metrics/plan-check.ts';
import { context, deepFreeze, target, user } from './fixtures.ts';

const ctx = context('2026-03-15');
const users = [user({ id: 'u1', teamId: 't1' }), user({ id: 'u2', teamId: 't1' }), user({ id: 'u3', teamId: 't2' })];
const company = (period: string, measure: 'volume:new' | 'volume:total' | 'volume:renewal', value: number) =>
  target({ scope: 'company', scopeId: '', period, measure, value });
const team = (scopeId: string, measure: 'volume:new' | 'volume:total', value: number) => target({ scope: 'team', scopeId, period: 'FY2026', measure, value });

const targets = [
  company('FY2026', 'volume:new', 1_000),
  company('FY2026', 'volume:total', 2_000),
  company('2026-03', 'volume:renewal', 100),
  team('t1', 'volume:new', 600),
  team('t2', 'volume:new', 350),
  team('t1', 'volume:total', 1_200),
  target({ scopeId: 'u1', period: 'FY2026', measure: 'volume:new', value: 400 }),
  target({ scopeId: 'u2', period: '2026-01', measure: 'volume:new', value: 100 }),
  target({ scopeId: 'u2', period: '2026-02', measure: 'volume:new', value: 100 }),
  target({ scopeId: 'u2', period: '2025-12', measure: 'volume:new', value: 50 }), // FY2025: not summed
  target({ scopeId: 'u3', period: 'FY2026-Q1', measure: 'volume:new', value: 200 }),
  target({ scopeId: 'u3', period: 'FY2026-Q2', measure: 'volume:new', value: 200 }),
  target({ scopeId: 'u4', period: 'FY2026', measure: 'volume:new', value: 50 }), // no user row: no team
  target({ scopeId: 'u1', period: 'FY2026', measure: 'volume:renewal', value: 300 }),
  target({ scopeId: 'u1', period: '2026-03', measure: 'volume:renewal', value: 60 }),
  target({ scopeId: 'u2', period: 'FY2026', measure: 'volume:upsell', value: 500 }),
  target({ scopeId: 'u3', period: 'FY2026', cadence: 'weekly', measure: 'activity:call', value: 10 }), // a goal, not a plan
];

describe('planCheck', () => {
  it('checks sellers against their team, and teams and sellers against the company', () => {
    // Seller contributions to FY2026:
    //   new:   u1 400; u2 months 100 + 100 = 200; u3 quarters 200 + 200 = 400; u4 50
    //   total (no total rows, so the sum of channels): u1 400 + 300 = 700; u2 200 + 500 = 700; u3 400; u4 50
    // Team t2 has no total rows: its total = its new 350.
    expect(planCheck(targets, users, ctx)).toEqual([
      // t1 new: 400 + 200 = 600 vs 600; t1 total: 700 + 700 = 1400 vs 1200; t2 new: 400 vs 350
      {
        period: 'FY2026',
        measure: 'volume:new',
        level: 'sellers-vs-team',
        teamId: 't1',
        sum: 600,
        target: 600,
        gap: 0,
        ok: true,
        contributors: 2,
      },
      {
        period: 'FY2026',
        measure: 'volume:total',
        level: 'sellers-vs-team',
        teamId: 't1',
        sum: 1_400,
        target: 1_200,
        gap: 200,
        ok: true,
        contributors: 2,
      },
      {
        period: 'FY2026',
        measure: 'volume:new',
        level: 'sellers-vs-team',
        teamId: 't2',
        sum: 400,
        target: 350,
        gap: 50,
        ok: true,
        contributors: 1,
      },
      // no team has a renewal target; new 600 + 350 = 950; total 1200 + 350 = 1550
      // No team has a renewal target: renewal is not broken down to teams, so no teams row for it.
      {
        period: 'FY2026',
        measure: 'volume:new',
        level: 'teams-vs-company',
        sum: 950,
        target: 1_000,
        gap: -50,
        ok: false,
        contributors: 2,
      },
      {
        period: 'FY2026',
        measure: 'volume:total',
        level: 'teams-vs-company',
        sum: 1_550,
        target: 2_000,
        gap: -450,
        ok: false,
        contributors: 2,
      },
      // renewal March: u1's month target 60; new 400 + 200 + 400 + 50 = 1050; total 700 + 700 + 400 + 50 = 1850
      {
        period: '2026-03',
        measure: 'volume:renewal',
        level: 'sellers-vs-company',
        sum: 60,
        target: 100,
        gap: -40,
        ok: false,
        contributors: 1,
      },
      {
        period: 'FY2026',
        measure: 'volume:new',
        level: 'sellers-vs-company',
        sum: 1_050,
        target: 1_000,
        gap: 50,
        ok: true,
        contributors: 4,
      },
      {
        period: 'FY2026',
        measure: 'volume:total',
        level: 'sellers-vs-company',
        sum: 1_850,
        target: 2_000,
        gap: -150,
        ok: false,
        contributors: 4,
      },
    ]);
  });

  it('sums seller months over a fiscal year starting in July', () => {
    const july = context('2026-09-01', { fiscalYearStartMonth: 7 });
    const months = [
      company('FY2026', 'volume:new', 100),
      company('FY2026-Q4', 'volume:new', 100),
      target({ period: '2026-06', value: 1 }), // FY2025
      target({ period: '2026-07', value: 10 }), // first month of FY2026
      target({ period: '2027-06', value: 100 }), // last month of FY2026 (Q4)
      target({ period: '2027-07', value: 1_000 }), // FY2027
    ];
    // FY2026: 10 + 100 = 110 vs 100; Q4 (2027-04 … 2027-06): 100 vs 100
    expect(planCheck(months, users, july).map((row) => [row.period, row.sum, row.gap, row.ok])).toEqual([
      ['FY2026', 110, 10, true],
      ['FY2026-Q4', 100, 0, true],
    ]);
    // With a calendar fiscal year, FY2026 holds 2026-06 and 2026-07: 1 + 10 = 11
    expect(planCheck(months, users, ctx)[0]).toMatchObject({ period: 'FY2026', sum: 11, gap: -89, ok: false });
  });

  it('gives no rows on empty input or when nothing was broken down', () => {
    expect(planCheck([], [], ctx)).toEqual([]);
    expect(planCheck([company('FY2026', 'volume:new', 1_000)], users, ctx)).toEqual([]);
  });

  it('does not mutate its input', () => {
    const input = structuredClone(targets);
    planCheck(deepFreeze(input), deepFreeze(structuredClone(users)), ctx);
    expect(input).toEqual(targets);
  });
});

describe('planVerdict', () => {
  const row = (level: PlanCheckRow['level'], ok: boolean): PlanCheckRow => ({
    period: 'FY2026',
    measure: 'volume:new',
    level,
    sum: 0,
    target: 0,
    gap: 0,
    ok,
    contributors: 1,
  });

  it('passes only when every company target is covered by the sellers, whatever the teams show', () => {
    // Two sellers-vs-company rows, both ok; a team row short → still passes (teams do not decide).
    expect(planVerdict([row('sellers-vs-company', true), row('sellers-vs-company', true), row('sellers-vs-team', false)])).toEqual({
      rule: 'sellers-vs-company',
      passes: true,
      failing: 0,
      checked: 2,
    });
    // One of two short → fails, 1 failing.
    expect(planVerdict([row('sellers-vs-company', false), row('sellers-vs-company', true), row('teams-vs-company', true)])).toMatchObject({
      passes: false,
      failing: 1,
      checked: 2,
    });
  });

  it('says nothing was checked when there is no company or seller target', () => {
    expect(planVerdict([row('teams-vs-company', true)])).toEqual({ rule: 'sellers-vs-company', passes: null, failing: 0, checked: 0 });
  });
});
