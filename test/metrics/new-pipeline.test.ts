import { describe, expect, it } from 'vitest';
import { newPipeline, newPipelineSpan } from '../../src/metrics/new-pipeline.ts';
import { context, deal, frozen } from './fixtures-pipeline.ts';

const weeks = ['2026-W52', '2026-W53', '2027-W01'];
const ctx = context('2027-01-20');

describe('newPipeline', () => {
  it('counts deals by the ISO week they were created in, across week 53', () => {
    // W52 = Dec 21–27: n1 100. W53 = Dec 28 – Jan 3: n2 200 (won), n3 300 (lost, Thu Dec 31),
    // n4 400 (Sun Jan 3) = 900. W01 = Jan 4–10: n5 500. Out: n6 (W51), n7 (W02).
    // Total 5 deals, 1500; average 5 ÷ 3 deals and 1500 ÷ 3 = 500 per week.
    const deals = [
      deal({ id: 'n1', created: '2026-12-21', amount: 100 }),
      deal({ id: 'n2', created: '2026-12-28', amount: 200, status: 'won', close: '2027-01-10' }),
      deal({ id: 'n3', created: '2026-12-31', amount: 300, status: 'lost', close: '2027-01-15' }),
      deal({ id: 'n4', created: '2027-01-03', amount: 400 }),
      deal({ id: 'n5', created: '2027-01-04', amount: 500 }),
      deal({ id: 'n6', created: '2026-12-20', amount: 600 }),
      deal({ id: 'n7', created: '2027-01-11', amount: 700 }),
    ];
    const result = newPipeline(deals, weeks, ctx);
    expect(result).toMatchObject({
      weeks: [
        { week: '2026-W52', count: 1, amount: 100 },
        { week: '2026-W53', count: 3, amount: 900 },
        { week: '2027-W01', count: 1, amount: 500 },
      ],
      count: 5,
      amount: 1500,
      averageAmount: 500,
    });
    expect(result.averageCount).toBeCloseTo(5 / 3, 12);
  });

  it('lists empty weeks with zeros, and has no average without weeks', () => {
    expect(newPipeline([], weeks, ctx).weeks.map((row) => row.count)).toEqual([0, 0, 0]);
    expect(newPipeline([deal({ id: 'd1', created: '2027-01-05' })], [], ctx)).toEqual({
      weeks: [],
      count: 0,
      amount: 0,
      averageCount: null,
      averageAmount: null,
    });
  });

  it('leaves out deals created after the as-of date', () => {
    // As of Sat Jan 2: n4 (Sun Jan 3) and n5 (Jan 4) are not created yet.
    const deals = [
      deal({ id: 'n3', created: '2026-12-31', amount: 300 }),
      deal({ id: 'n4', created: '2027-01-03', amount: 400 }),
      deal({ id: 'n5', created: '2027-01-04', amount: 500 }),
    ];
    expect(newPipeline(deals, weeks, context('2027-01-02'))).toMatchObject({ count: 1, amount: 300 });
  });

  it('follows the listed order, counts a week listed twice once, and matches nothing to a label that is no week', () => {
    // W01 = Jan 4–10: n1 100; W52 = Dec 21–27: n2 50. '2026-W54' does not exist: zero. n3 (W02) is
    // after the last listed week. Rows: W01, W52, W54 (W01 listed twice, once); total 2, 150 over 3.
    const deals = [
      deal({ id: 'n1', created: '2027-01-04', amount: 100 }),
      deal({ id: 'n2', created: '2026-12-27', amount: 50 }),
      deal({ id: 'n3', created: '2027-01-11', amount: 70 }),
    ];
    expect(newPipeline(deals, ['2027-W01', '2026-W52', '2027-W01', '2026-W54'], ctx)).toEqual({
      weeks: [
        { week: '2027-W01', count: 1, amount: 100 },
        { week: '2026-W52', count: 1, amount: 50 },
        { week: '2026-W54', count: 0, amount: 0 },
      ],
      count: 2,
      amount: 150,
      averageCount: 2 / 3,
      averageAmount: 50,
    });
  });

  it('does not mutate its input', () => {
    const deals = frozen([deal({ id: 'd1', created: '2027-01-05', amount: 5 })]);
    expect(newPipeline(deals, frozen([...weeks]), ctx).amount).toBe(5);
  });
});

describe('newPipelineSpan', () => {
  it('spans the listed weeks from the first Monday to the last Sunday, in any order', () => {
    // 2027-W01 = Jan 4–10, 2026-W52 = Dec 21–27; a label that is no week is left out.
    expect(newPipelineSpan(['2027-W01', 'not a week', '2026-W52'])).toEqual({ start: '2026-12-21', end: '2027-01-10' });
    expect(newPipelineSpan(weeks)).toEqual({ start: '2026-12-21', end: '2027-01-10' });
  });

  it('is undefined without a week', () => {
    expect(newPipelineSpan([])).toBeUndefined();
    expect(newPipelineSpan(['2026-W99'])).toBeUndefined();
  });
});
