import { describe, expect, it } from 'vitest';
import { staleExport } from '../../../src/quality/checks/stale-export.ts';
import { activity, deal, EMPTY, input } from '../helpers.ts';

// as-of 2026-11-20, staleExportDays 7 (stale when MORE than 7 days old)
// deals: 2 open created 11-01 (its close 12-31 is a plan, skipped) · 3 won closed 11-12 · 4 updated 11-13
//   → newest 11-13, 7 days → fresh
// activities: 2 on 11-10 · 3 booked for 12-01 (after as-of, skipped) → newest 11-10, 10 days → stale
const deals = [
  deal(2, { created: '2026-11-01', close: '2026-12-31' }),
  deal(3, { status: 'won', stageId: 'won', created: '2026-10-01', close: '2026-11-12' }),
  deal(4, { created: '2026-10-05', updated: '2026-11-13' }),
];
const activities = [activity(2, { date: '2026-11-10' }), activity(3, { type: 'meeting_booked', date: '2026-12-01' })];

describe('staleExport', () => {
  it('flags each file whose newest date is more than staleExportDays old', () => {
    expect(staleExport(input({ deals, activities }))).toEqual([
      {
        code: 'StaleExport',
        file: 'activities.csv',
        line: 0,
        message: 'newest record is from 2026-11-10, 10 days before 2026-11-20 (limit 7 days)',
        args: { newest: '2026-11-10', asOf: '2026-11-20', days: 10, limit: 7 },
      },
    ]);
  });

  it('flags deals at 8 days, and skips activities when the file is absent', () => {
    const older = [deals[0]!, deals[1]!, deal(4, { created: '2026-10-05' })]; // newest now 11-12
    const issues = staleExport(input({ deals: older }, { present: { activities: false } }));
    expect(issues.map((issue) => `${issue.file}:${issue.line} ${issue.message}`)).toEqual([
      'deals.csv:0 newest record is from 2026-11-12, 8 days before 2026-11-20 (limit 7 days)',
    ]);
  });

  it('does not take an open deal’s expected close date as a sign of freshness', () => {
    const onlyOpen = input({ deals: [deal(2, { created: '2026-10-01', close: '2026-11-19' })] });
    expect(staleExport(onlyOpen).map((issue) => issue.message)).toEqual(['newest record is from 2026-10-01, 50 days before 2026-11-20 (limit 7 days)']);
    const lenient = input(onlyOpen.records, { settings: { staleExportDays: 60 } });
    expect(staleExport(lenient)).toEqual([]);
  });

  it('gives nothing for empty input', () => {
    expect(staleExport(EMPTY)).toEqual([]);
  });
});
