// activities.csv shared by the two threads: the worker reads up to a cut, the main thread the
// rest, and the joined log is the one reading the file whole gives — at any cut, also when an id
// of the second part was used in the first.
import { afterAll, describe, expect, it } from 'vitest';
import { DEAL_BYTE_WEIGHT, splitByte } from '../../src/pipeline/activity-split.ts';
import { loadRecords, type LoadedRecords } from '../../src/pipeline/load-records.ts';
import { settingsSchema } from '../../src/settings/schema.ts';
import { TINY, tempFolders } from './folder.ts';

const temp = tempFolders('activity-split');
afterAll(() => temp.cleanup());
const settings = settingsSchema.parse({ asOf: '2026-11-20' });

const comparable = (loaded: LoadedRecords) => ({
  ...loaded,
  files: loaded.files.map(({ ms: _ms, ...rest }) => rest),
});

const LINES = [
  'id,type,date,owner,account_id,deal_id,duration_minutes',
  'X1,call,2026-11-18,u1,A1,D1,', // line 2: D1 is open
  'X2,meeting_held,2026-11-19,u2,A2,,45', // kept
  'X3,email,2026-11-25,u1,A1,D1,', // after as-of: kept
  'X4,call,2026-11-17,u9,A1,,', // unknown owner: kept
  'X5,lunch,2026-11-17,u1,A1,,', // rejected: unknown type
  'X6,"meeting_booked",2026-11-10,u1,,D2,30', // kept
  'X1,call,2026-11-19,u1,A1,D1,', // line 8, rejected: X1 is on line 2
  'X7,call,2026-11-19,u1,A9,D1,', // unknown account: kept; D1's last activity
  'X8,call,2026-11-20,u2,A2,,,', // rejected: one field too many
  '',
];
const ACTIVITIES = LINES.join('\n');
/** The byte where line `n` (1-based) starts. */
const startOfLine = (n: number) => LINES.slice(0, n - 1).reduce((sum, line) => sum + line.length + 1, 0);

describe('splitByte', () => {
  it('gives the worker half of the weighted work: (weight × deal bytes + activity bytes) / 2', () => {
    expect(DEAL_BYTE_WEIGHT).toBe(0.6);
    expect(splitByte(100, 200)).toBe(130); // (60 + 200) / 2
    expect(splitByte(0, 200)).toBe(100);
    expect(splitByte(400, 200)).toBeUndefined(); // (240 + 200) / 2 = 220: past the end
  });
});

describe('loading with activities.csv read in two parts', () => {
  it('gives the records, facts, rejections and file accounts of reading it whole, at every line', async () => {
    const dir = temp.folder({ ...TINY, 'activities.csv': ACTIVITIES });
    const whole = await loadRecords(dir, settings, { activityThread: 'main' });
    // Hand count: 9 data rows = 6 accepted + 3 rejected (lines 6, 8, 10).
    expect(whole.files.find((f) => f.file === 'activities.csv')).toMatchObject({ read: 9, accepted: 6, rejected: 3 });
    expect([...whole.records.activityFacts.lastByDeal]).toEqual([['D1', '2026-11-19']]);
    // Cuts before lines 3 to 10. Before line 3..8, X1 of line 8 is in the second part and X1 of
    // line 2 in the first: the DuplicateId must still name line 2.
    for (let line = 3; line <= 10; line++) {
      const log: string[] = [];
      const split = await loadRecords(dir, settings, { activityThread: 'split', activitySplitByte: startOfLine(line), log: (l) => log.push(l) });
      expect(log, `cut before line ${line}`).toContain(`  activities.csv: read in two threads, from line ${line} on after the deals`);
      expect(comparable(split), `cut before line ${line}`).toEqual(comparable(whole));
    }
    expect(whole.rejected.filter((i) => i.file === 'activities.csv').map((i) => [i.line, i.code, i.message])).toEqual([
      [6, 'UnknownActivityType', expect.stringContaining('"lunch"')],
      [8, 'DuplicateId', 'id "X1" already used on line 2'],
      [10, 'MalformedRow', 'expected 7 fields as in the header, got 8'],
    ]);
  });
});
