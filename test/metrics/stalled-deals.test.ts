import { describe, expect, it } from 'vitest';
import { stalledDeals } from '../../src/metrics/stalled-deals.ts';
import { activity, context, deal, frozen } from './fixtures-pipeline.ts';
import { factsOf } from './fixtures.ts';

// Default threshold 30 days; negotiation deals stall after 10.
const ctx = context('2026-03-31', {
  stages: [
    { id: 'qualification', probability: 0.1, status: 'open' },
    { id: 'negotiation', probability: 0.8, status: 'open', stalledDays: 10 },
    { id: 'won', probability: 1, status: 'won' },
    { id: 'lost', probability: 0, status: 'lost' },
  ],
});

describe('stalledDeals', () => {
  it('lists open deals untouched for the stage or default threshold', () => {
    // Last touch → days to Mar 31 (threshold): s1 created Jan 1 → 89 (30) stalled;
    // s2 updated Mar 1 → 30 (30) stalled; s3 updated Mar 2 → 29 not; s4 deal activity Mar 20 → 11 not;
    // s5 only an activity after as-of → 89 stalled; s6 negotiation updated Mar 20 → 11 (10) stalled;
    // s7 created Mar 15 → 16 not; s8 won; s9 updated after as-of → 89 stalled.
    // An account-only activity does not touch s1. Order: 89 (s1, s5, s9), 30 (s2), 11 (s6).
    // Amounts 100 + 500 + 900 + 200 + 600 = 2300.
    const deals = [
      deal({ id: 's1', created: '2026-01-01', amount: 100 }),
      deal({ id: 's2', created: '2026-01-01', updated: '2026-03-01', amount: 200 }),
      deal({ id: 's3', created: '2026-01-01', updated: '2026-03-02', amount: 300 }),
      deal({ id: 's4', created: '2026-01-01', amount: 400 }),
      deal({ id: 's5', created: '2026-01-01', amount: 500 }),
      // A 24-month contract: 600 of contract value is 600 / 2 = 300 of annual volume.
      deal({
        id: 's6',
        stageId: 'negotiation',
        created: '2026-01-01',
        updated: '2026-03-20',
        amount: 600,
        termMonths: 24,
        contractYears: 2,
        annualAmount: 300,
      }),
      deal({ id: 's7', created: '2026-03-15', amount: 700 }),
      deal({ id: 's8', status: 'won', created: '2025-01-01', amount: 800 }),
      deal({ id: 's9', created: '2026-01-01', updated: '2026-04-10', amount: 900 }),
    ];
    const activities = [
      activity({ id: 'c1', type: 'call', date: '2026-03-20', dealId: 's4' }),
      activity({ id: 'c2', type: 'email', date: '2026-04-05', dealId: 's5' }),
      activity({ id: 'c3', type: 'call', date: '2026-03-30', accountId: 'a1' }),
    ];
    const result = stalledDeals(deals, factsOf(activities, ctx).lastByDeal, ctx);
    expect(result).toMatchObject({ asOf: '2026-03-31', count: 5, amount: 2300 });
    expect(result.deals.map((row) => [row.id, row.daysSinceTouch])).toEqual([
      ['s1', 89],
      ['s5', 89],
      ['s9', 89],
      ['s2', 30],
      ['s6', 11],
    ]);
    expect(result.deals[4]).toEqual({
      id: 's6',
      name: 'Deal s6',
      ownerId: 'u1',
      stageId: 'negotiation',
      amount: 600,
      annualAmount: 300,
      lastTouch: '2026-03-20',
      daysSinceTouch: 11,
      stalledDays: 10,
    });
  });

  it('is empty without deals', () => {
    expect(stalledDeals([], new Map(), ctx)).toEqual({ asOf: '2026-03-31', count: 0, amount: 0, deals: [] });
  });

  it('counts days across ISO week 53 and the year end', () => {
    // Touched Thu 2026-12-31 (2026-W53); on 2027-01-30 that is 30 days: stalled at the default 30.
    const result = stalledDeals([deal({ id: 'd1', created: '2026-12-31' })], new Map(), context('2027-01-30'));
    expect(result.deals.map((row) => row.daysSinceTouch)).toEqual([30]);
  });

  it('does not mutate its input', () => {
    const deals = frozen([deal({ id: 'b', created: '2026-01-01' }), deal({ id: 'a', created: '2026-01-01' })]);
    const activities = frozen([activity({ id: 'c1', type: 'call', date: '2026-01-02', dealId: 'a' })]);
    expect(stalledDeals(deals, factsOf(activities, ctx).lastByDeal, ctx).deals.map((row) => row.id)).toEqual(['b', 'a']);
  });
});
