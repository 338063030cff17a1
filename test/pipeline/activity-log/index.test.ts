// The activity log's one door: whichever thread it chooses, it asks for users and accounts
// first and for the other files once, and gives the same log.
import { afterAll, describe, expect, it } from 'vitest';
import type { Account, User } from '../../../src/core/records.ts';
import { readActivityLog, type ActivityLog, type LogThread } from '../../../src/pipeline/activity-log/index.ts';
import { settingsSchema } from '../../../src/settings/schema.ts';
import { tempFolders } from '../folder.ts';

const temp = tempFolders('activity-door');
afterAll(() => temp.cleanup());
const settings = settingsSchema.parse({ asOf: '2026-11-20' });

const ACTIVITIES = [
  'id,type,date,owner,account_id,deal_id,duration_minutes',
  'X1,call,2026-11-18,u1,A1,D1,',
  'X2,meeting_held,2026-11-19,u2,A2,,45', // kept: a customer meeting
  'X3,lunch,2026-11-17,u1,A1,,', // rejected: unknown type
  'X4,call,2026-11-17,u9,A1,,', // unknown owner: kept
  '',
].join('\n');

const users = [
  { file: 'users.csv', line: 2, id: 'u1', name: 'Anna Berg', teamId: 'north', hats: [] },
  { file: 'users.csv', line: 3, id: 'u2', name: 'Bo Lind', teamId: 'north', hats: [] },
] satisfies User[];
const accounts = [
  { file: 'accounts.csv', line: 2, id: 'A1', name: 'Nordvik AB', ownerId: 'u1' },
  { file: 'accounts.csv', line: 3, id: 'A2', name: 'Ek & Son', ownerId: 'u2' },
] satisfies Account[];

async function readOn(thread: LogThread, dataDir: string): Promise<{ calls: string[]; log: ActivityLog }> {
  const calls: string[] = [];
  const log = await readActivityLog({
    dataDir,
    settings,
    asOf: '2026-11-20',
    sources: [],
    thread,
    readReferences: async () => {
      calls.push('references');
      return { users, accounts, present: { users: true, accounts: true } };
    },
    readOtherFiles: async () => {
      calls.push('other files');
      return ['D1'];
    },
  });
  return { calls, log };
}

/** What loadRecords takes from a log (a part's decoding notes and the timings aside). */
const comparable = ({ results, facts, kept }: ActivityLog) => ({
  results: results.map(({ file, present, read, accepted, rejected, issues, fatal, encoding, delimiter }) => ({
    file,
    present,
    read,
    accepted,
    rejected,
    issues,
    fatal,
    encoding,
    delimiter,
  })),
  facts,
  kept,
});

describe('readActivityLog', () => {
  it('reads the same log on this thread, in a worker and split, asking for references first', async () => {
    const dir = temp.folder({ 'activities.csv': ACTIVITIES });
    const main = await readOn('main', dir);
    expect(main.calls).toEqual(['references', 'other files']);
    // Hand count: 4 rows read, 3 accepted (X1, X2, X4), 1 rejected (X3); kept X2 and X4.
    expect(main.log.results.map(({ read, accepted, rejected }) => ({ read, accepted, rejected }))).toEqual([{ read: 4, accepted: 3, rejected: 1 }]);
    expect(main.log.kept.map((row) => row.id)).toEqual(['X2', 'X4']);
    for (const thread of ['worker', 'split', 'auto'] as const) {
      const other = await readOn(thread, dir);
      expect(other.calls, thread).toEqual(['references', 'other files']);
      expect(comparable(other.log), thread).toEqual(comparable(main.log));
    }
  });
});
