import { describe, expect, it } from 'vitest';
import { leadFunnelPeriod } from '../../src/metrics/lead-funnel-period.ts';
import { leadPaths } from '../../src/metrics/lead-funnel-paths.ts';
import { AS_OF, Q1, activities, deals, leads } from './lead-funnel-fixture.ts';

const linked = leadPaths({ leads, deals, activities }, AS_OF);
const counts = (row: { links: { count: number | null; fromEarlier: number | null }[] }) => row.links.map((l) => [l.count, l.fromEarlier]);

describe('leadFunnelPeriod', () => {
  it('counts what happened in January at each link, and what came from leads of before', () => {
    // In January: leads created L1 L2 L3 = 3; qualified L1 (01-10), L2 (01-12) = 2; meetings L1 (01-15) = 1;
    // deals created D1 (01-20, L1) and D4 (01-02, lead L9 of December) = 2, 1 from earlier;
    // won D4 (01-25) = 1, from L9 of December: 1 from earlier; won volume 400.
    const january = leadFunnelPeriod(linked, { start: '2026-01-01', end: '2026-01-31' }, AS_OF);
    expect(january.rows.map((r) => r.source)).toEqual(['web']);
    expect(counts(january.total)).toEqual([
      [3, 0],
      [2, 0],
      [1, 0],
      [2, 1],
      [1, 1],
    ]);
    expect(january.total.wonAmount).toBe(400);
  });

  it('counts each event in its own period: the quarter has every won deal dated in it', () => {
    // Q1: leads L1–L8 = 8; qualified L1 L2 L4 L6 L8 = 5 (L9's is in December); meetings 1 (L1);
    // deals D1 D2 D3 D4 D5 D6 = 6 (D4 from L9 of December: 1 earlier);
    // won D1 D2 D4 D6 = 4 (D4 earlier), volume 100 + 200 + 400 + 50 = 750.
    const q1 = leadFunnelPeriod(linked, Q1, AS_OF);
    expect(counts(q1.total)).toEqual([
      [8, 0],
      [5, 0],
      [1, 0],
      [6, 1],
      [4, 1],
    ]);
    expect(q1.total.wonAmount).toBe(750);
    expect(q1.rows.map((r) => r.source)).toEqual(['web', 'event', 'partner', '']);
  });

  it('counts nothing after the as-of date', () => {
    // L8 converted 04-10, after as-of: April shows no deal.
    const april = leadFunnelPeriod(linked, { start: '2026-04-01', end: '2026-04-30' }, AS_OF);
    expect(april.rows).toEqual([]);
    expect(counts(april.total)).toEqual([
      [0, 0],
      [0, 0],
      [0, 0],
      [0, 0],
      [0, 0],
    ]);
  });
});
