import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateLarge, type LargeDataset, type LargeOptions } from '../../../scripts/bench/generate-large.ts';
import { papaCount, parseRowsRead, parseTimings, readCsvCount } from '../../../scripts/bench/measure.ts';
import { loadRecords } from '../../../src/pipeline/load-records.ts';
import { loadSettings } from '../../../src/settings/load-settings.ts';

const TINY: Partial<LargeOptions> = { deals: 400, activities: 2000, accounts: 80, sellers: 30, teams: 4 };

describe('generateLarge', () => {
  let root: string;
  let first: LargeDataset;
  let second: LargeDataset;

  beforeAll(async () => {
    root = await mkdtemp(join(tmpdir(), 'tavla-bench-'));
    first = await generateLarge(join(root, 'a'), TINY);
    second = await generateLarge(join(root, 'b'), TINY);
  });
  afterAll(async () => {
    await rm(root, { recursive: true, force: true });
  });

  it('writes the same bytes for the same seed and options', async () => {
    expect(first.files.map((f) => f.file)).toEqual(['users.csv', 'accounts.csv', 'deals.csv', 'activities.csv', 'targets.csv', 'funnel.csv']);
    for (const name of [...first.files.map((f) => f.file), 'tavla.config.json']) {
      const [a, b] = await Promise.all([readFile(join(first.dir, name)), readFile(join(second.dir, name))]);
      expect(a.equals(b), name).toBe(true);
    }
  });

  it('writes the requested row counts, and another seed gives other data', async () => {
    const rows = Object.fromEntries(first.files.map((f) => [f.file, f.rows]));
    expect(rows).toMatchObject({ 'deals.csv': 400, 'activities.csv': 2000, 'accounts.csv': 80, 'users.csv': 30 });
    const other = await generateLarge(join(root, 'c'), { ...TINY, seed: 7 });
    const [a, c] = await Promise.all([readFile(join(first.dir, 'deals.csv')), readFile(join(other.dir, 'deals.csv'))]);
    expect(a.equals(c)).toBe(false);
  });

  it('is accepted by the real validator with 0 rejected rows', async () => {
    const settings = await loadSettings(first.dir);
    if (!settings.ok) throw new Error(JSON.stringify(settings.issues));
    expect(settings.settings.asOf).toBe('2026-11-20');
    const loaded = await loadRecords(first.dir, settings.settings);
    expect(loaded.fatal).toEqual([]);
    expect(loaded.rejected).toEqual([]);
    for (const generated of first.files) {
      const account = loaded.files.find((f) => f.file === generated.file);
      expect(account, generated.file).toMatchObject({ present: true, read: generated.rows, accepted: generated.rows, rejected: 0 });
    }
  });

  it('gives the bench row counters the same counts as the generator', async () => {
    for (const file of ['deals.csv', 'activities.csv']) {
      const rows = first.files.find((f) => f.file === file)?.rows;
      expect(await papaCount(join(first.dir, file))).toBe(rows);
      expect(await readCsvCount(join(first.dir, file))).toBe(rows);
    }
  });
});

describe('runPipeline summary parsing', () => {
  const summary = [
    'file                  read  accepted  rejected  dialect',
    'deals.csv             2483      2480         3  utf-8, ","',
    'invoices.csv             —         —         —  (not in the data folder)',
    'settings 37 ms · read + validate 699 ms · model 13 ms · quality 136 ms · metrics + report 2227 ms',
  ].join('\n');

  it('reads the stage times and the rows read per file', () => {
    expect(parseTimings(summary)).toEqual({ settings: 37, 'read + validate': 699, model: 13, quality: 136, 'metrics + report': 2227 });
    expect(parseRowsRead(summary)).toEqual({ 'deals.csv': 2483 });
  });
});
