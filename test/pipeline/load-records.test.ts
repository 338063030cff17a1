// loadRecords over tiny data folders: per-file accounting, and every fatal problem at once.
import { afterAll, describe, expect, it } from 'vitest';
import { loadRecords, type FileAccount } from '../../src/pipeline/load-records.ts';
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
    ]);
    for (const file of loaded.files) expect(file.read).toBe(file.accepted + file.rejected);
    expect(loaded.present).toEqual({ accounts: true, users: true, activities: true, targets: false, funnel: false, invoices: false });
    expect(loaded.fatal).toEqual([]);
  });

  it('passes accepted records on with their location and collects rejections from all files', async () => {
    const loaded = await loadRecords(temp.folder(TINY), settings);
    expect(loaded.records.deals.map((d) => [d.file, d.line, d.id])).toEqual([
      ['deals.csv', 2, 'D1'],
      ['deals.csv', 3, 'D2'],
    ]);
    expect(loaded.records.activities.map((a) => [a.line, a.id])).toEqual([
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
