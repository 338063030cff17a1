// The common activity row taken whole, and every other row left to the general reading unchanged.
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { contactedAccounts, emptyActivityFacts, settleFacts, type ActivityFacts } from '../../../src/model/activity-facts.ts';
import type { Account, Activity, User } from '../../../src/core/records.ts';
import { KEPT_TYPES, streamActivityLog, sharedIds, type ActivityLogInput } from '../../../src/pipeline/activity-log/stream.ts';
import { activityQuickRows } from '../../../src/pipeline/activity-log/quick-rows.ts';
import { settingsSchema } from '../../../src/settings/schema.ts';
import { IdFingerprints } from '../../../src/speed/id-fingerprints.ts';
import { tempFolders } from '../folder.ts';
import { CUSTOMER_CONTACT } from '../../../src/metrics/customer-contact.ts';

const temp = tempFolders('activity-quick-rows');
afterAll(() => temp.cleanup());

const AS_OF = '2026-11-20';
const settings = settingsSchema.parse({ asOf: AS_OF, dateOrder: 'dmy', activityTypeMap: { Samtal: 'call' } });
const HEADER = ['id', 'type', 'date', 'owner', 'account_id', 'deal_id', 'duration_minutes'];

/**
 * A row taker over users u1, u2 and accounts A1, A2, with the facts and kept rows it adds to:
 * rows taken as fields (`bind`), or as lines not yet split (`bindLine`, the line amid other text).
 */
function taker(way: 'fields' | 'line' = 'fields') {
  const facts = emptyActivityFacts({
    asOf: AS_OF,
    fiscalYearStartMonth: 1,
    contact: CUSTOMER_CONTACT,
    trackDeals: sharedIds(['D1']),
    accounts: sharedIds(['A1', 'A2']),
  });
  const kept: Activity[] = [];
  const ids = new IdFingerprints(16);
  const quick = activityQuickRows({
    settings,
    asOf: AS_OF,
    facts,
    users: sharedIds(['u1', 'u2']),
    accounts: sharedIds(['A1', 'A2']),
    keptTypes: KEPT_TYPES,
    kept,
  });
  const position = (column: string) => HEADER.indexOf(column);
  if (way === 'fields') {
    const take = quick.bind(position, ids, 'activities.csv')!;
    return { facts, kept, ids, take: (row: string, line: number) => take(row.split(','), line) };
  }
  const take = quick.bindLine!(position, ids, 'activities.csv', HEADER.length, ',')!;
  return { facts, kept, ids, take: (row: string, line: number) => take(`before\n${row}\nX9,call,after`, 7, 7 + row.length, line) };
}

