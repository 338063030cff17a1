import { describe, expect, it } from 'vitest';
import { slippedDeals } from '../../src/metrics/slipped-deals.ts';
import { context, deal, frozen } from './fixtures-pipeline.ts';

const ctx = context('2026-04-01');

describe('slippedDeals', () => {
  it('lists open deals whose close date has passed, most overdue first', () => {
    // On Apr 1: p1 closed Mar 31 (quarter end) → 1 day; p3 Dec 31 → 31 + 28 + 31 + 1 = 91;
    // p7 Mar 1 → 31. p2 is due today; p4 won; p5 created after as-of; p6 lost.
    // Amounts 100 + 300 + 700 = 1100. p3 runs 36 months: annual volume 300 / 3 = 100; the others
    // have no term (one year): annual volume = amount.
    const deals = [
      deal({ id: 'p1', close: '2026-03-31', amount: 100 }),
      deal({ id: 'p2', close: '2026-04-01', amount: 200 }),
      deal({ id: 'p3', stageId: 'proposal', created: '2025-10-01', close: '2025-12-31', amount: 300, termMonths: 36, contractYears: 3, annualAmount: 100 }),
      deal({ id: 'p4', status: 'won', close: '2026-01-01', amount: 400 }),
      deal({ id: 'p5', created: '2026-04-02', close: '2026-03-01', amount: 500 }),
      deal({ id: 'p6', status: 'lost', close: '2026-02-01', amount: 600 }),
      deal({ id: 'p7', close: '2026-03-01', amount: 700, ownerId: 'u2', name: 'Big one' }),
    ];
    expect(slippedDeals(deals, ctx)).toEqual({
      asOf: '2026-04-01',
      count: 3,
      amount: 1100,
      deals: [
        { id: 'p3', name: 'Deal p3', ownerId: 'u1', stageId: 'proposal', amount: 300, annualAmount: 100, close: '2025-12-31', daysOverdue: 91 },
        { id: 'p7', name: 'Big one', ownerId: 'u2', stageId: 'qualification', amount: 700, annualAmount: 700, close: '2026-03-01', daysOverdue: 31 },
        { id: 'p1', name: 'Deal p1', ownerId: 'u1', stageId: 'qualification', amount: 100, annualAmount: 100, close: '2026-03-31', daysOverdue: 1 },
      ],
    });
  });

  it('is empty without deals', () => {
    expect(slippedDeals([], ctx)).toEqual({ asOf: '2026-04-01', count: 0, amount: 0, deals: [] });
  });

  it('counts overdue days across the ISO week 53 year end', () => {
    // Expected Thu 2026-12-31, as of Sun 2027-01-03 (same week 2026-W53): 3 days.
    const result = slippedDeals([deal({ id: 'd1', created: '2026-12-01', close: '2026-12-31' })], context('2027-01-03'));
    expect(result.deals[0]!.daysOverdue).toBe(3);
  });

  it('does not mutate its input', () => {
    const deals = frozen([deal({ id: 'b', close: '2026-03-01' }), deal({ id: 'a', close: '2026-03-01' })]);
    expect(slippedDeals(deals, ctx).deals.map((row) => row.id)).toEqual(['a', 'b']);
  });
});
