// Every column a file's table keeps as read reaches the record on every path a row can take:
// deals, users and targets through the fast reader and the zod schema; activities through the quick rows (a line
// and a quoted row), the general reading, a worker thread and the log split between two threads.
// The expected values are worked out from the CSV text written here, one per column and row.
import { afterAll, describe, expect, it } from 'vitest';
import type { Account, Activity, User } from '../../src/core/records.ts';
import type { CellKind } from '../../src/schemas/cells.ts';
import { NOT_FAST } from '../../src/schemas/cells.ts';
import { ACTIVITY_COLUMNS, activitiesFile } from '../../src/schemas/activities.ts';
import { DEAL_COLUMNS, dealsFile } from '../../src/schemas/deals.ts';
import { TARGET_COLUMNS, targetsFile } from '../../src/schemas/targets.ts';
import { USER_COLUMNS, usersFile } from '../../src/schemas/users.ts';
import { readActivityLog, type LogThread } from '../../src/pipeline/activity-log/index.ts';
import { settingsSchema } from '../../src/settings/schema.ts';
import { plainDeal } from '../support/plain-deal.ts';
import { tempFolders } from '../pipeline/folder.ts';

const settings = settingsSchema.parse({ asOf: '2026-11-20' });
const temp = tempFolders('every-column');
afterAll(() => temp.cleanup());

/** A cell of `kind` for row `row` and the value it reads as (row 1 → text `name-1`, number 11, date 2026-11-11). */
function cellFor(name: string, kind: CellKind, row: number): { cell: string; value: unknown } {
  if (kind.endsWith('Number') || kind === 'optionalInteger') return { cell: String(10 + row), value: 10 + row };
  if (kind.endsWith('Date')) return { cell: `2026-11-${10 + row}`, value: `2026-11-${10 + row}` };
  return { cell: `${name}-${row}`, value: `${name}-${row}` };
}

/** Columns kept as read: those with a field that the file's finish does not resolve itself. */
const givenOf = (table: readonly { name: string; kind: CellKind; field?: string; resolved?: true }[]) =>
  table.filter((column) => column.field !== undefined && !column.resolved) as { name: string; kind: CellKind; field: string }[];

describe('deals.csv: every column kept as read', () => {
  const given = givenOf(DEAL_COLUMNS);
  const base: Record<string, string> = {
    id: 'D1',
    name: 'Alpha',
    account_id: 'A1',
    owner: 'u1',
    stage: 'won',
    amount: '100',
    currency: 'SEK',
    created_date: '2026-01-05',
    close_date: '2026-10-01',
    channel: 'new',
    forecast_category: 'commit',
  };
  const cells = { ...base, ...Object.fromEntries(given.map((c) => [c.name, cellFor(c.name, c.kind, 1).cell])) };
  const expected = Object.fromEntries(given.map((c) => [c.field, cellFor(c.name, c.kind, 1).value]));

  it('has columns kept as read', () => {
    expect(given.map((c) => c.name)).toEqual(expect.arrayContaining(['product', 'next_step']));
  });

  it('reaches the deal through the zod schema and the fast reader, and its plain copy', () => {
    const viaSchema = dealsFile.schema(settings).parse(cells);
    const fast = dealsFile.fast!(settings);
    const viaFast = fast.read(fast.columns.map((name) => cells[name]));
    if (viaFast === NOT_FAST) throw new Error('the fast reader did not take a good row');
    for (const deal of [viaSchema, viaFast]) {
      const fields = deal as unknown as Record<string, unknown>;
      expect(Object.fromEntries(given.map((c) => [c.field, fields[c.field]]))).toEqual(expected);
      expect(plainDeal(deal)).toMatchObject(expected);
      expect(JSON.parse(JSON.stringify(deal))).toMatchObject(expected);
    }
  });
});

/** The record read from `cells` by a file's zod schema and by its fast reader (which must take the row). */
function bothWays<T>(
  spec: { schema: typeof usersFile.schema | typeof targetsFile.schema; fast?: typeof usersFile.fast | typeof targetsFile.fast },
  cells: Record<string, string>,
) {
  const viaSchema = spec.schema(settings).parse(cells) as T;
  const fast = spec.fast!(settings);
  const viaFast = fast.read(fast.columns.map((name) => cells[name]));
  if (viaFast === NOT_FAST) throw new Error('the fast reader did not take a good row');
  return [viaSchema, viaFast as T];
}

