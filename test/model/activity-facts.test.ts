import { describe, expect, it } from 'vitest';
import {
  activityKindOf,
  accountsContactedBy,
  activityFactsOf,
  contactedAccounts,
  addActivity,
  addActivityOf,
  emptyActivityFacts,
  mergeActivityFacts,
  ownerFacts,
  restrictFacts,
  settleFacts,
  trackOnly,
  type ActivityFacts,
} from '../../src/model/activity-facts.ts';
import { ACTIVITY_TYPES, type Activity } from '../../src/core/records.ts';
import { FingerprintTable } from '../../src/speed/fingerprint-table.ts';
import { CUSTOMER_CONTACT } from '../../src/metrics/customer-contact.ts';

/** The count of one owner, date and type in the facts. */
const countOf = (facts: ActivityFacts, ownerId: string, date: string, type: Activity['type']) =>
  facts.counts.get(ownerId)?.get(date)?.[ACTIVITY_TYPES.indexOf(type)] ?? 0;

const row = (ownerId: string, type: Activity['type'], date: string, more: Partial<Activity> = {}) => ({ ownerId, type, date, ...more });
// As of Friday 2026-11-20; calendar fiscal year, so YTD = 2026-01-01 … 2026-11-20.
const options = { asOf: '2026-11-20', fiscalYearStartMonth: 1, contact: CUSTOMER_CONTACT };
const log = [
  row('u1', 'call', '2026-02-03', { accountId: 'a1', dealId: 'd1', file: 'activities.csv' }),
  row('u1', 'call', '2026-02-03'), // same owner, day and type: 2
  row('u1', 'note', '2026-03-01', { accountId: 'a2' }), // a note is no customer contact
  row('u2', 'email', '2025-12-31', { accountId: 'a3', dealId: 'd1' }), // before YTD, earliest date
  row('u2', 'meeting_held', '2026-11-20', { accountId: 'a1', dealId: 'd2' }), // on as-of
  row('u2', 'proposal', '2026-11-21', { accountId: 'a4', dealId: 'd2' }), // after as-of
  row('u2', 'call', '2026-06-01'), // contact without account
];

describe('activityFactsOf', () => {
  const facts = activityFactsOf(log, options);

  it('counts per owner, date and type, every date', () => {
    expect(countOf(facts, 'u1', '2026-02-03', 'call')).toBe(2);
    expect(countOf(facts, 'u1', '2026-03-01', 'note')).toBe(1);
    expect(countOf(facts, 'u2', '2026-11-21', 'proposal')).toBe(1);
    expect(countOf(facts, 'u2', '2026-02-03', 'call')).toBe(0);
    expect(facts.rows).toBe(7);
    expect(facts.file).toBe('activities.csv');
  });

  it('keeps the latest date on or before as-of per deal', () => {
    // d1: 2026-02-03 (u1) beats 2025-12-31; d2: 2026-11-20, the proposal of 11-21 is after as-of
    expect(Object.fromEntries(facts.lastByDeal)).toEqual({ d1: '2026-02-03', d2: '2026-11-20' });
  });

  it('tracks only the deals it is told to, keyed by the string given for each', () => {
    // Only d2 is tracked; its key is the caller's shared string. d1 (2026-02-03) is left out.
    const key = ['d', '2'].join('');
    const tracked = activityFactsOf(log, { ...options, trackDeals: new FingerprintTable([key]) });
    expect([...tracked.lastByDeal]).toEqual([['d2', '2026-11-20']]);
    expect([...tracked.lastByDeal.keys()][0]).toBe(key);
    // Everything else is as without tracking.
    expect(tracked.counts).toEqual(facts.counts);
    expect(tracked.accountsContactedYtd).toEqual(facts.accountsContactedYtd);
  });

  it('collects the accounts contacted in year-to-date per owner, and contacts without account', () => {
    // u1: a1 (call); a2 is a note. u2: a1 (meeting on as-of); a3 before YTD, a4 after as-of.
    expect(facts.accountsContactedYtd).toEqual(
      new Map([
        ['u1', new Set(['a1'])],
        ['u2', new Set(['a1'])],
      ]),
    );
    // u1's second call and u2's call of 06-01 have no account
    expect(facts.contactsWithoutAccountYtd).toEqual(
      new Map([
        ['u1', 1],
        ['u2', 1],
      ]),
    );
    expect(facts.ytd).toEqual({ start: '2026-01-01', end: '2026-11-20' });
  });

  it('knows the first date, the newest date up to as-of, and the owners', () => {
    expect([facts.firstDate, facts.newestUpToAsOf]).toEqual(['2025-12-31', '2026-11-20']);
    expect([...facts.owners]).toEqual(['u1', 'u2']);
  });

  it('starts year-to-date at the fiscal year start', () => {
    const july = activityFactsOf(log, { asOf: '2026-11-20', fiscalYearStartMonth: 7, contact: CUSTOMER_CONTACT });
    // FY2026 from 2026-07-01: only u2's meeting on as-of is a YTD contact with an account
    expect(july.accountsContactedYtd).toEqual(new Map([['u2', new Set(['a1'])]]));
    expect(july.contactsWithoutAccountYtd).toEqual(new Map());
  });

  it('is empty for an empty log', () => {
    const empty = activityFactsOf([], options);
    expect([empty.rows, empty.firstDate, empty.newestUpToAsOf, empty.file, empty.counts.size]).toEqual([0, '', '', undefined, 0]);
  });
});

