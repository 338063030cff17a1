import { describe, expect, it } from 'vitest';
import { leadFunnelByOwner } from '../../src/metrics/lead-funnel-by-owner.ts';
import { leadPaths } from '../../src/metrics/lead-funnel-paths.ts';
import { AS_OF, Q1, activities, deals, leads } from './lead-funnel-fixture.ts';

describe('leadFunnelByOwner', () => {
  const rows = leadFunnelByOwner(leadPaths({ leads, deals, activities }, AS_OF), Q1);
  const of = (id: string) => rows.find((r) => r.ownerId === id)!.links.map((l) => [l.count, l.conversion]);

  it('puts each link with whoever held the lead there: the SDR, then the closer', () => {
    // Owners at leads/qualified/meetings: s1 (L1 L2 L6 L7 L8), s2 (L3 L4 L5); at deals/won: c1 (D1 D2 D5), c2 (D3 D6).
    expect(rows.map((r) => r.ownerId)).toEqual(['s1', 's2', 'c1', 'c2']);
    // s1: leads 5; qualified L1 L2 L6 L8 = 4 (4/5); meetings L1 L6 = 2 (2/4); deals: none held by s1,
    // but of s1's 2 at meetings both got a deal (2/2); won: s1 held no deal: none.
    expect(of('s1')).toEqual([
      [5, null],
      [4, 0.8],
      [2, 0.5],
      [0, 1],
      [0, null],
    ]);
    // s2: leads 3; qualified L4 (1/3); meetings L4 (1/1); deals: L4's deal (1/1).
    expect(of('s2')).toEqual([
      [3, null],
      [1, 1 / 3],
      [1, 1],
      [0, 1],
      [0, null],
    ]);
    // c1: deals D1 D2 D5 = 3; won D1 D2 = 2 (2/3). c2: deals D3 D6 = 2; won D6 = 1 (1/2).
    expect(of('c1')).toEqual([
      [0, null],
      [0, null],
      [0, null],
      [3, null],
      [2, 2 / 3],
    ]);
    expect(of('c2')).toEqual([
      [0, null],
      [0, null],
      [0, null],
      [2, null],
      [1, 0.5],
    ]);
  });
});