describe('users.csv: every column kept as read', () => {
  const given = givenOf(USER_COLUMNS);
  const cells = { roles: 'account_executive', ...Object.fromEntries(given.map((c) => [c.name, cellFor(c.name, c.kind, 1).cell])) };
  const expected = { ...Object.fromEntries(given.map((c) => [c.field, cellFor(c.name, c.kind, 1).value])), hats: ['account_executive'] };

  it('has columns kept as read, and the table is the header mapping', () => {
    expect(given.map((c) => c.field)).toEqual(['id', 'name', 'email', 'teamId', 'start', 'end']);
    expect(usersFile.columns.map((c) => c.name)).toEqual(USER_COLUMNS.map((c) => c.name));
  });

  it('reaches the user through the zod schema and the fast reader', () => {
    for (const user of bothWays(usersFile, cells)) expect(user).toEqual(expected);
  });
});

describe('targets.csv: every column reaches the target', () => {
  const given = givenOf(TARGET_COLUMNS);
  const cells = { period: 'fy2026', cadence: 'Weekly', scope: 'Team', scope_id: 'north', measure: 'Revenue', value: '1 500' };

  it('keeps the value as read and resolves the others', () => {
    expect(given.map((c) => c.field)).toEqual(['value']);
    expect(targetsFile.columns.map((c) => c.name)).toEqual(TARGET_COLUMNS.map((c) => c.name));
  });

  it('reaches the target through the zod schema and the fast reader', () => {
    const expected = { period: 'FY2026', cadence: 'weekly', scope: 'team', scopeId: 'north', measure: 'revenue', value: 1500 };
    for (const target of bothWays(targetsFile, cells)) expect(target).toEqual(expected);
  });
});

describe('activities.csv: every column kept as read', () => {
  const given = givenOf(ACTIVITY_COLUMNS);
  const header = ['id', 'type', 'date', 'owner', 'account_id', ...given.map((c) => c.name)];
  /** Six customer meetings (kept rows); row 3's id is quoted, so that row is split before it is read. */
  const rows = [1, 2, 3, 4, 5, 6];
  const line = (row: number) =>
    [row === 3 ? `"X${row}"` : `X${row}`, 'meeting_held', '2026-11-02', 'u1', 'A1', ...given.map((c) => cellFor(c.name, c.kind, row).cell)].join(',');
  const csv = `${[header.join(','), ...rows.map(line)].join('\n')}\n`;
  const expected = rows.map((row) => ({ id: `X${row}`, ...Object.fromEntries(given.map((c) => [c.field, cellFor(c.name, c.kind, row).value])) }));
  const users = [{ file: 'users.csv', line: 2, id: 'u1', name: 'Anna Berg', teamId: 'north', hats: [] }] satisfies User[];
  const accounts = [{ file: 'accounts.csv', line: 2, id: 'A1', name: 'Nordvik AB', ownerId: 'u1' }] satisfies Account[];

  async function keptRows(thread: LogThread, options: { splitByte?: number; onActivity?: (a: Activity) => void } = {}) {
    const dataDir = temp.folder({ 'activities.csv': csv });
    const log = await readActivityLog({
      dataDir,
      settings,
      asOf: '2026-11-20',
      sources: [],
      thread,
      ...options,
      readReferences: async () => ({ users, accounts, present: { users: true, accounts: true } }),
      readOtherFiles: async () => [],
    });
    expect(log.results[0]).toMatchObject({ read: 6, accepted: 6, rejected: 0 });
    return log.kept;
  }

  it('has columns kept as read', () => {
    expect(given.map((c) => c.name)).toEqual(expect.arrayContaining(['duration_minutes', 'lead_id']));
    expect(activitiesFile.columns.map((c) => c.name)).toEqual(ACTIVITY_COLUMNS.map((c) => c.name));
  });

  it('reaches the kept rows through the quick rows and the general reading on this thread', async () => {
    expect(await keptRows('main')).toMatchObject(expected);
    expect(await keptRows('main', { onActivity: () => {} })).toMatchObject(expected); // every row read the general way
  });

  it('reaches the kept rows read in a worker thread', async () => {
    expect(await keptRows('worker')).toMatchObject(expected);
  });

  it('reaches the kept rows of a log split between two threads', async () => {
    const splitByte = csv.indexOf('X4'); // rows 1–3 in the worker, 4–6 on this thread
    expect(await keptRows('split', { splitByte })).toMatchObject(expected);
  });
});
