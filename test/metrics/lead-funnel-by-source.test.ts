import { describe, expect, it } from 'vitest';
import { leadFunnelBySource, median } from '../../src/metrics/lead-funnel-by-source.ts';
import { leadPaths } from '../../src/metrics/lead-funnel-paths.ts';
import { AS_OF, Q1, activities, deals, leads } from './lead-funnel-fixture.ts';

const linked = leadPaths({ leads, deals, activities }, AS_OF);
const figures = (row: { links: { count: number | null; conversion: number | null; medianDays: number | null }[] }) =>
  row.links.map((l) => [l.count, l.conversion, l.medianDays]);

describe('leadFunnelBySource (cohort)', () => {
  const result = leadFunnelBySource(linked, Q1, AS_OF);

  it('orders sources by leads, then deals, blank source kept as its own row', () => {
    // web 3 leads, event 2 (2 deals), partner 2 (0 deals), blank 1.
    expect(result.rows.map((r) => r.source)).toEqual(['web', 'event', 'partner', '']);
  });

  it('follows the web cohort through every link', () => {
    // Cohort: L1, L2, L3 (created in Q1; L9 is from December) and D5 (a deal without a lead).
    // leads 3; qualified L1, L2 = 2 (2/3), median (5 + 6) / 2 = 5.5 days;
    // meetings L1 = 1 (1/2), 01-10 → 01-15 = 5 days; deals: L1 and D5 = 2, of the meetings' L1: 1/1,
    // 01-15 → 01-20 = 5 days; won L1 = 1, of the deals L1, D5: 1/2, 01-20 → 02-01 = 12 days.
    const web = result.rows[0]!;
    expect(figures(web)).toEqual([
      [3, null, null],
      [2, 2 / 3, 5.5],
      [1, 0.5, 5],
      [2, 1, 5],
      [1, 0.5, 12],
    ]);
    expect(web).toMatchObject({ open: 2, wonAmount: 100, withoutLead: 1 }); // open: L2, D5
    // Of the 3 leads (D5 is no lead): L1 won, L2 stopped at qualified, L3 at leads. Lead → won 1/3.
    expect(web.stoppedAt).toEqual([1, 1, 0, 0, 1]);
    expect(web.leadToWon).toBe(1 / 3);
  });

  it('counts a lead at a link it passed without a date, and a deal without a lead from the deals link on', () => {
    // event: L4, L5, D6 (names L99: no lead). leads 2; qualified L4 = 1 (1/2, 2 days);
    // meetings: L4 (won, so past it) = 1 (1/1, no dates); deals: L4, D6 = 2 (of meetings' L4: 1/1);
    // won: L4, D6 = 2 (2/2), days 02-10 → 03-01 = 19 and 03-05 → 03-20 = 15, median 17.
    const event = result.rows[1]!;
    expect(figures(event)).toEqual([
      [2, null, null],
      [1, 0.5, 2],
      [1, 1, null],
      [2, 1, null],
      [2, 1, 17],
    ]);
    expect(event).toMatchObject({ open: 1, wonAmount: 250, withoutLead: 1 });
    // Leads L4 (won) and L5 (stopped at leads): 1/2; D6 won but came from no lead.
    expect([event.stoppedAt, event.leadToWon]).toEqual([[1, 0, 0, 0, 1], 0.5]);
  });

  it('shows a source with no conversion as 0, and no conversion where nothing got to the link before', () => {
    // partner: L7, L8 (converted after as-of). qualified L8 = 1 (1/2, 3 days); meetings 0 (0/1);
    // deals 0, of 0 at meetings: none; won 0: none.
    expect(figures(result.rows[2]!)).toEqual([
      [2, null, null],
      [1, 0.5, 3],
      [0, 0, null],
      [0, null, null],
      [0, null, null],
    ]);
    expect(result.rows[2]).toMatchObject({ open: 2, wonAmount: 0, leadToWon: 0, stoppedAt: [1, 1, 0, 0, 0] });
  });

  it('gives the blank source its row', () => {
    // L6: qualified 02-11 (1 day), deal D3 lost: past meetings, at deals, not won.
    expect(figures(result.rows[3]!)).toEqual([
      [1, null, null],
      [1, 1, 1],
      [1, 1, null],
      [1, 1, null],
      [0, 0, null],
    ]);
    expect(result.rows[3]).toMatchObject({ open: 0, wonAmount: 0 });
  });

  it('totals every source, and the rows add up to the total', () => {
    // leads 8 (L1–L8); qualified L1 L2 L4 L6 L8 = 5 (5/8); meetings L1 L4 L6 = 3 (3/5);
    // deals L1 L4 L6 D5 D6 = 5, of the 3 at meetings all 3: 1; won L1 L4 D6 = 3 of 5 at deals: 0.6.
    const t = result.total;
    expect(t.links.map((l) => [l.count, l.conversion])).toEqual([
      [8, null],
      [5, 5 / 8],
      [3, 3 / 5],
      [5, 1],
      [3, 0.6],
    ]);
    expect(t).toMatchObject({ open: 5, wonAmount: 350, withoutLead: 2 });
    for (let k = 0; k < 5; k++) expect(result.rows.reduce((sum, r) => sum + (r.links[k]!.count ?? 0), 0)).toBe(t.links[k]!.count);
  });

  it('never gives a conversion above 100 %, whatever the range', () => {
    for (const range of [
      Q1,
      { start: '2026-01-01', end: '2026-01-31' },
      { start: '2025-01-01', end: '2026-12-31' },
      { start: '2026-03-01', end: '2026-03-31' },
    ]) {
      const r = leadFunnelBySource(linked, range, AS_OF);
      for (const row of [...r.rows, r.total]) for (const l of row.links) expect(l.conversion ?? 0).toBeLessThanOrEqual(1);
    }
  });

  it('has no counts for links no export carries, and nothing for an empty range', () => {
    const only = leadPaths({ leads, deals: [], activities: [] }, AS_OF);
    // Leads only: L8's conversion is after as-of, so no lead reached a deal by as-of: deals and won unknown.
    expect(leadFunnelBySource(only, Q1, AS_OF).total.links.map((l) => l.count)).toEqual([8, 5, null, null, null]);
    // Absent is not zero: with no won link, lead → won is unknown, not 0 %.
    expect(leadFunnelBySource(only, Q1, AS_OF).total.leadToWon).toBeNull();
    expect(leadFunnelBySource(linked, { start: '2020-01-01', end: '2020-12-31' }, AS_OF).rows).toEqual([]);
  });

  it('takes the middle of the numbers for the median', () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([])).toBeNull();
  });
});
