import { describe, expect, it } from 'vitest';
import { forecastVsBudget } from '../../src/metrics/forecast-vs-budget.ts';
import { context, deal } from './fixtures-pipeline.ts';

const q4 = { start: '2026-10-01', end: '2026-12-31' };
const ctx = context('2026-11-20');

describe('forecastVsBudget', () => {
  it('stacks closed, commit and best case in annual volume against the budget', () => {
    // closed: w1 annual 100 (contract 300 over 3 years). commit: o1 50. best case: o2 40.
    // Left out: o3 pipeline stage, l1 lost, w2 won last quarter, o4 created after as-of.
    // commitTotal 150, bestCaseTotal 190; remaining 300 − 100 = 200; gap after commit 300 − 150 = 150.
    const deals = [
      deal({ id: 'w1', status: 'won', close: '2026-10-05', amount: 300, annualAmount: 100 }),
      deal({ id: 'w2', status: 'won', close: '2026-09-30', amount: 999 }),
      deal({ id: 'o1', stageId: 'negotiation', close: '2026-12-01', amount: 50 }),
      deal({ id: 'o2', stageId: 'proposal', close: '2026-12-15', amount: 40 }),
      deal({ id: 'o3', stageId: 'qualification', close: '2026-12-15', amount: 70 }),
      deal({ id: 'l1', status: 'lost', close: '2026-11-01', amount: 500 }),
      deal({ id: 'o4', stageId: 'negotiation', created: '2026-11-21', close: '2026-12-20', amount: 60 }),
    ];
    expect(forecastVsBudget(deals, q4, 300, ctx)).toEqual({
      period: q4,
      closed: 100,
      commit: 50,
      bestCase: 40,
      commitTotal: 150,
      bestCaseTotal: 190,
      budget: 300,
      remaining: 200,
      gapAfterCommit: 150,
    });
  });

  it('has no remaining without a budget', () => {
    const result = forecastVsBudget([], q4, null, ctx);
    expect(result.remaining).toBeNull();
    expect(result.gapAfterCommit).toBeNull();
  });
});