describe('restrictFacts', () => {
  it("keeps the owners' counts and contacts and the given deals' last dates", () => {
    const team = restrictFacts(activityFactsOf(log, options), new Set(['u2']), new Set(['d2']));
    expect([...team.counts.keys()]).toEqual(['u2']);
    expect([...team.owners]).toEqual(['u2']);
    expect(Object.fromEntries(team.lastByDeal)).toEqual({ d2: '2026-11-20' });
    expect([...team.accountsContactedYtd.keys()]).toEqual(['u2']);
    const known = new FingerprintTable(['a1']);
    const byBit = emptyActivityFacts({ ...options, accounts: known });
    for (const a of log) addActivity(byBit, a, false, a.accountId === undefined ? -1 : known.placeOf(a.accountId));
    // u1 and u2 each contacted a1 (by bit); u2's team keeps u2's bits only.
    const teamByBit = restrictFacts(settleFacts(byBit), new Set(['u2']), new Set());
    expect([...teamByBit.contacts!.byOwner.keys()]).toEqual(['u2']);
    expect(accountsContactedBy(teamByBit, ['u1', 'u2'])).toBe(1);
  });
});

describe('mergeActivityFacts', () => {
  it('gives the facts of the whole log from the facts of its two parts, at every cut', () => {
    const whole = activityFactsOf(log, options);
    for (let cut = 0; cut <= log.length; cut++) {
      const merged = mergeActivityFacts(activityFactsOf(log.slice(0, cut), options), activityFactsOf(log.slice(cut), options));
      expect(merged, `cut at ${cut}`).toEqual(whole);
    }
  });

  it('adds counts and contacts, keeps the later deal date and the outer dates (hand-worked)', () => {
    const first = activityFactsOf([row('u1', 'call', '2026-02-03', { accountId: 'a1', dealId: 'd1' })], options);
    const second = activityFactsOf(
      [row('u1', 'call', '2026-02-03', { accountId: 'a2', dealId: 'd1' }), row('u1', 'call', '2026-01-15', { dealId: 'd1' })],
      options,
    );
    const merged = mergeActivityFacts(first, second);
    expect(merged.rows).toBe(3);
    expect(countOf(merged, 'u1', '2026-02-03', 'call')).toBe(2);
    expect(countOf(merged, 'u1', '2026-01-15', 'call')).toBe(1);
    expect(merged.lastByDeal.get('d1')).toBe('2026-02-03');
    expect([...merged.accountsContactedYtd.get('u1')!].sort()).toEqual(['a1', 'a2']);
    expect(merged.contactsWithoutAccountYtd.get('u1')).toBe(1);
    expect([merged.firstDate, merged.newestUpToAsOf]).toEqual(['2026-01-15', '2026-02-03']);
  });
});

