import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { canonicalJson, encodeSnapshot, readSnapshots, writeSnapshot } from '../../src/history/store.ts';
import type { Snapshot, SnapshotDeal } from '../../src/history/types.ts';
import { snapshotOf } from './sequence.ts';

let root: string;
beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'tavla-history-'));
});
afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

const first = snapshotOf('2026-04-17', [
  ['d1', 'Fleet renewal', 'Volvo Bil', 'anna', 'gbg', 'proposal', 100_000, '2026-06-15'],
  ['d2', 'Licences – 3 år', 'Nordea Bank Abp, filial i Sverige', 'bo', 'sthlm', 'proposal', 250_000.5, '2026-05-20'],
]);
const second = snapshotOf('2026-04-20', [['d1', 'Fleet renewal', 'Volvo Bil', 'anna', 'gbg', 'meeting', 90_000, '2026-06-15']]);

/** The same snapshot with every object's keys in reverse order. */
function reversedKeys<T>(value: T): T {
  if (Array.isArray(value)) return value.map(reversedKeys) as T;
  if (value && typeof value === 'object')
    return Object.fromEntries(
      Object.entries(value)
        .reverse()
        .map(([k, v]) => [k, reversedKeys(v)]),
    ) as T;
  return value;
}

describe('writeSnapshot / readSnapshots', () => {
  it('round-trips, sorted by asOf, and re-writing gives the same bytes', async () => {
    const dir = join(root, 'roundtrip');
    const path = await writeSnapshot(dir, second);
    await writeSnapshot(dir, first);
    expect(path).toBe(join(dir, '2026-04-20.json.gz'));
    const bytes = await readFile(join(dir, '2026-04-17.json.gz'));
    // gzip header: magic 1f 8b, deflate 08, flags 0, mtime 0 0 0 0, xfl 02 (level 9), OS ff.
    expect([...bytes.subarray(0, 10)]).toEqual([0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 2, 255]);
    // Compact JSON inside, keys sorted.
    expect(gunzipSync(bytes).toString('utf8')).toMatch(/^\{"asOf":"2026-04-17","company":\{"attainment":null,/);

    const { snapshots, problems } = await readSnapshots(dir);
    expect(problems).toEqual([]);
    expect(snapshots).toEqual([first, second]);

    // Re-writing what was read (keys in the schema's order now), or with keys reversed: same bytes.
    await writeSnapshot(dir, snapshots[0]!);
    expect(await readFile(join(dir, '2026-04-17.json.gz'))).toEqual(bytes);
    await writeSnapshot(dir, reversedKeys(first));
    expect(await readFile(join(dir, '2026-04-17.json.gz'))).toEqual(bytes);
    expect(encodeSnapshot(first)).toEqual(bytes);
  });

  it('replaces the snapshot of the same date, leaving no temporary file', async () => {
    const dir = join(root, 'replace');
    await writeSnapshot(dir, first);
    const corrected = { ...first, inputHash: 'hash-rerun' };
    await writeSnapshot(dir, corrected);
    expect(await readdir(dir)).toEqual(['2026-04-17.json.gz']);
    expect((await readSnapshots(dir)).snapshots).toEqual([corrected]);
  });

  it('reports bad files instead of throwing, and keeps the good ones', async () => {
    const dir = join(root, 'bad');
    await writeSnapshot(dir, first);
    await writeFile(join(dir, '2026-04-18.json.gz'), 'not gzip at all');
    await writeFile(join(dir, '2026-04-19.json.gz'), gzipSync('{"schemaVersion":1,'));
    await writeFile(join(dir, '2026-04-20.json.gz'), gzipSync(JSON.stringify({ ...second, schemaVersion: 2 })));
    await writeFile(join(dir, '2026-04-21.json.gz'), gzipSync(JSON.stringify({ ...second, asOf: '2026-04-21', deals: [['d1', 'x']] })));
    await writeFile(join(dir, '2026-04-22.json.gz'), gzipSync(JSON.stringify(second))); // holds 04-20
    await writeFile(join(dir, 'notes.txt'), 'ignored');
    await mkdir(join(dir, 'sub.json.gz'));
    const { snapshots, problems } = await readSnapshots(dir);
    expect(snapshots.map((s) => s.asOf)).toEqual(['2026-04-17']);
    expect(problems).toHaveLength(6);
    expect(problems[0]).toMatch(/^2026-04-18\.json\.gz: not a gzip JSON file/);
    expect(problems[1]).toMatch(/^2026-04-19\.json\.gz: not a gzip JSON file/);
    expect(problems[2]).toBe('2026-04-20.json.gz: schemaVersion 2, expected 1');
    expect(problems[3]).toMatch(/^2026-04-21\.json\.gz: not a snapshot: deals\.0/);
    expect(problems[4]).toBe("2026-04-22.json.gz: holds the snapshot as of 2026-04-20, not the file's date");
    expect(problems[5]).toMatch(/^sub\.json\.gz: cannot be read/);
  });

  it('treats a missing folder as no history', async () => {
    expect(await readSnapshots(join(root, 'nothing-here'))).toEqual({ snapshots: [], problems: [] });
  });

  it('refuses an asOf that is not a date (it becomes the file name)', async () => {
    await expect(writeSnapshot(join(root, 'evil'), { ...first, asOf: '../x' })).rejects.toThrow(/YYYY-MM-DD/);
  });
});

describe('snapshot size', () => {
  it('is small: 250 open deals, 4 teams, 25 owners scored', () => {
    // Realistic-looking rows: Nordic names, ids like a CRM's, amounts with öre.
    const stages = ['qualification', 'meeting', 'proposal', 'negotiation'];
    const teams = ['goteborg', 'stockholm', 'malmo', 'kobenhavn'];
    const deals: SnapshotDeal[] = Array.from({ length: 250 }, (_, i) => [
      `0066800000${String(100_000 + i * 7919).padStart(8, '0')}`,
      `Ramavtal ${2026 + (i % 3)} – ${['Flotta', 'Licenser', 'Service', 'Utbildning'][i % 4]} ${i}`,
      `${['Volvo', 'Ericsson', 'Skanska', 'Mærsk', 'Ørsted', 'Sandvik'][i % 6]} Kund ${i % 120} AB`,
      `seller.${String(i % 25).padStart(2, '0')}`,
      teams[i % 4]!,
      stages[i % 4]!,
      Math.round(((i * 104_729) % 2_000_000) + 10_000) + (i % 2 ? 0.5 : 0),
      `2026-${String((i % 12) + 1).padStart(2, '0')}-${String((i % 28) + 1).padStart(2, '0')}`,
    ]);
    const figures = {
      volumeYtd: 12_345_678.9,
      budgetYtd: 15_000_000,
      attainment: 0.823045,
      openCount: 250,
      openAmount: 98_765_432.1,
      weighted: 34_567_890.12,
      coverage: 1.8734,
    };
    const snapshot: Snapshot = {
      schemaVersion: 1,
      asOf: '2026-11-20',
      inputHash: 'f'.repeat(64),
      company: figures,
      teams: Object.fromEntries(teams.map((t) => [t, figures])),
      qualityScore: Object.fromEntries(Array.from({ length: 25 }, (_, i) => [`seller.${String(i).padStart(2, '0')}`, i / 25])),
      deals,
    };
    const json = canonicalJson(snapshot).length;
    const gz = encodeSnapshot(snapshot).length;
    console.log(`snapshot of 250 open deals: ${json} bytes JSON, ${gz} bytes gzip; 365 nightly files ≈ ${Math.round((gz * 365) / 1024)} KiB`);
    expect(gz).toBeLessThan(16 * 1024);
  });
});
