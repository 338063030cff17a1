import { describe, expect, it } from 'vitest';
import { winRate } from '../../src/metrics/win-rate.ts';
import { context, deal, frozen } from './fixtures-pipeline.ts';

const q1 = { start: '2026-01-01', end: '2026-03-31' };
const ctx = context('2026-04-10');
const none = { won: 0, lost: 0, wonAmount: 0, lostAmount: 0, byCount: null, byValue: null };

describe('winRate', () => {
  it('divides won by all closed, by count and by value, per channel', () => {
    // In Q1 by close date: won w1 300 (new, first day), w2 200 (upsell, quarter end);
    // lost l1 100 (new), l2 400 (renewal), l3 50 (new). Out: w3 Q2, w4 Q4 2025, o1 open.
    // by count 2 ÷ 5 = 0.4; by value 500 ÷ (500 + 550) = 10/21.
    // new: 1 ÷ 3, 300 ÷ 450 = 2/3; upsell 1 ÷ 1; renewal 0 ÷ 1; winback nothing closed.
    const deals = [
      deal({ id: 'w1', status: 'won', close: '2026-01-01', amount: 300, channel: 'new' }),
      deal({ id: 'w2', status: 'won', close: '2026-03-31', amount: 200, channel: 'upsell' }),
      deal({ id: 'w3', status: 'won', close: '2026-04-01', amount: 999, channel: 'new' }),
      deal({ id: 'w4', status: 'won', close: '2025-12-31', amount: 999, channel: 'new' }),
      deal({ id: 'l1', status: 'lost', close: '2026-02-10', amount: 100, channel: 'new' }),
      deal({ id: 'l2', status: 'lost', close: '2026-03-15', amount: 400, channel: 'renewal' }),
      deal({ id: 'l3', status: 'lost', close: '2026-01-20', amount: 50, channel: 'new' }),
      deal({ id: 'o1', status: 'open', close: '2026-02-01', amount: 700, channel: 'new' }),
    ];
    const result = winRate(deals, q1, ctx);
    expect(result).toMatchObject({ range: q1, won: 2, lost: 3, wonAmount: 500, lostAmount: 550, byCount: 0.4 });
    expect(result.byValue).toBeCloseTo(10 / 21, 12);
    expect(result.byChannel.new).toMatchObject({ won: 1, lost: 2, wonAmount: 300, lostAmount: 150 });
    expect(result.byChannel.new.byCount).toBeCloseTo(1 / 3, 12);
    expect(result.byChannel.new.byValue).toBeCloseTo(2 / 3, 12);
    expect(result.byChannel.upsell).toEqual({ won: 1, lost: 0, wonAmount: 200, lostAmount: 0, byCount: 1, byValue: 1 });
    expect(result.byChannel.renewal).toEqual({ won: 0, lost: 1, wonAmount: 0, lostAmount: 400, byCount: 0, byValue: 0 });
    expect(result.byChannel.winback).toEqual(none);
  });

  it('is null, not NaN, when nothing closed', () => {
    const result = winRate([], q1, ctx);
    expect(result).toMatchObject(none);
    expect(Object.keys(result.byChannel)).toEqual(['renewal', 'upsell', 'winback', 'new', 'unset']);
  });

  it('leaves out deals closed after the as-of date', () => {
    const deals = [deal({ id: 'w1', status: 'won', close: '2026-03-31' }), deal({ id: 'l1', status: 'lost', close: '2026-03-01' })];
    expect(winRate(deals, q1, context('2026-03-20'))).toMatchObject({ won: 0, lost: 1, byCount: 0 });
  });

  it('gives a null value rate when everything closed at zero', () => {
    const deals = [deal({ id: 'w1', status: 'won', close: '2026-02-01', amount: 0 })];
    expect(winRate(deals, q1, ctx)).toMatchObject({ byCount: 1, byValue: null });
  });

  it('sums amounts to the cent, per channel and in total', () => {
    // new: won 0.10 + 0.20 = 0.30 (not 0.30000000000000004); upsell: won 0.05, lost 0.15.
    // Total won 0.35, lost 0.15 → by value 0.35 ÷ 0.50 = 0.7.
    const deals = [
      deal({ id: 'w1', status: 'won', close: '2026-02-01', amount: 0.1, channel: 'new' }),
      deal({ id: 'w2', status: 'won', close: '2026-02-02', amount: 0.2, channel: 'new' }),
      deal({ id: 'w3', status: 'won', close: '2026-02-03', amount: 0.05, channel: 'upsell' }),
      deal({ id: 'l1', status: 'lost', close: '2026-02-04', amount: 0.15, channel: 'upsell' }),
    ];
    const result = winRate(deals, q1, ctx);
    expect(result).toMatchObject({ won: 3, lost: 1, wonAmount: 0.35, lostAmount: 0.15, byCount: 0.75 });
    expect(result.byValue).toBeCloseTo(0.7, 12);
    expect(result.byChannel.new).toMatchObject({ won: 2, lost: 0, wonAmount: 0.3, lostAmount: 0, byValue: 1 });
    expect(result.byChannel.upsell).toMatchObject({ won: 1, lost: 1, wonAmount: 0.05, lostAmount: 0.15, byCount: 0.5 });
  });

  it('does not mutate its input', () => {
    const deals = frozen([deal({ id: 'w1', status: 'won', close: '2026-02-01', amount: 5 })]);
    expect(winRate(deals, q1, ctx).byCount).toBe(1);
  });

  it('gives no value-based rate when the lost deals carry no value (absent, not 100 %)', () => {
    // Q1: won 300; lost two deals with amount 0. By count 1 ÷ 3; by value: lost value unknown → null.
    const deals = [
      deal({ id: 'w', status: 'won', stageId: 'won', amount: 300, close: '2026-02-01' }),
      deal({ id: 'l1', status: 'lost', stageId: 'lost', amount: 0, close: '2026-02-02' }),
      deal({ id: 'l2', status: 'lost', stageId: 'lost', amount: 0, close: '2026-02-03' }),
    ];
    const result = winRate(deals, q1, ctx);
    expect([result.won, result.lost, result.byValue]).toEqual([1, 2, null]);
    expect(result.byCount).toBeCloseTo(1 / 3);
  });
});
