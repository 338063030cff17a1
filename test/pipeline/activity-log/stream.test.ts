// The activity log streamed into facts and kept rows.
import { afterAll, describe, expect, it } from 'vitest';
import type { Account, User } from '../../../src/core/records.ts';
import { streamActivityLog, sharedIds, type ActivityLogInput } from '../../../src/pipeline/activity-log/stream.ts';
import { ActivityColumns, unpackActivities } from '../../../src/pipeline/activity-log/transfer.ts';
import { settingsSchema } from '../../../src/settings/schema.ts';
import type { FingerprintTable } from '../../../src/speed/fingerprint-table.ts';
import { tempFolders } from '../folder.ts';

const temp = tempFolders('activity-log');
afterAll(() => temp.cleanup());

const users = [{ id: 'u1' }, { id: 'u2' }] as User[];
const accounts = [{ id: 'A1' }] as Account[];
const LOG = [
  'id,type,date,owner,account_id,deal_id',
  'X1,call,2026-11-18,u1,A1,D1', // summed only
  'X2,meeting_booked,2026-11-24,u2,A1,', // a meeting: kept (a booking ahead is planned, not flagged)
  'X3,call,2026-11-19,u1,A9,D2', // unknown account: kept
  'X4,email,2026-11-16,u1,,D1', // summed only; D1's last date stays 11-18
  '',
].join('\n');

function input(dir: string, over: Partial<ActivityLogInput> = {}): ActivityLogInput {
  return {
    dataDir: dir,
    settings: settingsSchema.parse({ asOf: '2026-11-20' }),
    asOf: '2026-11-20',
    sources: [],
    users,
    accounts,
    present: { users: true, accounts: true },
    trackDeals: sharedIds(['D1']),
    ...over,
  };
}

describe('streamActivityLog', () => {
  it('sums every accepted row and keeps meetings and flagged rows only', async () => {
    const dir = temp.folder({ 'activities.csv': LOG });
    const log = await streamActivityLog(input(dir));
    expect(log.kept.map((a) => a.id)).toEqual(['X2', 'X3']);
    expect(log.facts.rows).toBe(4);
    // Only D1 is tracked: its latest date up to as-of.
    expect([...log.facts.lastByDeal]).toEqual([['D1', '2026-11-18']]);
    expect(log.results.map((r) => [r.file, r.read, r.accepted, r.records.length])).toEqual([['activities.csv', 4, 4, 0]]);
  });

  it('gives kept rows to the sink it is handed', async () => {
    const dir = temp.folder({ 'activities.csv': LOG });
    const columns = new ActivityColumns();
    const log = await streamActivityLog(input(dir), columns);
    expect(log.kept).toBe(columns);
    const shared = { users: sharedIds(users.map((u) => u.id)), accounts: sharedIds(accounts.map((a) => a.id)), deals: sharedIds([]) };
    expect(unpackActivities(columns.pack(), shared)).toEqual((await streamActivityLog(input(dir))).kept);
  });

  it('tracks the deals named while it reads, and waits for them before it settles', async () => {
    const dir = temp.folder({ 'activities.csv': LOG });
    let name: (deals: FingerprintTable) => void = () => {};
    const later = new Promise<FingerprintTable>((resolve) => (name = resolve));
    let done = false;
    const reading = streamActivityLog(input(dir, { trackDeals: later })).then((log) => ((done = true), log));
    await new Promise((resolve) => setTimeout(resolve, 100)); // time to read every row
    expect(done).toBe(false);
    name(sharedIds(['D1']));
    const log = await reading;
    expect([...log.facts.lastByDeal]).toEqual([['D1', '2026-11-18']]); // as when named from the start
  });

  it('without users.csv and accounts.csv no owner or account is flagged', async () => {
    const dir = temp.folder({ 'activities.csv': LOG });
    const log = await streamActivityLog(input(dir, { users: [], accounts: [], present: { users: false, accounts: false } }));
    expect(log.kept.map((a) => a.id)).toEqual(['X2']);
  });
});
