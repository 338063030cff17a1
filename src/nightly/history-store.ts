/**
 * Where the snapshots live between nights, outside the folder that new exports replace.
 *
 * @summary Two kinds of store:
 * - a folder (`TAVLA_HISTORY`, for a host that keeps its disk: cron): the snapshots are read and
 *   written in place; saving does nothing more, since each snapshot is written whole and renamed.
 * - a branch of a git repository (`TAVLA_HISTORY_GIT` + `TAVLA_HISTORY_BRANCH`, for a runner
 *   that is thrown away: GitHub Actions): restored by a shallow clone of that branch into a
 *   fresh folder (a new orphan branch when it does not exist yet), saved by one commit and a
 *   push. Runs do not overlap (the workflow's concurrency group, the cron recipe's lock), so a
 *   push rejected because the branch moved meanwhile fails the save with git's message rather
 *   than merging two histories.
 */
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { git, gitOrThrow } from './git.ts';

export interface HistoryStore {
  /** The folder holding the snapshot files. */
  dir: string;
  /** Describes the store for the log. */
  label: string;
  /** Makes what is in `dir` survive the night; returns what was done, for the log. */
  save(message: string): Promise<string>;
  /** Removes temporary files (the clone of a git store). */
  close(): Promise<void>;
}

export async function openFolderStore(dir: string): Promise<HistoryStore> {
  await mkdir(dir, { recursive: true });
  return { dir, label: `folder ${dir}`, save: async () => `kept in ${dir}`, close: async () => {} };
}

const IDENTITY = ['-c', 'user.name=tavla nightly', '-c', 'user.email=tavla-nightly@localhost', '-c', 'commit.gpgsign=false'];

export async function openGitStore(remote: string, branch: string): Promise<HistoryStore> {
  const parent = await mkdtemp(join(tmpdir(), 'tavla-history-'));
  const dir = join(parent, 'store');
  const exists = git(['ls-remote', '--exit-code', '--heads', remote, branch], parent);
  if (exists.ok) {
    gitOrThrow(['clone', '--quiet', '--depth', '1', '--single-branch', '--branch', branch, remote, dir], parent);
  } else if (exists.stderr === '' || /exit code 2/.test(exists.stderr)) {
    // ls-remote exits 2 with nothing printed when the repository is reachable but has no such branch.
    await mkdir(dir);
    gitOrThrow(['init', '--quiet'], dir);
    gitOrThrow(['checkout', '--quiet', '--orphan', branch], dir);
    gitOrThrow(['remote', 'add', 'origin', remote], dir);
  } else {
    await rm(parent, { recursive: true, force: true });
    throw new Error(`the history repository ${remote} cannot be read: ${exists.stderr}`);
  }
  const save = async (message: string): Promise<string> => {
    gitOrThrow(['add', '--all', '--', '.'], dir);
    if (git(['diff', '--cached', '--quiet'], dir).ok) return `nothing new to commit on ${branch}`;
    gitOrThrow([...IDENTITY, 'commit', '--quiet', '-m', message], dir);
    gitOrThrow(['push', '--quiet', 'origin', `HEAD:refs/heads/${branch}`], dir);
    return `committed and pushed to ${branch}`;
  };
  return { dir, label: `branch ${branch} of ${remote}`, save, close: () => rm(parent, { recursive: true, force: true }) };
}
