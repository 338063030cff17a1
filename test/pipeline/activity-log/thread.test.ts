// The activity log read in a worker thread gives the same records as reading it on the main
// thread: canonical files with rejected, flagged and kept rows, and CRM exports whose owners
// and accounts resolve by name.
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { cutLog, halfOfRest } from '../../../src/pipeline/activity-log/split.ts';
import { ACTIVITY_WORKER_MIN_BYTES, activityLogBytes, startLogWorker } from '../../../src/pipeline/activity-log/thread.ts';
import { FingerprintTable } from '../../../src/speed/fingerprint-table.ts';
import { loadRecords, type LoadedRecords } from '../../../src/pipeline/load-records.ts';
import { loadSettings } from '../../../src/settings/load-settings.ts';
import { settingsSchema } from '../../../src/settings/schema.ts';
import { TINY, tempFolders } from '../folder.ts';

const temp = tempFolders('activity-thread');
afterAll(() => temp.cleanup());
const settings = settingsSchema.parse({ asOf: '2026-11-20' });
const crm = (name: string) => fileURLToPath(new URL(`../../fixtures/crm/${name}`, import.meta.url));

/** What a load gives, without timings. */
const comparable = (loaded: LoadedRecords) => ({
  ...loaded,
  files: loaded.files.map(({ ms: _ms, ...rest }) => rest),
});

const ACTIVITIES = [
  'id,type,date,owner,account_id,deal_id,duration_minutes',
  'X1,call,2026-11-18,u1,A1,D1,', // summed only; D1 is open: its last activity
  'X2,meeting_held,2026-11-19,u2,A2,,45', // a meeting: kept, with its duration
  'X3,email,2026-11-25,u1,A1,D1,', // after as-of: kept (FutureActivity)
  'X4,call,2026-11-17,u9,A1,,', // unknown owner: kept
  'X5,lunch,2026-11-17,u1,A1,,', // rejected: unknown type
  'X6,meeting_booked,2026-11-10,u1,,D2,30', // kept; D2 is won, so not tracked
  'X1,call,2026-11-18,u1,A1,,', // rejected: duplicate id
  'X7,call,2026-11-18,u1,A9,D1,', // unknown account: kept
  '',
].join('\n');

describe('reading the activity log in a worker thread', () => {
  it('gives the same records, facts, rejections and file accounts as the main thread', async () => {
    const dir = temp.folder({ ...TINY, 'activities.csv': ACTIVITIES });
    const [inWorker, onMain] = await Promise.all([
      loadRecords(dir, settings, { activityThread: 'worker' }),
      loadRecords(dir, settings, { activityThread: 'main' }),
    ]);
    expect(comparable(inWorker)).toEqual(comparable(onMain));
    // Hand count: 8 data rows = 6 accepted + 2 rejected; kept: X2, X3, X4, X6, X7.
    expect(inWorker.records.activities.map((a) => [a.id, a.line, a.durationMinutes])).toEqual([
      ['X2', 3, 45],
      ['X3', 4, undefined],
      ['X4', 5, undefined],
      ['X6', 7, 30],
      ['X7', 9, undefined],
    ]);
    expect([...inWorker.records.activityFacts.lastByDeal]).toEqual([['D1', '2026-11-18']]);
    expect(inWorker.rejected.map((i) => [i.file, i.line, i.code])).toEqual([
      ['deals.csv', 4, 'UnknownStage'],
      ['activities.csv', 6, 'UnknownActivityType'],
      ['activities.csv', 8, 'DuplicateId'],
    ]);
  });

  it('resolves a CRM export’s owners and accounts the same way', async () => {
    for (const name of ['hubspot', 'pipedrive', 'salesforce-data-export', 'generic']) {
      const folder = crm(name);
      const loaded = await loadSettings(folder);
      if (!loaded.ok) throw new Error(`settings of ${name}`);
      const [inWorker, onMain] = await Promise.all([
        loadRecords(folder, loaded.settings, { activityThread: 'worker' }),
        loadRecords(folder, loaded.settings, { activityThread: 'main' }),
      ]);
      expect(inWorker.records.activityFacts.rows, name).toBeGreaterThan(0);
      expect(comparable(inWorker), name).toEqual(comparable(onMain));
    }
  });

  it('answers where and cut once it is done: read to the end, nothing left to cut', async () => {
    const dir = temp.folder({ ...TINY, 'activities.csv': ACTIVITIES });
    const bytes = Buffer.byteLength(ACTIVITIES);
    const thread = startLogWorker({ dataDir: dir, settings, asOf: '2026-11-20', share: { bytes, waitForCut: false } });
    // It reads nothing before it has the users and accounts.
    expect(await thread.where()).toBe(0);
    thread.references({ users: [], accounts: [], present: { users: false, accounts: false } });
    thread.trackOpenDeals([]); // it settles its facts once it knows the open deals
    const log = await thread.result({ users: undefined, accounts: undefined, deals: new FingerprintTable() });
    expect(log.facts.rows).toBe(6); // 8 data rows, 2 rejected
    expect(await thread.where()).toBe(Number.POSITIVE_INFINITY);
    expect(await thread.cut(10)).toBe(false);
    expect(await cutLog(thread, join(dir, 'activities.csv'), (read) => halfOfRest(bytes, read))).toBeUndefined();
  });

  it('can be stopped while it waits for the users and accounts: its result then fails', async () => {
    const dir = temp.folder({ ...TINY, 'activities.csv': ACTIVITIES });
    const thread = startLogWorker({ dataDir: dir, settings, asOf: '2026-11-20' });
    expect(await thread.where()).toBe(0);
    thread.stop();
    await expect(thread.result({ users: undefined, accounts: undefined, deals: new FingerprintTable() })).rejects.toThrow(/worker stopped/);
  });

  it('is chosen for large logs only: the bytes of activities.csv, or of the exports read instead', async () => {
    const dir = temp.folder({ ...TINY, 'activities.csv': ACTIVITIES });
    expect(await activityLogBytes(dir, [])).toBe(Buffer.byteLength(ACTIVITIES));
    expect(await activityLogBytes(temp.folder({ 'deals.csv': TINY['deals.csv']! }), [])).toBe(0);
    expect(ACTIVITY_WORKER_MIN_BYTES).toBeGreaterThan(Buffer.byteLength(ACTIVITIES));
  });
});
