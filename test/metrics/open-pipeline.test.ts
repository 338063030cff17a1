import { describe, expect, it } from 'vitest';
import { openPipeline } from '../../src/metrics/open-pipeline.ts';
import { context, deal, frozen } from './fixtures-pipeline.ts';

const ctx = context('2026-03-31');
const zeroRows = [
  { stageId: 'qualification', label: 'Qualification', count: 0, amount: 0, withoutAmount: 0 },
  { stageId: 'meeting', label: 'Needs analysis', count: 0, amount: 0, withoutAmount: 0 },
  { stageId: 'proposal', label: 'Proposal', count: 0, amount: 0, withoutAmount: 0 },
  { stageId: 'negotiation', label: 'Negotiation', count: 0, amount: 0, withoutAmount: 0 },
];

describe('openPipeline', () => {
  it('counts and sums open deals per open stage, in settings order', () => {
    // Open as of 2026-03-31: d1 + d2 (qualification) 1000 + 500.50 = 1500.50; d3 proposal 2000;
    // d4 negotiation 3000; d8 in an unknown stage 100. Total 5 deals, 6600.50.
    // Out: d5 won, d6 lost, d7 created after as-of.
    const deals = [
      deal({ id: 'd1', stageId: 'qualification', amount: 1000 }),
      deal({ id: 'd2', stageId: 'qualification', amount: 500.5 }),
      deal({ id: 'd3', stageId: 'proposal', amount: 2000 }),
      deal({ id: 'd4', stageId: 'negotiation', amount: 3000, close: '2026-01-31' }),
      deal({ id: 'd5', status: 'won', amount: 4000 }),
      deal({ id: 'd6', status: 'lost', amount: 700 }),
      deal({ id: 'd7', stageId: 'proposal', amount: 9999, created: '2026-04-01' }),
      deal({ id: 'd8', stageId: 'paused', amount: 100 }),
    ];
    expect(openPipeline(deals, ctx)).toEqual({
      asOf: '2026-03-31',
      count: 5,
      amount: 6600.5,
      withoutAmount: 0,
      stages: [
        { stageId: 'qualification', label: 'Qualification', count: 2, amount: 1500.5, withoutAmount: 0 },
        { stageId: 'meeting', label: 'Needs analysis', count: 0, amount: 0, withoutAmount: 0 },
        { stageId: 'proposal', label: 'Proposal', count: 1, amount: 2000, withoutAmount: 0 },
        { stageId: 'negotiation', label: 'Negotiation', count: 1, amount: 3000, withoutAmount: 0 },
        { stageId: 'paused', label: 'paused', count: 1, amount: 100, withoutAmount: 0 },
      ],
    });
  });

  it('counts an open deal without an amount in its stage, adds nothing to the value, and says how many', () => {
    // d1 qualification 1000; d2 qualification, amount not set (0); d3 proposal, amount not set.
    // Count 3, value 1000, 2 without amount (1 in qualification, 1 in proposal).
    const deals = [
      deal({ id: 'd1', stageId: 'qualification', amount: 1000 }),
      deal({ id: 'd2', stageId: 'qualification', amount: 0, amountMissing: true }),
      deal({ id: 'd3', stageId: 'proposal', amount: 0, amountMissing: true, closeMissing: true, close: '9999-12-31' }),
    ];
    const result = openPipeline(deals, ctx);
    expect([result.count, result.amount, result.withoutAmount]).toEqual([3, 1000, 2]);
    expect(result.stages.map((s) => [s.stageId, s.count, s.amount, s.withoutAmount])).toEqual([
      ['qualification', 2, 1000, 1],
      ['meeting', 0, 0, 0],
      ['proposal', 1, 0, 1],
      ['negotiation', 0, 0, 0],
    ]);
  });

  it('lists every open stage with zeros for no deals', () => {
    expect(openPipeline([], ctx)).toEqual({ asOf: '2026-03-31', count: 0, amount: 0, withoutAmount: 0, stages: zeroRows });
  });

  it('includes a deal created on the as-of day and leaves out one created the day after', () => {
    const deals = [deal({ id: 'd1', created: '2026-03-31', amount: 10 }), deal({ id: 'd2', created: '2026-04-01', amount: 20 })];
    expect(openPipeline(deals, ctx)).toMatchObject({ count: 1, amount: 10 });
  });

  it('follows a custom stage order', () => {
    const custom = context('2026-03-31', {
      stages: [
        { id: 'demo', probability: 0.3, status: 'open' },
        { id: 'lead', probability: 0.1, status: 'open' },
        { id: 'won', probability: 1, status: 'won' },
        { id: 'lost', probability: 0, status: 'lost' },
      ],
    });
    const result = openPipeline([deal({ id: 'd1', stageId: 'lead', amount: 5 })], custom);
    expect(result.stages).toEqual([
      { stageId: 'demo', label: 'demo', count: 0, amount: 0, withoutAmount: 0 },
      { stageId: 'lead', label: 'lead', count: 1, amount: 5, withoutAmount: 0 },
    ]);
  });

  it('does not mutate its input', () => {
    const deals = frozen([deal({ id: 'd1', amount: 1 }), deal({ id: 'd2', stageId: 'other', amount: 2 })]);
    expect(() => openPipeline(deals, ctx)).not.toThrow();
  });
});