describe('mergeActivityFacts of parts that count contacts by bit', () => {
  // Two parts of one log, each counting the contacts of known accounts (a1, a2: places 0 and 1)
  // by bit, merged before the bits become sets, and a part settled already.
  const known = ['a1', 'a2'];
  const part = (rows: ReturnType<typeof row>[]) => {
    const table = new FingerprintTable(known);
    const facts = emptyActivityFacts({ ...options, accounts: table });
    for (const a of rows) addActivity(facts, a, false, a.accountId === undefined ? -1 : table.placeOf(a.accountId));
    return settleFacts(facts);
  };
  const first = [row('u1', 'call', '2026-02-03', { accountId: 'a1' })];
  const second = [
    row('u1', 'email', '2026-03-03', { accountId: 'a2' }),
    row('u2', 'call', '2026-04-01', { accountId: 'a1' }),
    row('u1', 'call', '2026-04-02', { accountId: 'a1' }),
  ];

  it('adds the bits: each account once (hand-worked)', () => {
    const merged = settleFacts(mergeActivityFacts(part(first), part(second)));
    // u1: a1 (both parts) and a2; u2: a1. All by bit: no account as text.
    expect(contactedAccounts(merged)).toEqual(
      new Map([
        ['u1', new Set(['a1', 'a2'])],
        ['u2', new Set(['a1'])],
      ]),
    );
    expect(merged.accountsContactedYtd).toEqual(new Map());
    expect(accountsContactedBy(merged, ['u1', 'u2'])).toBe(2);
  });

  it('gives the same when one part counts them as texts (an account table of its own)', () => {
    const texts = settleFacts(activityFactsOf(second, options));
    const merged = settleFacts(mergeActivityFacts(part(first), texts));
    expect(contactedAccounts(merged)).toEqual(
      new Map([
        ['u1', new Set(['a1', 'a2'])],
        ['u2', new Set(['a1'])],
      ]),
    );
    expect(accountsContactedBy(merged, ['u1', 'u2'])).toBe(2);
  });
});

describe('trackOnly', () => {
  it('narrows the deals tracked mid-way, keeping the dates so far of the deals still tracked', () => {
    // All deals tracked for the first four rows (d1: 2026-02-03, d1 again 2025-12-31 is earlier);
    // then only d2: its later rows count, d1's later rows and dates are gone.
    const facts = emptyActivityFacts(options);
    log.slice(0, 4).forEach((a) => addActivity(facts, a));
    trackOnly(facts, new FingerprintTable(['d2']));
    log.slice(4).forEach((a) => addActivity(facts, a));
    expect([...settleFacts(facts).lastByDeal]).toEqual([['d2', '2026-11-20']]);
    const keepD1 = emptyActivityFacts(options);
    log.slice(0, 4).forEach((a) => addActivity(keepD1, a));
    trackOnly(keepD1, new FingerprintTable(['d1', 'd9']));
    expect([...settleFacts(keepD1).lastByDeal]).toEqual([['d1', '2026-02-03']]);
  });
});

describe('deals named later', () => {
  it("notes each row's deal until the deals are named, then tracks as if named from the start", () => {
    // d1 and d2 named after the first four rows: d1's two noted rows (2026-02-03, 2025-12-31)
    // give its later date; d2's rows come after (2026-11-20; the one of 11-21 is after as-of).
    const later = emptyActivityFacts({ ...options, trackDeals: 'later' });
    log.slice(0, 4).forEach((a) => addActivity(later, a));
    trackOnly(later, new FingerprintTable(['d1', 'd2']));
    log.slice(4).forEach((a) => addActivity(later, a));
    expect([...settleFacts(later).lastByDeal]).toEqual([
      ['d1', '2026-02-03'],
      ['d2', '2026-11-20'],
    ]);
  });

  it('are named before the facts are settled', () => {
    const later = emptyActivityFacts({ ...options, trackDeals: 'later' });
    log.forEach((a) => addActivity(later, a));
    expect(() => settleFacts(later)).toThrow(/named/);
  });
});

describe('contacts of known accounts, counted by bit', () => {
  it('give the same accounts contacted as the rows counted one by one; unknown accounts still count', () => {
    // a1 and a3 are known (places 0 and 1); a9 is not, so its contact takes the set path.
    const rows = [...log, row('u1', 'email', '2026-05-05', { accountId: 'a9' })];
    const known = new FingerprintTable(['a1', 'a3']);
    const facts = emptyActivityFacts({ ...options, accounts: known });
    for (const a of rows) addActivity(facts, a, false, a.accountId === undefined ? -1 : known.placeOf(a.accountId));
    settleFacts(facts);
    const sorted = (f: ActivityFacts) => [...contactedAccounts(f)].map(([owner, set]) => [owner, [...set].sort()]).sort();
    expect(sorted(facts)).toEqual(sorted(activityFactsOf(rows, options)));
    // By hand, contacts in YTD up to as-of: u1 a1 (call, 2026-02-03) and a9 (email, 2026-05-05);
    // u2 a1 (meeting_held, on as-of). a3 is before YTD; a2 a note; a4 after as-of.
    expect(sorted(facts)).toEqual([
      ['u1', ['a1', 'a9']],
      ['u2', ['a1']],
    ]);
    // a1 by bit, a9 (unknown) as text.
    expect([...facts.contacts!.byOwner.keys()]).toEqual(['u1', 'u2']);
    expect(facts.accountsContactedYtd).toEqual(new Map([['u1', new Set(['a9'])]]));
  });
});

