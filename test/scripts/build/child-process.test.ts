import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parentGone, PARENT_PID_ENV } from '../../../scripts/build/child-process.ts';
import { running } from '../../support/processes.ts';

const MODULE = new URL('../../../scripts/build/child-process.ts', import.meta.url).href;
const WATCHDOG = new URL('../../../scripts/build/die-with-parent.ts', import.meta.url).href;

async function until(check: () => boolean, ms = 5_000): Promise<boolean> {
  const end = Date.now() + ms;
  while (!check() && Date.now() < end) await new Promise((done) => setTimeout(done, 50));
  return check();
}

describe('children of the build', () => {
  it('know when their parent is gone', () => {
    expect(parentGone({ [PARENT_PID_ENV]: String(process.ppid) })).toBe(false);
    expect(parentGone({ [PARENT_PID_ENV]: '999999999' })).toBe(true);
    expect(parentGone({})).toBe(false);
  });

  it.each(['SIGKILL', 'SIGTERM', 'SIGINT'] as const)('die with the build (%s), and the build cleans up on a signal', async (signal) => {
    const dir = mkdtempSync(join(tmpdir(), 'tavla-child-'));
    const marker = join(dir, 'cleaned');
    const code = `const m = await import(${JSON.stringify(MODULE)});
      const { writeFileSync } = await import('node:fs');
      m.onStop(() => writeFileSync(${JSON.stringify(marker)}, 'cleaned'));
      m.runChild(process.execPath, ['--import', ${JSON.stringify(WATCHDOG)}, '-e', 'setInterval(() => {}, 1000)'], { env: process.env });
      process.stdout.write('started\\n');`;
    const parent = spawn(process.execPath, ['--input-type=module', '-e', code], { stdio: ['ignore', 'pipe', 'inherit'] });
    await new Promise<void>((done) => parent.stdout.once('data', () => done()));
    let child = 0;
    await until(() => (child = Number(execFileSync('ps', ['-o', 'pid=', '--ppid', String(parent.pid)], { encoding: 'utf8' }).trim() || 0)) > 0);
    expect(child).toBeGreaterThan(0);
    const parentExit = new Promise<void>((done) => parent.once('exit', () => done()));
    parent.kill(signal);
    expect(await until(() => !running(child))).toBe(true);
    // the child may be gone a moment before the build has run its clean-ups and exited
    await parentExit;
    if (signal !== 'SIGKILL') expect(existsSync(marker)).toBe(true);
  });
});
