/** The history store with real git: a local bare repository stands in for the remote one. */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openFolderStore, openGitStore } from '../../src/nightly/history-store.ts';
import { checkRestoredHistory } from '../../src/nightly/restore.ts';
import { writeSnapshot } from '../../src/history/store.ts';
import type { Snapshot } from '../../src/history/types.ts';

const figures = { volumeYtd: 0, budgetYtd: null, attainment: null, openCount: 0, openAmount: 0, weighted: 0, coverage: null };
const snapshot = (asOf: string): Snapshot => ({
  schemaVersion: 1,
  asOf,
  inputHash: 'x',
  company: figures,
  teams: {},
  sellers: {},
  qualityScore: {},
  deals: [],
});
const bare = () => {
  const dir = join(mkdtempSync(join(tmpdir(), 'tavla-store-')), 'history.git');
  spawnSync('git', ['init', '--quiet', '--bare', dir]);
  return dir;
};
const files = (remote: string, branch = 'tavla-history') =>
  spawnSync('git', ['--git-dir', remote, 'ls-tree', '--name-only', branch], { encoding: 'utf8' }).stdout.trim().split('\n').filter(Boolean);

describe('history store in git', () => {
  it('starts the branch on the first night and adds to it on the next, from fresh clones', async () => {
    const remote = bare();
    const first = await openGitStore(remote, 'tavla-history');
    expect(readdirSync(first.dir).filter((n) => n !== '.git')).toEqual([]);
    await writeSnapshot(first.dir, snapshot('2026-06-12'));
    expect(await first.save('Snapshot as of 2026-06-12')).toBe('committed and pushed to tavla-history');
    await first.close();

    const second = await openGitStore(remote, 'tavla-history');
    expect(readdirSync(second.dir).filter((n) => n !== '.git')).toEqual(['2026-06-12.json.gz']);
    expect(await second.save('nothing')).toBe('nothing new to commit on tavla-history');
    await writeSnapshot(second.dir, snapshot('2026-06-15'));
    await second.save('Snapshot as of 2026-06-15');
    await second.close();
    expect(files(remote)).toEqual(['2026-06-12.json.gz', '2026-06-15.json.gz']);
  });

  it("fails with git's reason when the store cannot be reached", async () => {
    await expect(openGitStore(join(tmpdir(), 'no-such-repository.git'), 'tavla-history')).rejects.toThrow(
      /cannot be read|does not appear to be a git repository/,
    );
  });
});

describe('restoring the history', () => {
  it('moves an unreadable snapshot aside, logs it, and reads the rest', async () => {
    const store = await openFolderStore(mkdtempSync(join(tmpdir(), 'tavla-folder-')));
    await writeSnapshot(store.dir, snapshot('2026-06-12'));
    writeFileSync(join(store.dir, '2026-06-13.json.gz'), 'not gzip');
    const bytes = readFileSync(join(store.dir, '2026-06-12.json.gz'));
    writeFileSync(join(store.dir, '2026-06-14.json.gz'), bytes.subarray(0, bytes.length - 10));
    const restored = await checkRestoredHistory(store.dir, '2026-06-18');
    expect(restored.count).toBe(1);
    expect(restored.unreadable).toEqual(['2026-06-13.json.gz', '2026-06-14.json.gz']);
    expect(readdirSync(join(store.dir, 'unreadable')).sort()).toEqual(['2026-06-13.json.gz', '2026-06-14.json.gz']);
    expect(restored.lines[0]).toMatch(/^unreadable snapshot moved to unreadable\/2026-06-13\.json\.gz: not a gzip JSON file/);
    expect(restored.lines.slice(2)).toEqual([
      '1 snapshot(s) from 2026-06-12 to 2026-06-12',
      // 2026-06-12 → 2026-06-18: 6 days.
      'no snapshot from the night before 2026-06-18: the newest earlier one is from 2026-06-12 (6 days before)',
    ]);
  });

  it('says when the history starts', async () => {
    const restored = await checkRestoredHistory(join(tmpdir(), 'tavla-nothing-here'), '2026-06-18');
    expect(restored.lines).toEqual(["no snapshots yet: tonight's build starts the history"]);
  });
});
