import { describe, expect, it } from 'vitest';
import { stalledDeals } from '../../../src/quality/checks/stalled-deal.ts';
import { activity, brief, deal, EMPTY, input } from '../helpers.ts';

const stages = [
  { id: 'qualification', probability: 0.1, status: 'open' as const },
  { id: 'proposal', probability: 0.5, status: 'open' as const, stalledDays: 14 },
  { id: 'won', probability: 1, status: 'won' as const },
  { id: 'lost', probability: 0, status: 'lost' as const },
];

// as-of 2026-11-20; qualification uses settings.stalledDays 30, proposal its own 14.
// 2 qualification created 10-21, nothing else         → 30 days ≥ 30 → stalled (edge)
// 3 qualification created 10-22                       → 29 days → fine
// 4 proposal updated 11-06                            → 14 days ≥ 14 → stalled since 11-06
// 5 proposal updated 10-01, activity 11-10            → 10 days → fine
// 6 proposal activities 10-01 and 10-20               → 31 days since 10-20 → stalled
// 7 won, created 2026-01-01                           → not open → fine
// 8 proposal created 09-01, meeting booked for 12-01  → future dates don't count; 80 days → stalled
// 10 created after as-of (12-01)                      → not stalled
// 9 stage not in settings, created 10-01              → falls back to 30; 50 days → stalled
// activity X7 belongs to a deal that does not exist: ignored
const fixture = input(
  {
    deals: [
      deal(2, { stageId: 'qualification', created: '2026-10-21' }),
      deal(3, { stageId: 'qualification', created: '2026-10-22' }),
      deal(4, { created: '2026-09-01', updated: '2026-11-06', ownerId: 'u2' }),
      deal(5, { created: '2026-09-01', updated: '2026-10-01' }),
      deal(6, { created: '2026-09-01' }),
      deal(7, { stageId: 'won', status: 'won', created: '2026-01-01', close: '2026-02-01' }),
      deal(8, { created: '2026-09-01' }),
      deal(9, { stageId: 'custom', created: '2026-10-01' }),
      deal(10, { created: '2026-12-01', close: '2027-01-31' }),
    ],
    activities: [
      activity(2, { dealId: 'D5', date: '2026-11-10' }),
      activity(3, { dealId: 'D6', date: '2026-10-20' }),
      activity(4, { dealId: 'D6', date: '2026-10-01' }),
      activity(5, { dealId: 'D8', date: '2026-12-01', type: 'meeting_booked' }),
      activity(6, { date: '2026-11-19' }),
      activity(7, { dealId: 'D99', date: '2026-11-19' }),
    ],
  },
  { settings: { stages, stalledDays: 30 } },
);

describe('stalledDeals', () => {
  it('flags open deals silent for at least their stage limit', () => {
    const issues = stalledDeals(fixture);
    expect(brief(issues)).toEqual([
      'StalledDeal deals.csv:2 updated_date',
      'StalledDeal deals.csv:4 updated_date',
      'StalledDeal deals.csv:6 updated_date',
      'StalledDeal deals.csv:8 updated_date',
      'StalledDeal deals.csv:9 updated_date',
    ]);
    expect(issues.map((issue) => issue.message)).toEqual([
      'no activity or update for 30 days (since 2026-10-21); the limit in stage "qualification" is 30 days',
      'no activity or update for 14 days (since 2026-11-06); the limit in stage "proposal" is 14 days',
      'no activity or update for 31 days (since 2026-10-20); the limit in stage "proposal" is 14 days',
      'no activity or update for 80 days (since 2026-09-01); the limit in stage "proposal" is 14 days',
      'no activity or update for 50 days (since 2026-10-01); the limit in stage "custom" is 30 days',
    ]);
    expect(issues[1]).toMatchObject({ recordId: 'D4', ownerId: 'u2' });
  });

  it('follows settings.stalledDays', () => {
    const loose = input(fixture.records, { settings: { stages, stalledDays: 60 } });
    // qualification/custom now need 60 days: 2 (30) and 9 (50) drop out; proposal keeps its own 14
    expect(brief(stalledDeals(loose))).toEqual([
      'StalledDeal deals.csv:4 updated_date',
      'StalledDeal deals.csv:6 updated_date',
      'StalledDeal deals.csv:8 updated_date',
    ]);
  });

  it('gives nothing for empty input', () => {
    expect(stalledDeals(EMPTY)).toEqual([]);
  });
});
