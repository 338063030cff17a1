import { describe, expect, it } from 'vitest';
import { salesVelocity } from '../../src/metrics/sales-velocity.ts';
import { context, deal, frozen } from './fixtures-pipeline.ts';

const q1 = { start: '2026-01-01', end: '2026-03-31' };
const ctx = context('2026-03-31');

describe('salesVelocity', () => {
  it('multiplies open deals, win rate and deal size, and divides by the cycle', () => {
    // Open as of Mar 31: o1–o4 = 4 (o5 is created after as-of). Closed in Q1: won w1, w2; lost l1, l2
    // → win rate 2 ÷ 4 = 0.5. Deal size (1000 + 2000) ÷ 2 = 1500. Cycles 30 and 60 → 45 days.
    // 4 × 0.5 × 1500 ÷ 45 = 66.666… → 66.67 per day.
    const deals = [
      deal({ id: 'o1', created: '2026-01-10' }),
      deal({ id: 'o2', created: '2026-02-10' }),
      deal({ id: 'o3', created: '2025-06-01' }),
      deal({ id: 'o4', created: '2026-03-31' }),
      deal({ id: 'o5', created: '2026-04-02' }),
      deal({ id: 'w1', status: 'won', created: '2026-01-01', close: '2026-01-31', amount: 1000 }),
      deal({ id: 'w2', status: 'won', created: '2026-01-01', close: '2026-03-02', amount: 2000 }),
      deal({ id: 'l1', status: 'lost', created: '2026-01-01', close: '2026-02-10', amount: 500 }),
      deal({ id: 'l2', status: 'lost', created: '2026-01-01', close: '2026-03-31', amount: 500 }),
    ];
    expect(salesVelocity(deals, q1, ctx)).toEqual({
      range: q1,
      openCount: 4,
      winRateByCount: 0.5,
      averageDealSize: 1500,
      averageCycleDays: 45,
      perDay: 66.67,
    });
  });

  it('is null without closed deals', () => {
    expect(salesVelocity([], q1, ctx)).toEqual({
      range: q1,
      openCount: 0,
      winRateByCount: null,
      averageDealSize: null,
      averageCycleDays: null,
      perDay: null,
    });
  });

  it('is null, not infinite, when deals are won the day they are created', () => {
    const deals = [deal({ id: 'o1' }), deal({ id: 'w1', status: 'won', created: '2026-02-01', close: '2026-02-01', amount: 10 })];
    expect(salesVelocity(deals, q1, ctx)).toMatchObject({ averageCycleDays: 0, perDay: null });
  });

  it('is 0 when nothing is open', () => {
    const deals = [deal({ id: 'w1', status: 'won', created: '2026-01-01', close: '2026-01-11', amount: 100 })];
    expect(salesVelocity(deals, q1, ctx)).toMatchObject({ openCount: 0, perDay: 0 });
  });

  it('does not mutate its input', () => {
    const deals = frozen([deal({ id: 'o1' }), deal({ id: 'w1', status: 'won', created: '2026-01-01', close: '2026-01-11', amount: 100 })]);
    expect(salesVelocity(deals, q1, ctx).perDay).toBe(10); // 1 × 1 × 100 ÷ 10
  });
});
