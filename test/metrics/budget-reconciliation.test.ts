import { describe, expect, it } from 'vitest';
import { reconcileBudgets } from '../../src/metrics/budget-reconciliation.ts';
import type { AttainmentMeasure, AttainmentRow } from '../../src/metrics/target-attainment.ts';

const row = (measure: AttainmentMeasure, budgetYtd: number | null, fullYearTarget: number | null): AttainmentRow => ({
  measure,
  resultYtd: 0,
  budgetYtd,
  attainment: null,
  fullYearTarget,
  pace: 0,
  paceVsTarget: null,
  budgetSource: budgetYtd === null ? null : 'fiscal-year',
});

describe('reconcileBudgets', () => {
  it('sets the company beside the sum of the teams and of the sellers, with the difference and why', () => {
    const rows = reconcileBudgets(
      {
        company: [row('volume:total', 100, 400), row('revenue', 50, 200)],
        teams: [[row('volume:total', 60, 240)], [row('volume:total', 50, 200)]],
        sellers: [
          { rows: [row('volume:total', 70, 280), row('revenue', 50.1, 200.4)], inTeam: true },
          { rows: [row('volume:total', 20, 80)], inTeam: false },
          { rows: [row('volume:total', null, null)], inTeam: true }, // no budget: left out, not 0
        ],
      },
      ['volume:total', 'revenue'],
    );
    expect(rows).toEqual([
      // total YTD: teams 60 + 50 = 110 → +10 = +10 % of 100; sellers 70 + 20 = 90 → −10 = −10 %;
      // 20 of the 90 is held by someone in no team.
      {
        measure: 'volume:total',
        period: 'year-to-date',
        company: 100,
        teams: { sum: 110, parts: 2, difference: 10, share: 0.1, reason: 'over-allocation' },
        sellers: { sum: 90, parts: 2, difference: -10, share: -0.1, reason: 'unallocated' },
        withoutTeam: 20,
      },
      // total full year: teams 240 + 200 = 440 → +40 = +10 %; sellers 280 + 80 = 360 → −40 = −10 %.
      {
        measure: 'volume:total',
        period: 'full-year',
        company: 400,
        teams: { sum: 440, parts: 2, difference: 40, share: 0.1, reason: 'over-allocation' },
        sellers: { sum: 360, parts: 2, difference: -40, share: -0.1, reason: 'unallocated' },
        withoutTeam: 80,
      },
      // revenue YTD: no team has a revenue budget → no sum, not 0; sellers 50.1 − 50 = 0.1 (exact
      // cents, not 0.10000000000000142) = 0.2 %.
      {
        measure: 'revenue',
        period: 'year-to-date',
        company: 50,
        teams: { sum: null, parts: 0, difference: null, share: null, reason: 'no-budget-below' },
        sellers: { sum: 50.1, parts: 1, difference: 0.1, share: 0.002, reason: 'over-allocation' },
        withoutTeam: null,
      },
      {
        measure: 'revenue',
        period: 'full-year',
        company: 200,
        teams: { sum: null, parts: 0, difference: null, share: null, reason: 'no-budget-below' },
        sellers: { sum: 200.4, parts: 1, difference: 0.4, share: 0.002, reason: 'over-allocation' },
        withoutTeam: null,
      },
    ]);
  });

  it('has company + difference = the sum below, and says when the company has no budget', () => {
    const rows = reconcileBudgets({ company: [], teams: [[row('volume:new', 30, 120)]], sellers: [] }, ['volume:new', 'volume:upsell']);
    // upsell: nobody has a budget → no row; new: teams 30, the company none → no difference.
    expect(rows.map((r) => [r.period, r.company, r.teams.sum, r.teams.reason, r.sellers.reason])).toEqual([
      ['year-to-date', null, 30, 'no-company-budget', 'no-company-budget'],
      ['full-year', null, 120, 'no-company-budget', 'no-company-budget'],
    ]);
  });

  it('is balanced when the parts add up exactly', () => {
    const [ytd] = reconcileBudgets(
      { company: [row('volume:new', 0.3, 1)], teams: [[row('volume:new', 0.1, 0.5)], [row('volume:new', 0.2, 0.5)]], sellers: [] },
      ['volume:new'],
    );
    // 0.1 + 0.2 = 0.3 exactly in cents (not 0.30000000000000004).
    expect(ytd!.teams).toEqual({ sum: 0.3, parts: 2, difference: 0, share: 0, reason: 'balanced' });
  });
});