describe.each(['fields', 'line'] as const)('activityQuickRows, rows taken as %s', (way) => {
  const aTaker = () => taker(way);
  it('takes a clean row whole: counted, its deal tracked, its contact recorded; meetings kept', () => {
    const { facts, kept, take } = aTaker();
    expect(take('X1,call,2026-11-18,u1,A1,D1,', 2)).toBe(true);
    expect(take('X2,Samtal,17.11.2026,u1,A2,,', 3)).toBe(true); // a mapped type, a day-month-year date
    expect(take('X3,meeting_booked,2026-11-24,u2,A1,,45', 4)).toBe(true);
    expect(facts.rows).toBe(3);
    expect(facts.file).toBe('activities.csv');
    expect(facts.counts.get('u1')?.get('2026-11-18')?.[0]).toBe(1); // call is the first type
    expect(facts.counts.get('u1')?.get('2026-11-17')?.[0]).toBe(1);
    expect(facts.firstDate).toBe('2026-11-17');
    expect(facts.newestUpToAsOf).toBe('2026-11-18');
    settleFacts(facts);
    expect([...facts.lastByDeal]).toEqual([['D1', '2026-11-18']]);
    // u1 called A1 and A2 this year; u2's booking lies after as-of, so it is no contact yet.
    expect([...contactedAccounts(facts)].map(([owner, set]) => [owner, [...set].sort()])).toEqual([['u1', ['A1', 'A2']]]);
    expect(kept).toEqual([
      {
        file: 'activities.csv',
        line: 4,
        id: 'X3',
        type: 'meeting_booked',
        date: '2026-11-24',
        ownerId: 'u2',
        accountId: 'A1',
        dealId: undefined,
        durationMinutes: 45,
      },
    ]);
  });

  it('keeps the rows a data-quality check lists: an unknown owner, a future call', () => {
    const { kept, take } = aTaker();
    expect(take('X1,call,2026-11-18,u9,A1,,', 2)).toBe(true);
    expect(take('X2,call,2026-12-01,u1,A1,,', 3)).toBe(true);
    expect(take('X3,task,2026-12-01,u1,A1,,', 4)).toBe(true); // a task ahead is planned: not kept
    expect(kept.map((a) => [a.id, a.ownerId])).toEqual([
      ['X1', 'u9'],
      ['X2', 'u1'],
    ]);
  });

  it('leaves every other row to the general reading, having changed nothing', () => {
    const { facts, kept, ids, take } = aTaker();
    const left = [
      ' X1,call,2026-11-18,u1,A1,,', // an id the general reading trims
      'X1,lunch,2026-11-18,u1,A1,,', // unknown type
      'X1,call,2026-02-30,u1,A1,,', // no such day
      'X1,call,,u1,A1,,', // no date
      'X1,call,2026-11-18,null,A1,,', // an owner that is a null marker
      'X1,call,2026-11-18,u1,A9,,', // an account not in accounts.csv
      'X1,call,2026-11-18,u1,A1,,abc', // a duration that is no number
      'X1,call,2026-11-18,u1,A1, D1,', // a deal the general reading trims
      'X1,call,01.01.0999,u1,A1,,', // a date the general reading writes as 999-01-01, not as its day's date
    ];
    for (const [i, row] of left.entries()) expect(take(row, i + 2), row).toBe(false);
    expect(facts.rows).toBe(0);
    expect(kept).toEqual([]);
    expect(ids.firstLineOrAdd('X1', 99)).toBeUndefined(); // no id was added on the way
  });

  it('leaves a repeated id to the general reading, which finds it at its first line', () => {
    const { facts, ids, take } = aTaker();
    expect(take('X1,call,2026-11-18,u1,A1,,', 2)).toBe(true);
    expect(take('X1,email,2026-11-18,u1,A1,,', 3)).toBe(false);
    expect(facts.rows).toBe(1);
    expect(ids.firstLineOrAdd('X1', 3)).toBe(2);
  });

  it('takes no rows of a file without the type, date or owner column', () => {
    const quick = activityQuickRows({
      settings,
      asOf: AS_OF,
      facts: emptyActivityFacts({ asOf: AS_OF, fiscalYearStartMonth: 1, contact: CUSTOMER_CONTACT }),
      users: undefined,
      accounts: undefined,
      keptTypes: KEPT_TYPES,
      kept: [],
    });
    expect(quick.bind((column) => ['id', 'type', 'date'].indexOf(column), new IdFingerprints(4), 'activities.csv')).toBeUndefined();
    expect(quick.bindLine!((column) => ['id', 'type', 'date'].indexOf(column), new IdFingerprints(4), 'activities.csv', 3, ',')).toBeUndefined();
  });
});

describe('activityQuickRows, rows taken as lines', () => {
  it('leaves a line of more or fewer fields than the header to the general reading, which reports it', () => {
    const { facts, take } = taker('line');
    expect(take('X1,call,2026-11-18,u1,A1,,,', 2)).toBe(false);
    expect(take('X1,call,2026-11-18,u1,A1,', 3)).toBe(false);
    expect(take('X1,call,2026-11-18,u1,A1,,', 4)).toBe(true);
    expect(facts.rows).toBe(1);
  });

  it('reads the cells it cannot judge where they stand by their text: a short owner or type that may be a null marker', () => {
    const users = sharedIds(['nils', 'u1']);
    const facts = emptyActivityFacts({ asOf: AS_OF, fiscalYearStartMonth: 1, contact: CUSTOMER_CONTACT });
    const quick = activityQuickRows({ settings, asOf: AS_OF, facts, users, accounts: undefined, keptTypes: KEPT_TYPES, kept: [] });
    const take = quick.bindLine!((column) => HEADER.indexOf(column), new IdFingerprints(4), 'activities.csv', HEADER.length, ',')!;
    // "nils" might be a marker by its first letter: the line goes on to be split and read by its text.
    const line = 'X1,call,2026-11-18,nils,,,';
    expect(take(line, 0, line.length, 2)).toBe(false);
    const fields = quick.bind((column) => HEADER.indexOf(column), new IdFingerprints(4), 'activities.csv')!;
    expect(fields(line.split(','), 2)).toBe(true);
    expect(facts.counts.get('nils')?.get('2026-11-18')?.[0]).toBe(1);
  });
});

