import { describe, expect, it } from 'vitest';
import { dealSize } from '../../src/metrics/deal-size.ts';
import { context, deal, frozen } from './fixtures-pipeline.ts';

const q1 = { start: '2026-01-01', end: '2026-03-31' };
const ctx = context('2026-03-31');

describe('dealSize', () => {
  it('averages the contract and annual amounts of won deals', () => {
    // Won in Q1: w1 3600 (annual 1200, new), w2 600 (upsell, quarter end), w3 1000.02 (new).
    // amount 5200.02 ÷ 3 = 1733.34; annual 2800.02 ÷ 3 = 933.34.
    // new: 4600.02 ÷ 2 = 2300.01, annual 2200.02 ÷ 2 = 1100.01. Out: w4 Q2, l1 lost, o1 open.
    const deals = [
      deal({ id: 'w1', status: 'won', close: '2026-01-15', amount: 3600, annualAmount: 1200, channel: 'new' }),
      deal({ id: 'w2', status: 'won', close: '2026-03-31', amount: 600, channel: 'upsell' }),
      deal({ id: 'w3', status: 'won', close: '2026-02-01', amount: 1000.02, channel: 'new' }),
      deal({ id: 'w4', status: 'won', close: '2026-04-01', amount: 9000 }),
      deal({ id: 'l1', status: 'lost', close: '2026-02-01', amount: 9000 }),
      deal({ id: 'o1', status: 'open', close: '2026-02-01', amount: 9000 }),
    ];
    const result = dealSize(deals, q1, ctx);
    expect(result).toMatchObject({
      range: q1,
      count: 3,
      amount: 5200.02,
      annualAmount: 2800.02,
      averageAmount: 1733.34,
      averageAnnualAmount: 933.34,
    });
    expect(result.byChannel).toEqual({
      new: { count: 2, amount: 4600.02, annualAmount: 2200.02, averageAmount: 2300.01, averageAnnualAmount: 1100.01 },
      upsell: { count: 1, amount: 600, annualAmount: 600, averageAmount: 600, averageAnnualAmount: 600 },
      renewal: { count: 0, amount: 0, annualAmount: 0, averageAmount: null, averageAnnualAmount: null },
      winback: { count: 0, amount: 0, annualAmount: 0, averageAmount: null, averageAnnualAmount: null },
      unset: { count: 0, amount: 0, annualAmount: 0, averageAmount: null, averageAnnualAmount: null },
    });
  });

  it('is null without won deals', () => {
    expect(dealSize([], q1, ctx)).toMatchObject({ count: 0, amount: 0, averageAmount: null, averageAnnualAmount: null });
  });

  it('leaves out a deal signed after the as-of date', () => {
    const deals = [deal({ id: 'w1', status: 'won', close: '2026-03-01', amount: 100 }), deal({ id: 'w2', status: 'won', close: '2026-03-25', amount: 300 })];
    expect(dealSize(deals, q1, context('2026-03-24'))).toMatchObject({ count: 1, averageAmount: 100 });
  });

  it('does not mutate its input', () => {
    const deals = frozen([deal({ id: 'w1', status: 'won', close: '2026-03-01', amount: 100 })]);
    expect(dealSize(deals, q1, ctx).averageAmount).toBe(100);
  });
});
