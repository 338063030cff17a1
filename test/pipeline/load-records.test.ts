// loadRecords over tiny data folders: per-file accounting, and every fatal problem at once.
import { afterAll, describe, expect, it } from 'vitest';
import type { Activity } from '../../src/core/records.ts';
import { loadRecords } from '../../src/pipeline/load-records.ts';
import type { FileAccount } from '../../src/core/file-account.ts';
import { settingsSchema } from '../../src/settings/schema.ts';
import { TINY, tempFolders } from './folder.ts';

const settings = settingsSchema.parse({ asOf: '2026-11-20' });
const temp = tempFolders('load-records');
afterAll(() => temp.cleanup());

const withoutMs = (files: FileAccount[]) => files.map(({ ms: _ms, ...rest }) => rest);
const absent = (file: string) => ({ file, present: false, read: 0, accepted: 0, rejected: 0, encoding: undefined, delimiter: undefined });

describe('loadRecords', () => {
  it('accounts for every row of every file, in a fixed file order', async () => {
    const loaded = await loadRecords(temp.folder(TINY), settings);
    expect(withoutMs(loaded.files)).toEqual([
      { file: 'deals.csv', present: true, read: 3, accepted: 2, rejected: 1, encoding: 'utf-8', delimiter: ',' },
      { file: 'accounts.csv', present: true, read: 2, accepted: 2, rejected: 0, encoding: 'utf-8', delimiter: ',' },
      { file: 'activities.csv', present: true, read: 3, accepted: 2, rejected: 1, encoding: 'utf-8', delimiter: ',' },
      { file: 'users.csv', present: true, read: 2, accepted: 2, rejected: 0, encoding: 'utf-8', delimiter: ',' },
      absent('targets.csv'),
      absent('funnel.csv'),
      absent('invoices.csv'),
      absent('leads.csv'),
    ]);
    for (const file of loaded.files) expect(file.read).toBe(file.accepted + file.rejected);
    expect(loaded.present).toEqual({ accounts: true, users: true, activities: true, targets: false, funnel: false, invoices: false });
    expect(loaded.fatal).toEqual([]);
  });

  it('passes accepted records on with their location and collects rejections from all files', async () => {
    const streamed: Activity[] = [];
    const loaded = await loadRecords(temp.folder(TINY), settings, { onActivity: (a) => streamed.push(a) });
    expect(loaded.records.deals.map((d) => [d.file, d.line, d.id])).toEqual([
      ['deals.csv', 2, 'D1'],
      ['deals.csv', 3, 'D2'],
    ]);
    expect(streamed.map((a) => [a.line, a.id])).toEqual([
      [2, 'X1'],
      [4, 'X3'],
    ]);
    expect(loaded.records.accounts.map((a) => a.name)).toEqual(['Nordvik AB', 'Ek & Son']);
    expect(loaded.records.targets).toEqual([]);
    expect(loaded.rejected.map((i) => [i.file, i.line, i.column, i.code])).toEqual([
      ['deals.csv', 4, 5, 'UnknownStage'],
      ['activities.csv', 3, 2, 'UnknownActivityType'],
    ]);
  });

  it('keeps meetings and flagged activities as rows and sums every accepted one into the facts', async () => {
    const dir = temp.folder({
      ...TINY,
      'activities.csv': [
        'id,type,date,owner,account_id,deal_id',
        'X1,call,2026-11-18,u1,A1,D1', // known owner and account, in the past: summed only
        'X2,meeting_held,2026-11-19,u2,A2,', // a meeting: kept
        'X3,email,2026-11-25,u1,A1,D1', // after as-of, not planned: FutureActivity, kept
        'X4,call,2026-11-17,u9,A1,', // unknown owner: kept
        'X5,call,2026-11-17,u1,A9,', // unknown account: kept
        'X6,task,2026-11-30,u1,A1,D1', // a task ahead is planned: summed only
        '',
      ].join('\n'),
    });
    const loaded = await loadRecords(dir, settings);
    expect(loaded.records.activities.map((a) => a.id)).toEqual(['X2', 'X3', 'X4', 'X5']);
    const facts = loaded.records.activityFacts;
    expect(facts.rows).toBe(6);
    expect([facts.firstDate, facts.newestUpToAsOf, facts.file]).toEqual(['2026-11-17', '2026-11-19', 'activities.csv']);
    // D1: the call of 11-18; the e-mail of 11-25 and the task of 11-30 are after as-of 2026-11-20.
    expect([...facts.lastByDeal]).toEqual([['D1', '2026-11-18']]);
    expect([...facts.owners].sort()).toEqual(['u1', 'u2', 'u9']);
    // call index 0 in ACTIVITY_TYPES: u1 called on 11-17 (X5) and 11-18 (X1).
    expect([...facts.counts.get('u1')!].map(([date]) => date)).toEqual(['2026-11-17', '2026-11-18', '2026-11-25', '2026-11-30']);
  });

  it('lists ALL fatal problems at once: two missing columns in two files', async () => {
    const dir = temp.folder({
      ...TINY,
      'deals.csv': 'id,account_id,owner,stage,amount,created_date\nD1,A1,u1,won,1,2026-01-01\n', // no close_date
      'users.csv': 'id,name\nu1,Anna\n', // no team
    });
    const loaded = await loadRecords(dir, settings);
    expect(loaded.fatal.map((i) => [i.code, i.file, i.line, i.field])).toEqual([
      ['MissingColumn', 'deals.csv', 1, 'close_date'],
      ['MissingColumn', 'users.csv', 1, 'team'],
    ]);
    // The other files are still read and accounted for.
    expect(withoutMs(loaded.files).find((f) => f.file === 'accounts.csv')).toMatchObject({ read: 2, accepted: 2 });
  });

  it('a missing deals.csv and an empty accounts.csv are both reported', async () => {
    const { 'deals.csv': _deals, ...rest } = TINY;
    const loaded = await loadRecords(temp.folder({ ...rest, 'accounts.csv': '' }), settings);
    expect(loaded.fatal.map((i) => [i.code, i.file])).toEqual([
      ['MissingFile', 'deals.csv'],
      ['EmptyFile', 'accounts.csv'],
    ]);
    expect(loaded.files[0]).toMatchObject({ file: 'deals.csv', present: false });
    expect(loaded.files[1]).toMatchObject({ file: 'accounts.csv', present: true, read: 0 });
  });

  it('only deals.csv is needed', async () => {
    const loaded = await loadRecords(temp.folder({ 'deals.csv': TINY['deals.csv']! }), settings);
    expect(loaded.fatal).toEqual([]);
    expect(loaded.files.filter((f) => f.present).map((f) => f.file)).toEqual(['deals.csv']);
    expect(Object.values(loaded.present).every((p) => !p)).toBe(true);
  });
});
