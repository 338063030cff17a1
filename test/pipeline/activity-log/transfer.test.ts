// Packing kept activity rows and facts for the trip between threads, and unpacking them with the
// main thread's shared strings.
import { describe, expect, it } from 'vitest';
import { activityFactsOf, addActivity, contactedAccounts, emptyActivityFacts, settleFacts } from '../../../src/model/activity-facts.ts';
import type { Activity } from '../../../src/core/records.ts';
import { FingerprintTable } from '../../../src/speed/fingerprint-table.ts';
import {
  ActivityColumns,
  packActivities,
  packDictionary,
  packFacts,
  packTexts,
  unpackActivities,
  unpackDictionary,
  unpackFacts,
  unpackTexts,
} from '../../../src/pipeline/activity-log/transfer.ts';
import { newActivity } from '../../../src/schemas/activities.ts';
import { CUSTOMER_CONTACT } from '../../../src/metrics/customer-contact.ts';

/** A row laid out as row validation lays it out: the fields every activity has, then the given ones (the column table's). */
const row = (over: Partial<Activity>): Activity =>
  Object.assign(
    newActivity({ file: 'activities.csv', line: 2, id: 'X1', type: 'call', date: '2026-11-18', ownerId: 'u1', accountId: undefined, dealId: undefined }, []),
    over,
  );

describe('packTexts / unpackTexts', () => {
  it('keeps every text, an empty one, a missing one and characters outside the BMP', () => {
    const values = ['Örebro – möte', '', undefined, '😀x', 'a,b\n"c"'];
    const packed = packTexts(values);
    // One string of the texts, and their lengths in UTF-16 units (-1: missing).
    expect(packed.text).toBe('Örebro – möte😀xa,b\n"c"');
    expect([...packed.lengths]).toEqual([13, 0, -1, 3, 7]);
    expect(unpackTexts(packed)).toEqual(values);
  });
});

describe('packDictionary / unpackDictionary', () => {
  it('stores each distinct text once and lets the receiver swap in its own strings', () => {
    const packed = packDictionary(['u1', 'u2', 'u1', undefined, 'u2']);
    expect(unpackTexts(packed.table)).toEqual(['u1', 'u2']);
    expect([...packed.index]).toEqual([0, 1, 0, -1, 1]);
    expect(unpackDictionary(packed, (text) => text.toUpperCase())).toEqual(['U1', 'U2', 'U1', undefined, 'U2']);
  });

  it('places repeated and alternating values right (the value before is remembered)', () => {
    const values = [undefined, 'a', 'a', undefined, undefined, 'a', 'b', ['a'].join(''), 'b', 'b'];
    const packed = packDictionary(values);
    expect(unpackTexts(packed.table)).toEqual(['a', 'b']);
    expect([...packed.index]).toEqual([-1, 0, 0, -1, -1, 0, 1, 0, 1, 1]);
    expect(unpackDictionary(packed)).toEqual(values);
  });
});