describe('accountsContactedBy', () => {
  // Known accounts k0…k39 (places 0–39: two words of bits); x1, x2 unknown.
  const known = new FingerprintTable(Array.from({ length: 40 }, (_, i) => `k${i}`));
  const contact = (owner: string, account: string) => row(owner, 'call', '2026-03-01', { accountId: account });
  const facts = emptyActivityFacts({ ...options, accounts: known });
  const rows = [
    contact('u1', 'k0'),
    contact('u1', 'k33'),
    contact('u1', 'x1'),
    contact('u2', 'k33'),
    contact('u2', 'k39'),
    contact('u2', 'x1'),
    contact('u2', 'x2'),
    contact('u3', 'x2'),
  ];
  for (const a of rows) addActivity(facts, a, false, known.placeOf(a.accountId!));
  settleFacts(facts);

  it('counts each account once across owners, known by bit and unknown by text (hand-worked)', () => {
    expect(accountsContactedBy(facts, ['u1'])).toBe(3); // k0, k33, x1
    expect(accountsContactedBy(facts, ['u2'])).toBe(4); // k33, k39, x1, x2
    expect(accountsContactedBy(facts, ['u1', 'u2'])).toBe(5); // k0, k33, k39, x1, x2
    expect(accountsContactedBy(facts, ['u1', 'u2', 'u3', 'u9'])).toBe(5); // u3's x2 is u2's too; u9 has none
    expect(accountsContactedBy(facts, ['u3'])).toBe(1);
    expect(accountsContactedBy(facts, [])).toBe(0);
    // The owners' bits are not changed by joining them.
    expect(accountsContactedBy(facts, ['u1'])).toBe(3);
  });

  it('counts a known account given as text once, when its bit is set too', () => {
    const mixed = emptyActivityFacts({ ...options, accounts: known });
    addActivity(mixed, contact('u1', 'k5'), false, 5);
    addActivity(mixed, contact('u2', 'k5'), false, -1); // its place not given: kept as text
    expect(accountsContactedBy(settleFacts(mixed), ['u1', 'u2'])).toBe(1);
    expect(accountsContactedBy(mixed, ['u2'])).toBe(1);
  });
});

describe('ownerFacts and addActivityOf', () => {
  it("makes an owner's share once, in counts and owners, and adds taken-apart rows as addActivity does", () => {
    const facts = emptyActivityFacts({ asOf: '2026-11-20', fiscalYearStartMonth: 1, contact: CUSTOMER_CONTACT, accounts: new FingerprintTable(['A1', 'A2']) });
    const u1 = ownerFacts(facts, 'u1');
    expect(ownerFacts(facts, 'u1')).toBe(u1);
    expect(facts.counts.get('u1')).toBe(u1.counts);
    ownerFacts(facts, '');
    expect([...facts.owners]).toEqual(['u1']); // an empty owner is counted, but is no owner
    // 2026-11-18 is day 20 775; A2 is the accounts' second (place 1); a note is no contact.
    addActivityOf(facts, u1, activityKindOf(facts, 'call'), '2026-11-18', 20775, 'A2', 1, undefined);
    addActivityOf(facts, u1, activityKindOf(facts, 'note'), '2026-11-18', 20775, 'A1', 0, undefined);
    addActivityOf(facts, u1, activityKindOf(facts, 'email'), '2026-11-19', 20776, undefined, -1, undefined);
    expect(facts.rows).toBe(3);
    expect(u1.counts.get('2026-11-18')).toEqual(ACTIVITY_TYPES.map((type) => (type === 'call' || type === 'note' ? 1 : 0)));
    settleFacts(facts);
    expect(contactedAccounts(facts)).toEqual(new Map([['u1', new Set(['A2'])]]));
    expect(facts.contactsWithoutAccountYtd.get('u1')).toBe(1);
    expect(facts.owning).toBeUndefined(); // dropped once settled
  });
});
