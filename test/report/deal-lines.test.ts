import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dealList, largestDeals, type DealLineContext } from '../../src/report/deal-lines.ts';
import { context, deal } from '../metrics/fixtures-pipeline.ts';

const lines: DealLineContext = {
  settings: context('2026-11-20').settings,
  accountName: (id) => `Account ${id}`,
  person: (id) => ({ id, name: id, slug: id }),
};

describe('dealList', () => {
  it('lists the largest deals first, ties by id, and counts the rest', () => {
    // amounts 100, 300, 300, 50.5 → listed 300 (d2), 300 (d3); 2 left out.
    // Sums over all four: 100 + 300 + 300 + 50.5 = 750.5; annual amounts 100 + 150 + 300 + 50.5 = 600.5.
    const deals = [
      deal({ id: 'd1', amount: 100 }),
      deal({ id: 'd3', amount: 300 }),
      deal({ id: 'd2', amount: 300, annualAmount: 150 }),
      deal({ id: 'd4', amount: 50.5 }),
    ];
    const list = dealList(deals, lines, 2); // the stage is shown by its label
    expect(list.deals.map((d) => [d.id, d.amount])).toEqual([
      ['d2', 300],
      ['d3', 300],
    ]);
    expect(list).toMatchObject({ count: 4, amount: 750.5, annualAmount: 600.5, more: 2 });
    // Every deal is named, in the same order: 300 (d2), 300 (d3), 100 (d1), 50.5 (d4).
    expect(list.ids).toEqual(['d2', 'd3', 'd1', 'd4']);
    expect(list.deals[0]).toMatchObject({ name: 'Deal d2', account: 'Account a1', stage: 'Qualification', annualAmount: 150 });
  });

  it('is empty for no deals', () => {
    expect(dealList([], lines)).toEqual({ count: 0, amount: 0, annualAmount: 0, deals: [], more: 0, ids: [] });
  });

  it('keeps a row for every listed deal, beyond the cap, for the CSV download', () => {
    const rows = {};
    const list = dealList([deal({ id: 'd1', amount: 100, annualAmount: 50 }), deal({ id: 'd2', amount: 300 })], { ...lines, rows }, 1);
    expect(list.deals.map((d) => d.id)).toEqual(['d2']);
    expect(Object.keys(rows).sort()).toEqual(['d1', 'd2']);
    expect(rows).toMatchObject({ d1: ['Deal d1', 'Account a1', 'u1', 'Qualification', 'open', 'new', 100, 50, '2026-01-05', '2026-06-30'] });
  });
});

describe('largestDeals', () => {
  it('picks the top of a long list without sorting it: 10 of 100', () => {
    // amounts 0, 10, …, 990 in shuffled order: the top 3 are 990, 980, 970.
    const deals = Array.from({ length: 100 }, (_, i) => deal({ id: `d${String(i).padStart(3, '0')}`, amount: ((i * 37) % 100) * 10 }));
    expect(largestDeals(deals, 3).map((d) => d.amount)).toEqual([990, 980, 970]);
  });

  it('agrees with a full sort on random lists (long and short)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ id: fc.string({ maxLength: 3 }), amount: fc.integer({ min: 0, max: 20 }) }), { maxLength: 300 }),
        fc.integer({ min: 1, max: 30 }),
        (rows, cap) => {
          const deals = rows.map((row) => deal(row));
          const sorted = [...deals].sort((a, b) => b.amount - a.amount || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
          const picked = largestDeals(deals, cap);
          expect(picked.map((d) => [d.amount, d.id])).toEqual(sorted.slice(0, cap).map((d) => [d.amount, d.id]));
        },
      ),
    );
  });
});