describe('packActivities / unpackActivities', () => {
  const rows = [
    row({}),
    row({ line: 7, id: 'X7', type: 'meeting_held', date: '2026-11-19', ownerId: 'u2', accountId: 'A1', dealId: 'D1', durationMinutes: 45 }),
    row({ file: 'calls.csv', line: 3, id: '', type: 'meeting_booked', accountId: 'A9', durationMinutes: 0 }),
  ];
  const shared = { users: new FingerprintTable(['u1', 'u2']), accounts: new FingerprintTable(['A1']), deals: new FingerprintTable() };

  it('gives back the same rows, with the same fields in the same order', () => {
    const back = unpackActivities(packActivities(rows), shared);
    expect(back).toEqual(rows);
    expect(back.map((r) => Object.keys(r))).toEqual(rows.map((r) => Object.keys(r)));
  });

  it('gathers the same columns row by row as from a list', () => {
    const columns = new ActivityColumns();
    for (const r of rows) columns.push(r);
    expect(columns.length).toBe(3);
    expect(columns.pack()).toEqual(packActivities(rows));
  });

  it("keeps every row through the columns' growth and text blocks (10 000 rows)", () => {
    // Past the first 1 024 numbers of a column and the 4 096 texts of a block, with ids and deals
    // present, empty and absent, and durations with and without a value.
    const many = Array.from({ length: 10_000 }, (_, i) =>
      row({
        line: i + 2,
        id: i % 7 === 0 ? '' : `X${i}`,
        type: i % 2 === 0 ? 'meeting_held' : 'meeting_booked',
        date: `2026-11-${String(1 + (i % 28)).padStart(2, '0')}`,
        ownerId: i % 3 === 0 ? 'u1' : 'u2',
        accountId: i % 5 === 0 ? undefined : `A${i % 11}`,
        dealId: i % 4 === 0 ? undefined : `D${i % 997}`,
        durationMinutes: i % 6 === 0 ? undefined : i % 90,
      }),
    );
    const columns = new ActivityColumns();
    for (const r of many) columns.push(r);
    expect(columns.length).toBe(10_000);
    const back = unpackActivities(structuredClone(columns.pack()), shared);
    expect(back).toEqual(many);
  });

  it("gives back accounts kept by their place in accounts.csv as the receiver's strings", () => {
    // A1 is place 0 and A2 place 1 of the receiver's accounts; A9 is not among them and goes by text.
    const accounts = new FingerprintTable(['A1', 'A2']);
    const columns = new ActivityColumns();
    columns.pushKnown(row({ accountId: 'A2' }), 1);
    columns.push(row({ accountId: 'A9' }));
    columns.pushKnown(row({ accountId: 'A1' }), 0);
    columns.push(row({}));
    const back = unpackActivities(structuredClone(columns.pack()), { ...shared, accounts });
    expect(back.map((r) => r.accountId)).toEqual(['A2', 'A9', 'A1', undefined]);
    expect(back[0]!.accountId).toBe(accounts.at(1));
    expect(() => unpackActivities(columns.pack(), { ...shared, accounts: undefined })).toThrow(/by place/);
  });

  it('an unknown account stays as written', () => {
    expect(unpackActivities(packActivities(rows), { ...shared, accounts: undefined }).map((r) => r.accountId)).toEqual([undefined, 'A1', 'A9']);
  });
});

describe('packFacts / unpackFacts', () => {
  const log = [
    row({ ownerId: 'u1', accountId: 'A1', dealId: 'D1', date: '2026-11-10' }),
    row({ ownerId: 'u1', accountId: 'A2', dealId: 'D2', date: '2026-11-12' }),
    row({ ownerId: 'u2', type: 'email', dealId: 'D1', date: '2026-11-15' }),
  ];
  const facts = activityFactsOf(log, { asOf: '2026-11-20', fiscalYearStartMonth: 1, contact: CUSTOMER_CONTACT });

  it('keeps the last dates of the tracked deals only, and the rest of the facts as they were', () => {
    const tracked = new Map([['D1', 'D1']]);
    const back = unpackFacts(packFacts(facts), { users: undefined, accounts: undefined, deals: tracked });
    // D1: 11-10 (u1) and 11-15 (u2) → 11-15; D2 is not tracked.
    expect([...back.lastByDeal]).toEqual([['D1', '2026-11-15']]);
    expect(back.tracking).toBeUndefined();
    expect(back.accountsContactedYtd).toEqual(new Map([['u1', new Set(['A1', 'A2'])]]));
    expect(back.contactsWithoutAccountYtd).toEqual(new Map([['u2', 1]]));
    expect(back.counts).toEqual(facts.counts);
    expect(back.owners).toEqual(new Set(['u1', 'u2']));
    expect([back.rows, back.firstDate, back.newestUpToAsOf]).toEqual([3, '2026-11-10', '2026-11-15']);
  });

  it("carries contacts still counted by bit, keyed by the receiver's account table and owner strings", () => {
    const accounts = new FingerprintTable(['A1', 'A2']);
    const part = emptyActivityFacts({ asOf: '2026-11-20', fiscalYearStartMonth: 1, contact: CUSTOMER_CONTACT, accounts: new FingerprintTable(['A1', 'A2']) });
    for (const a of log) addActivity(part, a, false, a.accountId === undefined ? -1 : accounts.placeOf(a.accountId));
    const owners = new FingerprintTable(['u1', 'u2']);
    const back = unpackFacts(structuredClone(packFacts(settleFacts(part))), { users: owners, accounts, deals: new Map() });
    expect(back.contacts?.accounts).toBe(accounts);
    expect([...back.contacts!.byOwner.keys()]).toEqual(['u1']);
    expect(contactedAccounts(settleFacts(back))).toEqual(new Map([['u1', new Set(['A1', 'A2'])]]));
  });
});
