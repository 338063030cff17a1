// activities.csv shared by the two threads: the worker reads up to a cut, the main thread the
// rest, and the joined log is the one reading the file whole gives — at any cut, also when an id
// of the second part was used in the first.
import { afterAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { cutLog, halfOfRest, MIN_SHARED_BYTES } from '../../../src/pipeline/activity-log/split.ts';
import { loadRecords, type LoadedRecords } from '../../../src/pipeline/load-records.ts';
import { settingsSchema } from '../../../src/settings/schema.ts';
import { TINY, tempFolders } from '../folder.ts';

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

describe('halfOfRest', () => {
  it('cuts half of what the worker has not read, when at least 1 MiB is left', () => {
    const MiB = 1024 * 1024;
    expect(MIN_SHARED_BYTES).toBe(MiB);
    expect(halfOfRest(100 * MiB, 40 * MiB)).toBe(70 * MiB); // 40 + (100 − 40) / 2
    expect(halfOfRest(100 * MiB, 0)).toBe(50 * MiB);
    expect(halfOfRest(100 * MiB, 99.5 * MiB)).toBeUndefined();
  });
});

describe('cutLog', () => {
  /** A worker that has read `positions[i]` bytes at the i-th request (the last one from then on), and accepts a cut not behind it. */
  const fakeWorker = (positions: number[]) => {
    const asked: (number | null)[] = [];
    let at = 0;
    const read = () => positions[Math.min(at++, positions.length - 1)]!;
    return {
      asked,
      where: async () => read(),
      cut: async (end: number | null) => {
        asked.push(end);
        const now = read();
        return end !== null && now <= end;
      },
    };
  };
  const path = () => join(temp.folder({ 'activities.csv': ACTIVITIES }), 'activities.csv');

  it('cuts at the first record boundary at or after the target, and asks again when the worker got past it', async () => {
    // First answer: the worker is at byte 0; the cut before line 4 is proposed, but by then it has
    // read to line 6 (refused). Second round: from line 6 on, the cut before line 8 is accepted.
    const worker = fakeWorker([0, startOfLine(6)]);
    const targets = [startOfLine(4) - 3, startOfLine(8) - 1];
    let round = 0;
    const split = await cutLog(worker, path(), () => targets[round++]);
    expect(worker.asked).toEqual([startOfLine(4), startOfLine(8)]);
    expect(split?.second).toMatchObject({ range: { start: startOfLine(8) }, firstLine: 8 });
  });

  it('lets the worker read on when there is no cut', async () => {
    const worker = fakeWorker([0]);
    expect(await cutLog(worker, path(), () => undefined)).toBeUndefined();
    expect(worker.asked).toEqual([null]);
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
      expect(log, `cut before line ${line}`).toContain(`  activities.csv: read in two threads, from line ${line} on by the main thread`);
      expect(comparable(split), `cut before line ${line}`).toEqual(comparable(whole));
    }
    // Cut wherever the worker happens to be once the deals are read (or not at all): the same.
    expect(comparable(await loadRecords(dir, settings, { activityThread: 'split' }))).toEqual(comparable(whole));
    expect(whole.rejected.filter((i) => i.file === 'activities.csv').map((i) => [i.line, i.code, i.message])).toEqual([
      [6, 'UnknownActivityType', expect.stringContaining('"lunch"')],
      [8, 'DuplicateId', 'id "X1" already used on line 2'],
      [10, 'MalformedRow', 'expected 7 fields as in the header, got 8'],
    ]);
  });
});
