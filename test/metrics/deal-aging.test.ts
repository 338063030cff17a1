import { describe, expect, it } from 'vitest';
import { dealAging } from '../../src/metrics/deal-aging.ts';
import { context, deal, frozen } from './fixtures-pipeline.ts';

const ctx = context('2026-03-31');

describe('dealAging', () => {
  it('buckets open deals by days since created, at every bucket edge', () => {
    // Ages on Mar 31: Mar 31 → 0; Mar 1 → 30; Feb 28 → 31; Jan 30 → 1 + 28 + 31 = 60; Jan 29 → 61;
    // Dec 31 → 31 + 28 + 31 = 90; Dec 30 → 91; Oct 2 → 29 + 30 + 31 + 90 = 180; Oct 1 → 181.
    // Buckets: 0–30 {10, 20} = 30; 31–60 {30, 40} = 70; 61–90 {50, 60} = 110; 91–180 {70, 80} = 150;
    // 181+ {90}. Total 9 deals, 450; average age (0+30+31+60+61+90+91+180+181) ÷ 9 = 724 ÷ 9.
    const deals = [
      deal({ id: 'a0', created: '2026-03-31', amount: 10 }),
      deal({ id: 'a30', created: '2026-03-01', amount: 20 }),
      deal({ id: 'a31', created: '2026-02-28', amount: 30 }),
      deal({ id: 'a60', created: '2026-01-30', amount: 40 }),
      deal({ id: 'a61', created: '2026-01-29', amount: 50 }),
      deal({ id: 'a90', created: '2025-12-31', amount: 60 }),
      deal({ id: 'a91', created: '2025-12-30', amount: 70 }),
      deal({ id: 'a180', created: '2025-10-02', amount: 80 }),
      deal({ id: 'a181', created: '2025-10-01', amount: 90 }),
      deal({ id: 'won', status: 'won', created: '2025-01-01', amount: 1000 }),
      deal({ id: 'future', created: '2026-04-01', amount: 1000 }),
    ];
    const result = dealAging(deals, ctx);
    expect(result).toMatchObject({ asOf: '2026-03-31', count: 9, amount: 450 });
    expect(result.averageAgeDays).toBeCloseTo(724 / 9, 12);
    expect(result.buckets).toEqual([
      { bucket: '0-30', minDays: 0, maxDays: 30, count: 2, amount: 30 },
      { bucket: '31-60', minDays: 31, maxDays: 60, count: 2, amount: 70 },
      { bucket: '61-90', minDays: 61, maxDays: 90, count: 2, amount: 110 },
      { bucket: '91-180', minDays: 91, maxDays: 180, count: 2, amount: 150 },
      { bucket: '181+', minDays: 181, maxDays: null, count: 1, amount: 90 },
    ]);
  });

  it('lists every bucket empty without deals', () => {
    const result = dealAging([], ctx);
    expect(result).toMatchObject({ count: 0, amount: 0, averageAgeDays: null });
    expect(result.buckets.map((bucket) => [bucket.bucket, bucket.count])).toEqual([
      ['0-30', 0],
      ['31-60', 0],
      ['61-90', 0],
      ['91-180', 0],
      ['181+', 0],
    ]);
  });

  it('counts ages across a year end in calendar days', () => {
    // 2026-12-31 → 2027-01-03 = 3 days, both in ISO week 2026-W53.
    const result = dealAging([deal({ id: 'd1', created: '2026-12-31', amount: 5 })], context('2027-01-03'));
    expect(result.averageAgeDays).toBe(3);
  });

  it('does not mutate its input', () => {
    const deals = frozen([deal({ id: 'd1', created: '2026-03-01', amount: 5 })]);
    expect(dealAging(deals, ctx).buckets[0]!.count).toBe(1);
  });

  it('counts an open deal without created date, of unknown age, in no bucket nor the average', () => {
    // a10: Mar 21 → 10 days, 100; nocreated: created '' (exported without), 40 → count 2, 140;
    // buckets 0–30 {a10} = 1; unknownAge 1, 40; average 10 ÷ 1 = 10.
    const result = dealAging([deal({ id: 'a10', created: '2026-03-21', amount: 100 }), deal({ id: 'nocreated', created: '', amount: 40 })], ctx);
    expect(result).toMatchObject({ count: 2, amount: 140, averageAgeDays: 10, unknownAge: { count: 1, amount: 40 } });
    expect(result.buckets.map((b) => b.count)).toEqual([1, 0, 0, 0, 0]);
  });
});
