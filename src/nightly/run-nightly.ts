/**
 * One nightly run (`npm run nightly`): restore the history, build, keep tonight's snapshot,
 * prune, save the history, and publish only when everything passed. The build itself
 * (scripts/build.ts) publishes by swapping the finished site in; a failed build or a stale
 * export leaves the last good site and the history as they were, and the kept site then says
 * that the night failed.
 */
import { spawnSync } from 'node:child_process';
import { cp, mkdtemp, readdir, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildAsOf } from '../settings/build-as-of.ts';
import { markNightlyFailed } from './failure-notice.ts';
import { openFolderStore, openGitStore, type HistoryStore } from './history-store.ts';
import type { NightlyOptions } from './options.ts';
import { pruneSnapshots } from './prune.ts';
import { checkRestoredHistory } from './restore.ts';

export interface NightlyContext {
  root: string;
  now: Date;
  log: (line: string) => void;
}

async function openStore(options: NightlyOptions): Promise<HistoryStore> {
  const choice = options.history;
  if (choice.kind === 'git') return openGitStore(choice.remote, choice.branch);
  if (choice.kind === 'folder') return openFolderStore(choice.dir);
  // The demo: a throw-away copy of the demo company's history, never written back.
  const dir = await mkdtemp(join(tmpdir(), 'tavla-demo-history-'));
  await cp(choice.from, dir, { recursive: true }).catch(() => {});
  const store = await openFolderStore(dir);
  return {
    ...store,
    label: `a copy of ${choice.from} (the demo's history is not kept)`,
    save: async () => 'not kept (the demo company)',
    close: () => rm(dir, { recursive: true, force: true }),
  };
}

async function exists(path: string): Promise<boolean> {
  return stat(path).then(
    () => true,
    () => false,
  );
}

/** Deletes the snapshots the policy does not keep; returns the as-of dates deleted. */
async function prune(dir: string, asOf: string): Promise<string[]> {
  const names = (await readdir(dir)).filter((n) => /^\d{4}-\d{2}-\d{2}\.json\.gz$/.test(n));
  const { drop } = pruneSnapshots(
    names.map((n) => n.slice(0, 10)),
    asOf,
  );
  for (const date of drop) await rm(join(dir, `${date}.json.gz`));
  return drop;
}

function build(options: NightlyOptions, historyDir: string, asOf: string, root: string): boolean {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    TAVLA_DATA: options.dataDir,
    TAVLA_OUT: options.outDir,
    TAVLA_HISTORY: historyDir,
    TAVLA_AS_OF: asOf,
    TAVLA_FAIL_STALE: '1',
  };
  if (options.team) env.TAVLA_TEAM = options.team;
  else delete env.TAVLA_TEAM;
  const run = spawnSync('npm', ['run', '--silent', 'build'], { cwd: root, env, stdio: 'inherit' });
  return run.status === 0;
}

async function failed(options: NightlyOptions, asOf: string, context: NightlyContext, reason: string): Promise<number> {
  context.log(`tavla nightly: FAILED: ${reason}`);
  const night = asOf || context.now.toISOString().slice(0, 10);
  if (await exists(join(options.outDir, 'index.html'))) {
    const pages = await markNightlyFailed(options.outDir, night);
    context.log(`tavla nightly: the last good site in ${options.outDir} stays up; ${pages} page(s) now say that the night of ${night} failed`);
  }
  return 1;
}

export async function runNightly(options: NightlyOptions, context: NightlyContext): Promise<number> {
  const { log } = context;
  if (!(await exists(options.dataDir))) return failed(options, options.asOf ?? '', context, `the data folder ${options.dataDir} does not exist`);
  const chosen = await buildAsOf(options.dataDir, options.asOf, context.now);
  if (!chosen.ok) return failed(options, options.asOf ?? '', context, chosen.message);
  const { asOf } = chosen;
  log(`tavla nightly: ${chosen.note}; data ${options.dataDir}${options.demo ? ' (the demo company)' : ''}; site ${options.outDir}`);
  let store: HistoryStore;
  try {
    store = await openStore(options);
  } catch (error) {
    return failed(options, asOf, context, `the history cannot be restored: ${(error as Error).message}`);
  }
  try {
    const historyDir = options.team ? join(store.dir, options.team) : store.dir;
    log(`tavla nightly: history restored from ${store.label}`);
    for (const line of (await checkRestoredHistory(historyDir, asOf)).lines) log(`tavla nightly: history: ${line}`);
    if (!build(options, historyDir, asOf, context.root)) {
      return await failed(options, asOf, context, 'the build did not pass (see above); the history was not changed');
    }
    const dropped = await prune(historyDir, asOf);
    if (dropped.length > 0) log(`tavla nightly: history: pruned ${dropped.length} snapshot(s): ${dropped.join(', ')}`);
    log(`tavla nightly: history: ${await store.save(`Snapshot as of ${asOf}`)}`);
    log(`tavla nightly: published ${options.outDir} as of ${asOf}`);
    return 0;
  } catch (error) {
    log(`tavla nightly: FAILED after the build: ${(error as Error).message}`);
    return 1;
  } finally {
    await store.close();
  }
}
