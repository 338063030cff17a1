import { describe, expect, it } from 'vitest';
import { leadPaths } from '../../src/metrics/lead-funnel-paths.ts';
import { deepFreeze } from './fixtures.ts';
import { AS_OF, activities, deals, lead, leads } from './lead-funnel-fixture.ts';

describe('leadPaths', () => {
  const linked = leadPaths({ leads, deals, activities }, AS_OF);
  const path = (id: string) => linked.paths.find((p) => p.leadId === id || (p.leadId === undefined && p.dealId === id))!;

  it('links a lead to its deal both ways: the lead naming the deal, and the deal naming the lead', () => {
    expect(path('L1').dealId).toBe('D1'); // L1 deal_id = D1
    expect(path('L4').dealId).toBe('D2'); // D2 lead_id = L4
    // 9 leads, plus D5 (no lead) and D6 (names L99, which is no lead): 11 paths.
    expect(linked.paths).toHaveLength(11);
    expect(linked.unresolved).toBe(1); // L99
    expect(linked.conflicts).toBe(0);
  });

  it('dates each link and takes the meeting from a held meeting on the deal', () => {
    expect(path('L1').dates).toEqual(['2026-01-05', '2026-01-10', '2026-01-15', '2026-01-20', '2026-02-01']);
    expect(path('L1').reached).toBe(4);
    // L4 has no meeting date: it reached meetings through its won deal all the same.
    expect(path('L4').dates).toEqual(['2026-02-01', '2026-02-03', undefined, '2026-02-10', '2026-03-01']);
    expect(path('L4').reached).toBe(4);
    expect(path('D5')).toMatchObject({ entry: 3, reached: 3, closed: false, source: 'web', leadOwner: '', dealOwner: 'c1' });
    expect(linked.known).toEqual([true, true, true, true, true]);
  });

  it('leaves a conversion after the as-of date out, until the as-of date passes it', () => {
    expect(path('L8')).toMatchObject({ reached: 1, closed: false });
    const later = leadPaths({ leads, deals, activities }, '2026-04-30');
    expect(later.paths.find((p) => p.leadId === 'L8')!.dates[3]).toBe('2026-04-10');
  });

  it('closes a lead turned down, a lost deal and a won one; the rest are open', () => {
    expect(path('L3').closed).toBe(true);
    expect(path('L6').closed).toBe(true); // D3 lost
    expect(path('L2').closed).toBe(false);
  });

  it('gives a deal claimed by two leads to the first and counts the other claim', () => {
    const twice = leadPaths(
      {
        leads: [lead({ id: 'A', created: '2026-01-01', dealId: 'D1' }), lead({ id: 'B', created: '2026-01-02', dealId: 'D1' })],
        deals: [deals[0]!],
        activities: [],
      },
      AS_OF,
    );
    expect(twice.paths.map((p) => [p.leadId, p.dealId])).toEqual([
      ['A', 'D1'],
      ['B', undefined],
    ]);
    expect(twice.conflicts).toBe(1);
  });

  it('marks links no export carries as unknown: leads without deals, deals without leads', () => {
    expect(leadPaths({ leads: [lead({ id: 'A', created: '2026-01-01' })], deals: [], activities: [] }, AS_OF).known).toEqual([
      true,
      false,
      false,
      false,
      false,
    ]);
    expect(leadPaths({ leads: [], deals, activities: [] }, AS_OF).known).toEqual([false, false, false, true, true]);
  });

  it('does not change its input', () => {
    const frozen = deepFreeze({ leads: leads.map((l) => ({ ...l })), deals: [...deals], activities: [...activities] });
    expect(() => leadPaths(frozen, AS_OF)).not.toThrow();
  });
});

describe('leadPaths without leads', () => {
  it('gives a deal without a lead no meetings link, even with held meetings on it', () => {
    // D1 has a held meeting (m1) but, without its lead, enters at deals: meetings stay unknown.
    const alone = leadPaths({ leads: [], deals, activities }, AS_OF);
    expect(alone.paths.find((p) => p.dealId === 'D1')!.dates[2]).toBeUndefined();
    expect(alone.known[2]).toBe(false);
  });
});
