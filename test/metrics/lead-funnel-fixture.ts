/**
 * A small lead/deal export, hand-built, shared by the lead-funnel tests. As of 2026-03-31.
 * Linking both ways: L1 names its deal D1 (`deal_id`); D2 names its lead L4 (`lead_id`).
 *
 * | lead | created    | source  | owner | qualified  | deal / status                              |
 * |------|------------|---------|-------|------------|--------------------------------------------|
 * | L1   | 2026-01-05 | web     | s1    | 2026-01-10 | D1 (lead → deal), meeting held 01-15, won  |
 * | L2   | 2026-01-06 | web     | s1    | 2026-01-12 | open                                       |
 * | L3   | 2026-01-07 | web     | s2    |            | "Unqualified": turned down                 |
 * | L4   | 2026-02-01 | event   | s2    | 2026-02-03 | D2 (deal → lead), won                      |
 * | L5   | 2026-02-02 | event   | s2    |            | open                                       |
 * | L6   | 2026-02-10 | (blank) | s1    | 2026-02-11 | D3, lost                                   |
 * | L7   | 2026-03-01 | partner | s1    |            | open                                       |
 * | L8   | 2026-03-02 | partner | s1    | 2026-03-05 | converted 2026-04-10, after as-of: open    |
 * | L9   | 2025-12-15 | web     | s1    | 2025-12-20 | D4, won 2026-01-25                         |
 *
 * | deal | created    | status | close      | amount | owner | lead            |
 * |------|------------|--------|------------|--------|-------|-----------------|
 * | D1   | 2026-01-20 | won    | 2026-02-01 | 100    | c1    | (L1 names it)   |
 * | D2   | 2026-02-10 | won    | 2026-03-01 | 200    | c1    | L4              |
 * | D3   | 2026-02-20 | lost   | 2026-03-10 | 300    | c2    | (L6 names it)   |
 * | D4   | 2026-01-02 | won    | 2026-01-25 | 400    | c2    | (L9 names it)   |
 * | D5   | 2026-02-15 | open   | 2026-06-30 | 500    | c1    | none, source web|
 * | D6   | 2026-03-05 | won    | 2026-03-20 | 50     | c2    | L99 (no such lead), source event |
 */
import type { Lead } from '../../src/schemas/leads.ts';
import type { Activity } from '../../src/core/records.ts';
import { activity, deal } from './fixtures-pipeline.ts';

export function lead(fields: Partial<Lead> & { id: string; created: string }): Lead {
  return { file: 'leads.csv', line: 2, ownerId: '', disqualified: false, ...fields };
}

export const AS_OF = '2026-03-31';

export const leads: Lead[] = [
  lead({ id: 'L1', created: '2026-01-05', source: 'web', ownerId: 's1', qualified: '2026-01-10', dealId: 'D1' }),
  lead({ id: 'L2', created: '2026-01-06', source: 'web', ownerId: 's1', qualified: '2026-01-12', status: 'Open' }),
  lead({ id: 'L3', created: '2026-01-07', source: 'web', ownerId: 's2', status: 'Unqualified', disqualified: true }),
  lead({ id: 'L4', created: '2026-02-01', source: 'event', ownerId: 's2', qualified: '2026-02-03' }),
  lead({ id: 'L5', created: '2026-02-02', source: 'event', ownerId: 's2' }),
  lead({ id: 'L6', created: '2026-02-10', ownerId: 's1', qualified: '2026-02-11', dealId: 'D3' }),
  lead({ id: 'L7', created: '2026-03-01', source: 'partner', ownerId: 's1' }),
  lead({ id: 'L8', created: '2026-03-02', source: 'partner', ownerId: 's1', qualified: '2026-03-05', converted: '2026-04-10' }),
  lead({ id: 'L9', created: '2025-12-15', source: 'web', ownerId: 's1', qualified: '2025-12-20', dealId: 'D4' }),
];

export const deals = [
  deal({ id: 'D1', created: '2026-01-20', status: 'won', close: '2026-02-01', amount: 100, ownerId: 'c1' }),
  deal({ id: 'D2', created: '2026-02-10', status: 'won', close: '2026-03-01', amount: 200, ownerId: 'c1', leadId: 'L4' }),
  deal({ id: 'D3', created: '2026-02-20', status: 'lost', close: '2026-03-10', amount: 300, ownerId: 'c2' }),
  deal({ id: 'D4', created: '2026-01-02', status: 'won', close: '2026-01-25', amount: 400, ownerId: 'c2' }),
  deal({ id: 'D5', created: '2026-02-15', close: '2026-06-30', amount: 500, ownerId: 'c1', source: 'web' }),
  deal({ id: 'D6', created: '2026-03-05', status: 'won', close: '2026-03-20', amount: 50, ownerId: 'c2', source: 'event', leadId: 'L99' }),
];

export const activities: Activity[] = [
  activity({ id: 'm1', type: 'meeting_held', date: '2026-01-15', dealId: 'D1' }),
  activity({ id: 'c1', type: 'call', date: '2026-01-14', dealId: 'D1' }),
];

export const Q1 = { start: '2026-01-01', end: '2026-03-31' };
