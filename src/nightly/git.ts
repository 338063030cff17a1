/**
 * Runs the real `git` for the history store. Never prompts (GIT_TERMINAL_PROMPT=0): a missing
 * credential fails at once instead of waiting for a password on a headless runner. Credentials
 * come from the environment (e.g. an http.extraheader passed as GIT_CONFIG_* variables), never
 * from an address written into a file.
 */
import { spawnSync } from 'node:child_process';

export interface GitResult {
  ok: boolean;
  stdout: string;
  stderr: string;
}

export function git(args: readonly string[], cwd: string): GitResult {
  const run = spawnSync('git', args, {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, GIT_TERMINAL_PROMPT: '0', GIT_ASKPASS: 'true', LC_ALL: 'C' },
  });
  if (run.error) return { ok: false, stdout: '', stderr: run.error.message };
  return { ok: run.status === 0, stdout: run.stdout.trim(), stderr: run.stderr.trim() };
}

/** Like `git`, but throws with git's own message when the command fails. */
export function gitOrThrow(args: readonly string[], cwd: string): string {
  const result = git(args, cwd);
  if (!result.ok) throw new Error(`git ${args.join(' ')} failed: ${result.stderr || result.stdout}`);
  return result.stdout;
}