/** The settled facts as plain data, for comparing two readings. */
function plainFacts(facts: ActivityFacts) {
  return {
    rows: facts.rows,
    file: facts.file,
    firstDate: facts.firstDate,
    newestUpToAsOf: facts.newestUpToAsOf,
    owners: [...facts.owners].sort(),
    counts: [...facts.counts].map(([owner, byDate]) => [owner, [...byDate]]).sort(),
    lastByDeal: [...facts.lastByDeal].sort(),
    contacted: [...contactedAccounts(facts)].map(([owner, set]) => [owner, [...set].sort()]).sort(),
    withoutAccount: [...facts.contactsWithoutAccountYtd].sort(),
  };
}

describe('the activity log read with and without quick rows', () => {
  const cellOf = {
    id: ['X1', 'X2', 'X3', 'X4', ' X5', '', 'null', 'X6'],
    type: ['call', 'email', 'meeting_held', 'meeting_booked', 'task', 'note', 'proposal', 'Samtal', ' call', 'lunch', ''],
    date: ['2026-11-18', '2026-01-05', '2026-12-03', '2025-12-31', '05.02.2026', '01.01.0999', '2026-02-30', ' 2026-11-18', '2026-11-18T10:00', 'n/a', ''],
    owner: ['u1', 'u2', 'u9', ' u1', 'N/A', ''],
    account: ['A1', 'A2', 'A9', '', ' A1'],
    deal: ['D1', 'D2', '', 'D1 '],
    duration: ['', '30', '1,5', 'abc'],
  };
  const row = fc.record(
    Object.fromEntries(Object.entries(cellOf).map(([cell, values]) => [cell, fc.constantFrom(...values)])) as {
      [K in keyof typeof cellOf]: fc.Arbitrary<string>;
    },
  );
  const users = [{ id: 'u1' }, { id: 'u2' }] as User[];
  const accounts = [{ id: 'A1' }, { id: 'A2' }] as Account[];

  it('gives the same facts, kept rows and rejections', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(row, { maxLength: 40 }), fc.boolean(), async (rows, withReferences) => {
        const csv = [
          'id,type,date,owner,account_id,deal_id,duration_minutes',
          ...rows.map((r) => [r.id, r.type, r.date, r.owner, r.account, r.deal, r.duration].join(',')),
        ].join('\n');
        const dir = temp.folder({ 'activities.csv': `${csv}\n` });
        const input: ActivityLogInput = {
          dataDir: dir,
          settings,
          asOf: AS_OF,
          sources: [],
          users: withReferences ? users : [],
          accounts: withReferences ? accounts : [],
          present: { users: withReferences, accounts: withReferences },
          trackDeals: sharedIds(['D1', 'D2']),
        };
        const quick = await streamActivityLog(input);
        const general = await streamActivityLog({ ...input, onActivity: () => {} }); // a caller that sees every row: no quick rows
        expect(plainFacts(quick.facts)).toEqual(plainFacts(general.facts));
        expect(quick.kept).toEqual(general.kept);
        const counts = (log: typeof quick) => log.results.map((r) => ({ read: r.read, accepted: r.accepted, rejected: r.rejected, issues: r.issues }));
        expect(counts(quick)).toEqual(counts(general));
      }),
      { numRuns: 150 },
    );
  });
});
