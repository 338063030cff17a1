import { describe, expect, it } from 'vitest';
import { salesCycle } from '../../src/metrics/sales-cycle.ts';
import { context, deal, frozen } from './fixtures-pipeline.ts';

const q1 = { start: '2026-01-01', end: '2026-03-31' };
const ctx = context('2026-03-31');

describe('salesCycle', () => {
  it('gives the average and median days from created to won', () => {
    // d1 Jan 1 → Jan 31 = 30 (new); d2 Nov 1 → Jan 1 = 30 + 31 = 61 (new); d3 Feb 1 → Feb 11 = 10
    // (winback); d4 created and won on the quarter's last day = 0 (upsell). d5 closes before it was
    // created: excluded. Out: d6 Q2, d7 lost, d8 open.
    // All: [0, 10, 30, 61] → average 101 ÷ 4 = 25.25, median (10 + 30) ÷ 2 = 20.
    // new: [30, 61] → 45.5 and 45.5.
    const deals = [
      deal({ id: 'd1', status: 'won', created: '2026-01-01', close: '2026-01-31', channel: 'new' }),
      deal({ id: 'd2', status: 'won', created: '2025-11-01', close: '2026-01-01', channel: 'new' }),
      deal({ id: 'd3', status: 'won', created: '2026-02-01', close: '2026-02-11', channel: 'winback' }),
      deal({ id: 'd4', status: 'won', created: '2026-03-31', close: '2026-03-31', channel: 'upsell' }),
      deal({ id: 'd5', status: 'won', created: '2026-03-10', close: '2026-03-01' }),
      deal({ id: 'd6', status: 'won', created: '2026-01-01', close: '2026-04-01' }),
      deal({ id: 'd7', status: 'lost', created: '2026-01-01', close: '2026-02-01' }),
      deal({ id: 'd8', status: 'open', created: '2026-01-01', close: '2026-02-01' }),
    ];
    expect(salesCycle(deals, q1, ctx)).toEqual({
      range: q1,
      count: 4,
      averageDays: 25.25,
      medianDays: 20,
      excluded: 1,
      byChannel: {
        renewal: { count: 0, averageDays: null, medianDays: null },
        upsell: { count: 1, averageDays: 0, medianDays: 0 },
        winback: { count: 1, averageDays: 10, medianDays: 10 },
        new: { count: 2, averageDays: 45.5, medianDays: 45.5 },
        unset: { count: 0, averageDays: null, medianDays: null },
      },
    });
  });

  it('is null without won deals', () => {
    expect(salesCycle([], q1, ctx)).toMatchObject({ count: 0, averageDays: null, medianDays: null, excluded: 0 });
  });

  it('takes the middle value for an odd count', () => {
    // [5, 7, 100] → median 7, average 112 ÷ 3
    const deals = [
      deal({ id: 'a', status: 'won', created: '2026-01-01', close: '2026-01-06' }),
      deal({ id: 'b', status: 'won', created: '2026-01-01', close: '2026-04-11' }),
      deal({ id: 'c', status: 'won', created: '2026-01-01', close: '2026-01-08' }),
    ];
    const result = salesCycle(deals, { start: '2026-01-01', end: '2026-06-30' }, context('2026-06-30'));
    expect(result.medianDays).toBe(7);
    expect(result.averageDays).toBeCloseTo(112 / 3, 12);
  });

  it('does not mutate its input (sorting happens on a copy)', () => {
    const deals = frozen([
      deal({ id: 'a', status: 'won', created: '2026-01-01', close: '2026-02-01' }),
      deal({ id: 'b', status: 'won', created: '2026-01-20', close: '2026-02-01' }),
    ]);
    expect(salesCycle(deals, q1, ctx).medianDays).toBe(21.5); // (31 + 12) ÷ 2
  });

  it('leaves a won deal without created date out of the cycle, counted in excluded', () => {
    // c1 Jan 1 → Jan 31 = 30 days; c2 created '' (exported without) → excluded 1; count 1, average 30.
    const deals = [
      deal({ id: 'c1', status: 'won', stageId: 'won', created: '2026-01-01', close: '2026-01-31' }),
      deal({ id: 'c2', status: 'won', stageId: 'won', created: '', close: '2026-02-10' }),
    ];
    const result = salesCycle(deals, q1, ctx);
    expect([result.count, result.averageDays, result.excluded]).toEqual([1, 30, 1]);
  });
});
