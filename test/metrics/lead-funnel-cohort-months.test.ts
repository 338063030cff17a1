import { describe, expect, it } from 'vitest';
import { leadCohortMonths } from '../../src/metrics/lead-funnel-cohort-months.ts';
import { leadPaths } from '../../src/metrics/lead-funnel-paths.ts';
import { AS_OF, Q1, activities, deals, leads } from './lead-funnel-fixture.ts';

describe('leadCohortMonths', () => {
  it('gives each month of leads its won and still-open count', () => {
    // January L1 L2 L3: won L1, open L2 (L3 turned down); February L4 L5 L6: won L4, open L5 (L6's deal lost);
    // March L7 L8: nothing won, both open (L8's conversion is after as-of). Deals without a lead (D5, D6) are left out.
    expect(leadCohortMonths(leadPaths({ leads, deals, activities }, AS_OF), Q1)).toEqual([
      { month: '2026-01', leads: 3, won: 1, open: 1, conversion: 1 / 3 },
      { month: '2026-02', leads: 3, won: 1, open: 1, conversion: 1 / 3 },
      { month: '2026-03', leads: 2, won: 0, open: 2, conversion: 0 },
    ]);
  });
});

describe('leadCohortMonths without won deals in any export', () => {
  it('has no won count and no conversion (absent, not 0)', () => {
    const rows = leadCohortMonths(leadPaths({ leads, deals: [], activities: [] }, AS_OF), Q1);
    expect(rows.map((r) => [r.month, r.leads, r.won, r.conversion])).toEqual([
      ['2026-01', 3, null, null],
      ['2026-02', 3, null, null],
      ['2026-03', 2, null, null],
    ]);
  });
});
