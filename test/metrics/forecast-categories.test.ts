import { describe, expect, it } from 'vitest';
import { forecastCategories } from '../../src/metrics/forecast-categories.ts';
import { context, deal, frozen } from './fixtures-pipeline.ts';

const q1 = { start: '2026-01-01', end: '2026-03-31' };
const ctx = context('2026-02-15');

describe('forecastCategories', () => {
  it('buckets the period deals by category and rolls them up cumulatively', () => {
    // closed: w1 100. commit: o1 200 (negotiation) + o7 25 (marked closed but open) = 225.
    // best_case: o2 50 (own category) + o3 300 (proposal) = 350. pipeline: o4 40 (slipped, still Q1).
    // omitted: o5 500. Out: w2 previous quarter, o6 next quarter, l1 lost, o8 created after as-of.
    // cumulative: closed 100; commit 100 + 225 = 325; bestCase 325 + 350 = 675;
    // pipeline (open only) 225 + 350 + 40 = 615.
    // Annual volume: o3 is a three-year 300 = 100 a year → best_case annual 50 + 100 = 150; the
    // rest are one-year deals (annual = contract value).
    const deals = [
      deal({ id: 'w1', status: 'won', close: '2026-01-10', amount: 100 }),
      deal({ id: 'w2', status: 'won', close: '2025-12-31', amount: 999 }),
      deal({ id: 'o1', stageId: 'negotiation', close: '2026-03-31', amount: 200 }),
      deal({ id: 'o2', stageId: 'qualification', forecastCategory: 'best_case', close: '2026-02-20', amount: 50 }),
      deal({ id: 'o3', stageId: 'proposal', close: '2026-03-01', amount: 300, annualAmount: 100 }),
      deal({ id: 'o4', stageId: 'meeting', close: '2026-01-20', amount: 40 }),
      deal({ id: 'o5', stageId: 'proposal', forecastCategory: 'omitted', close: '2026-03-10', amount: 500 }),
      deal({ id: 'o6', stageId: 'qualification', close: '2026-04-01', amount: 700 }),
      deal({ id: 'o7', stageId: 'negotiation', forecastCategory: 'closed', close: '2026-03-15', amount: 25 }),
      deal({ id: 'l1', status: 'lost', close: '2026-02-01', amount: 800 }),
      deal({ id: 'o8', stageId: 'negotiation', created: '2026-02-16', close: '2026-03-20', amount: 60 }),
    ];
    expect(forecastCategories(deals, q1, ctx)).toEqual({
      period: q1,
      categories: {
        pipeline: { count: 1, amount: 40, annualAmount: 40 },
        best_case: { count: 2, amount: 350, annualAmount: 150 },
        commit: { count: 2, amount: 225, annualAmount: 225 },
        closed: { count: 1, amount: 100, annualAmount: 100 },
        omitted: { count: 1, amount: 500, annualAmount: 500 },
      },
      cumulative: { closed: 100, commit: 325, bestCase: 675, pipeline: 615 },
    });
  });

  it('is all zeros without deals', () => {
    const result = forecastCategories([], q1, ctx);
    expect(result.cumulative).toEqual({ closed: 0, commit: 0, bestCase: 0, pipeline: 0 });
    expect(result.categories.omitted).toEqual({ count: 0, amount: 0, annualAmount: 0 });
  });

  it('puts a deal closing on the last day of the quarter in that quarter', () => {
    const won = context('2026-04-10');
    const deals = [deal({ id: 'w1', status: 'won', close: '2026-03-31', amount: 10 }), deal({ id: 'w2', status: 'won', close: '2026-04-01', amount: 20 })];
    expect(forecastCategories(deals, q1, won).categories.closed).toEqual({ count: 1, amount: 10, annualAmount: 10 });
  });

  it('does not count a deal won after the as-of date as closed', () => {
    const deals = [deal({ id: 'w1', status: 'won', close: '2026-03-01', amount: 10 })];
    expect(forecastCategories(deals, q1, ctx).cumulative.closed).toBe(0);
  });

  it('falls back to pipeline when neither deal nor stage has a category', () => {
    const bare = context('2026-02-15', {
      stages: [
        { id: 'talk', probability: 0.2, status: 'open' },
        { id: 'won', probability: 1, status: 'won' },
        { id: 'lost', probability: 0, status: 'lost' },
      ],
    });
    const result = forecastCategories([deal({ id: 'o1', stageId: 'talk', close: '2026-03-01', amount: 7 })], q1, bare);
    expect(result.categories.pipeline).toEqual({ count: 1, amount: 7, annualAmount: 7 });
  });

  it('does not mutate its input', () => {
    const deals = frozen([deal({ id: 'o1', stageId: 'proposal', close: '2026-03-01', amount: 1 })]);
    expect(forecastCategories(deals, q1, ctx).cumulative.bestCase).toBe(1);
  });
});
