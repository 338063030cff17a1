/**
 * What a nightly run reads and writes, from the environment and the command line; a missing
 * data source or history store is an error that says what to set, never a silent default.
 *
 * @summary
 * - data: `TAVLA_DATA`; or the demo company in the project's data/ only when asked for by name
 *   (`--demo`). Neither: error.
 * - history: `TAVLA_HISTORY_GIT` (a git repository address; branch `TAVLA_HISTORY_BRANCH`, default
 *   `tavla-history`) or `TAVLA_HISTORY` (a folder anywhere on the machine). Neither: error (for the
 *   demo: a throw-away copy of data/history). Both: error. A history folder inside the data folder
 *   is an error: exports that replace the folder would delete it.
 * - out: `TAVLA_OUT` (default <project>/dist); team: `TAVLA_TEAM` (its own subfolder of the store);
 *   as-of: `TAVLA_AS_OF`.
 */
import { isAbsolute, join, relative, resolve } from 'node:path';

export type HistoryChoice = { kind: 'git'; remote: string; branch: string } | { kind: 'folder'; dir: string } | { kind: 'demo'; from: string };

export interface NightlyOptions {
  dataDir: string;
  demo: boolean;
  outDir: string;
  history: HistoryChoice;
  team?: string;
  asOf?: string;
}

const DEFAULT_HISTORY_BRANCH = 'tavla-history';

function inside(child: string, parent: string): boolean {
  const path = relative(parent, child);
  return path === '' || (!path.startsWith('..') && !isAbsolute(path));
}

function historyChoice(env: NodeJS.ProcessEnv, dataDir: string, demo: boolean, root: string): HistoryChoice | string {
  const remote = env.TAVLA_HISTORY_GIT?.trim();
  const folder = env.TAVLA_HISTORY?.trim();
  if (remote && folder) return 'set either TAVLA_HISTORY_GIT (a git repository) or TAVLA_HISTORY (a folder) for the history, not both';
  if (remote) return { kind: 'git', remote, branch: env.TAVLA_HISTORY_BRANCH?.trim() || DEFAULT_HISTORY_BRANCH };
  if (folder) {
    const dir = resolve(folder);
    if (inside(dir, dataDir)) {
      return `TAVLA_HISTORY (${dir}) is inside the data folder ${dataDir}: a new export that replaces the folder would delete the history. Keep it elsewhere, e.g. next to the data folder`;
    }
    return { kind: 'folder', dir };
  }
  if (demo) return { kind: 'demo', from: join(root, 'data', 'history') };
  return 'no history store: set TAVLA_HISTORY to a folder that survives the night (a host with cron) or TAVLA_HISTORY_GIT to a git repository the run may push to (GitHub Actions); see docs/deploy.md';
}

/** The run's options, or the message saying what is missing. */
export function nightlyOptions(env: NodeJS.ProcessEnv, args: readonly string[], root: string): NightlyOptions | string {
  const unknown = args.filter((a) => a !== '--demo');
  if (unknown.length > 0) return `unknown argument ${unknown.join(' ')} (the only one is --demo)`;
  const demo = args.includes('--demo');
  const data = env.TAVLA_DATA?.trim();
  if (demo && data) return '--demo builds the demo company from data/: unset TAVLA_DATA, or drop --demo to build the export in TAVLA_DATA';
  if (!demo && !data) {
    return 'no data source: set TAVLA_DATA to the folder holding the CRM exports (or run `npm run nightly -- --demo` to build the demo company on purpose)';
  }
  const dataDir = demo ? join(root, 'data') : resolve(data!);
  const history = historyChoice(env, dataDir, demo, root);
  if (typeof history === 'string') return history;
  return {
    dataDir,
    demo,
    outDir: resolve(env.TAVLA_OUT?.trim() || join(root, 'dist')),
    history,
    team: env.TAVLA_TEAM?.trim() || undefined,
    asOf: env.TAVLA_AS_OF?.trim() || undefined,
  };
}
