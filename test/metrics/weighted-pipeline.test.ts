import { describe, expect, it } from 'vitest';
import { weightedPipeline } from '../../src/metrics/weighted-pipeline.ts';
import { context, deal, frozen } from './fixtures-pipeline.ts';

const ctx = context('2026-03-31');

describe('weightedPipeline', () => {
  it('weighs each open deal by its stage probability', () => {
    // qualification 0.1: 1000 → 100, 333.33 → 33.333 → 33.33 (per deal, to the cent)
    // meeting 0.2: 2500 → 500; proposal 0.5: 2000 → 1000; negotiation 0.8: 1250 → 1000
    // amount 1000 + 333.33 + 2500 + 2000 + 1250 = 7083.33; weighted 100 + 33.33 + 500 + 1000 + 1000 = 2633.33
    const deals = [
      deal({ id: 'd1', stageId: 'qualification', amount: 1000 }),
      deal({ id: 'd2', stageId: 'qualification', amount: 333.33 }),
      deal({ id: 'd3', stageId: 'meeting', amount: 2500 }),
      deal({ id: 'd4', stageId: 'proposal', amount: 2000 }),
      deal({ id: 'd5', stageId: 'negotiation', amount: 1250 }),
      deal({ id: 'd6', status: 'won', amount: 5000 }),
      deal({ id: 'd7', status: 'lost', amount: 800 }),
    ];
    expect(weightedPipeline(deals, ctx)).toEqual({
      asOf: '2026-03-31',
      count: 5,
      amount: 7083.33,
      weighted: 2633.33,
      withoutAmount: 0,
      stages: [
        { stageId: 'qualification', label: 'Qualification', probability: 0.1, count: 2, amount: 1333.33, weighted: 133.33, withoutAmount: 0 },
        { stageId: 'meeting', label: 'Needs analysis', probability: 0.2, count: 1, amount: 2500, weighted: 500, withoutAmount: 0 },
        { stageId: 'proposal', label: 'Proposal', probability: 0.5, count: 1, amount: 2000, weighted: 1000, withoutAmount: 0 },
        { stageId: 'negotiation', label: 'Negotiation', probability: 0.8, count: 1, amount: 1250, weighted: 1000, withoutAmount: 0 },
      ],
    });
  });

  it('gives zero weight to a stage unknown to the settings', () => {
    const result = weightedPipeline([deal({ id: 'd1', stageId: 'mystery', amount: 400 })], ctx);
    expect(result).toMatchObject({ count: 1, amount: 400, weighted: 0 });
    expect(result.stages.at(-1)).toEqual({ stageId: 'mystery', label: 'mystery', probability: 0, count: 1, amount: 400, weighted: 0, withoutAmount: 0 });
  });

  it('is all zeros without deals', () => {
    const result = weightedPipeline([], ctx);
    expect(result).toMatchObject({ count: 0, amount: 0, weighted: 0 });
    expect(result.stages.map((stage) => stage.weighted)).toEqual([0, 0, 0, 0]);
  });

  it('leaves out deals created after the as-of date', () => {
    const deals = [
      deal({ id: 'd1', stageId: 'proposal', created: '2026-03-31', amount: 100 }), // → 50
      deal({ id: 'd2', stageId: 'proposal', created: '2026-04-01', amount: 100 }),
    ];
    expect(weightedPipeline(deals, ctx)).toMatchObject({ count: 1, weighted: 50 });
  });

  it('does not mutate its input', () => {
    const deals = frozen([deal({ id: 'd1', stageId: 'proposal', amount: 100 })]);
    expect(weightedPipeline(deals, ctx).weighted).toBe(50);
  });
});
