import { describe, expect, it } from 'vitest';
import { coverage, coverageOf } from '../../src/metrics/coverage.ts';
import { context, deal, frozen } from './fixtures-pipeline.ts';

const q2 = { start: '2026-04-01', end: '2026-06-30' };
const ctx = context('2026-05-15');

describe('coverage', () => {
  it('divides the pipeline that can still close by the remaining target', () => {
    // Window [May 15, Jun 30]: o1 300 (closes on as-of) + o2 a two-year 900 = 450 a year (quarter
    // end): annual volume 300 + 450 = 750, contract value 300 + 900 = 1200. The target is annual
    // volume, so the numerator is too. Out: o3 slipped (May 14), o4 next quarter.
    // Remaining 1000 − 400 = 600 → coverage 750 ÷ 600 = 1.25 (not 1200 ÷ 600 = 2).
    // Trailing year May 16 2025 … May 15 2026: won w1 400 + w2 200 (first day) = 600, lost l1 600
    // (l2 is a day too early) → win rate by value 0.5 → required coverage 2 → needed 600 × 2 = 1200.
    const deals = [
      deal({ id: 'o1', close: '2026-05-15', amount: 300 }),
      deal({ id: 'o2', close: '2026-06-30', amount: 900, annualAmount: 450 }),
      deal({ id: 'o3', close: '2026-05-14', amount: 1000 }),
      deal({ id: 'o4', close: '2026-07-01', amount: 2000 }),
      deal({ id: 'w1', status: 'won', close: '2026-04-20', amount: 400 }),
      deal({ id: 'w2', status: 'won', close: '2025-05-16', amount: 200 }),
      deal({ id: 'l1', status: 'lost', close: '2025-06-01', amount: 600 }),
      deal({ id: 'l2', status: 'lost', close: '2025-05-15', amount: 5000 }),
    ];
    expect(coverage(deals, { period: q2, target: 1000, won: 400 }, ctx)).toEqual({
      window: { start: '2026-05-15', end: '2026-06-30' },
      openCount: 2,
      openAmount: 1200,
      openAnnualVolume: 750,
      target: 1000,
      won: 400,
      remaining: 600,
      coverage: 1.25,
      trailing: { start: '2025-05-16', end: '2026-05-15' },
      trailingWinRateByValue: 0.5,
      requiredCoverage: 2,
      pipelineNeeded: 1200,
      covered: false,
    });
  });

  it('is null-safe without deals', () => {
    expect(coverage([], { period: q2, target: 1000, won: 0 }, ctx)).toMatchObject({
      openAmount: 0,
      remaining: 1000,
      coverage: 0,
      trailingWinRateByValue: null,
      requiredCoverage: null,
      pipelineNeeded: null,
      covered: null,
    });
  });

  it('has no coverage to compute once the target is reached', () => {
    const deals = [deal({ id: 'o1', close: '2026-06-01', amount: 100 }), deal({ id: 'w1', status: 'won', close: '2026-04-02', amount: 500 })];
    expect(coverage(deals, { period: q2, target: 400, won: 500 }, ctx)).toMatchObject({
      remaining: -100,
      coverage: null,
      requiredCoverage: 1,
      pipelineNeeded: 0,
      covered: true,
    });
  });

  it('knows nothing to cover when no target is set: absent, not reached', () => {
    // Same deals as above: won 500 of 500 closed → required 1×, but no target, so nothing remains
    // to cover and nothing is covered (before: target 0 → remaining −500 → "covered").
    const deals = [deal({ id: 'o1', close: '2026-06-01', amount: 100 }), deal({ id: 'w1', status: 'won', close: '2026-04-02', amount: 500 })];
    expect(coverage(deals, { period: q2, target: null, won: 500 }, ctx)).toMatchObject({
      target: null,
      remaining: null,
      coverage: null,
      requiredCoverage: 1,
      pipelineNeeded: null,
      covered: null,
    });
  });

  it('has no required coverage when nothing was won in the trailing year', () => {
    const deals = [deal({ id: 'o1', close: '2026-06-01', amount: 100 }), deal({ id: 'l1', status: 'lost', close: '2026-01-02', amount: 50 })];
    expect(coverage(deals, { period: q2, target: 100, won: 0 }, ctx)).toMatchObject({
      coverage: 1,
      trailingWinRateByValue: 0,
      requiredCoverage: null,
      covered: null,
    });
  });

  it('counts nothing once the period is over', () => {
    const after = context('2026-07-02');
    const deals = [deal({ id: 'o1', close: '2026-07-05', amount: 100 })];
    expect(coverage(deals, { period: q2, target: 100, won: 0 }, after)).toMatchObject({ openAmount: 0, coverage: 0 });
  });

  it('does not mutate its input', () => {
    const deals = frozen([deal({ id: 'o1', close: '2026-06-01', amount: 100 })]);
    expect(coverage(deals, { period: q2, target: 50, won: 0 }, ctx).coverage).toBe(2);
  });

  it('gives the same figures from the open deals and win rate a caller has already computed', () => {
    // Open as of May 15: o1 (300, closes Jun 10, in the window); o2 is created after as-of.
    // Trailing year: won w1 200, lost l1 600 → win rate by value 200 ÷ 800 = 0.25 → required 4.
    // Remaining 1000 − 500 = 500 → coverage 300 ÷ 500 = 0.6; needed 500 × 4 = 2000; not covered.
    const o1 = deal({ id: 'o1', close: '2026-06-10', amount: 300 });
    const deals = [
      o1,
      deal({ id: 'o2', created: '2026-05-20', close: '2026-06-20', amount: 500 }),
      deal({ id: 'w1', status: 'won', close: '2026-03-01', amount: 200 }),
      deal({ id: 'l1', status: 'lost', close: '2025-12-01', amount: 600 }),
    ];
    const input = { period: q2, target: 1000, won: 500 };
    const expected = {
      window: { start: '2026-05-15', end: '2026-06-30' },
      openCount: 1,
      openAmount: 300,
      openAnnualVolume: 300,
      target: 1000,
      won: 500,
      remaining: 500,
      coverage: 0.6,
      trailing: { start: '2025-05-16', end: '2026-05-15' },
      trailingWinRateByValue: 0.25,
      requiredCoverage: 4,
      pipelineNeeded: 2000,
      covered: false,
    };
    expect(coverage(deals, input, ctx)).toEqual(expected);
    expect(coverageOf({ open: [o1], trailingWinRateByValue: 0.25 }, input, ctx)).toEqual(expected);
  });
});
