import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { acquireBuildLock, LockBusyError, processAlive } from '../../../scripts/build/build-lock.ts';

const lockPath = (): string => join(mkdtempSync(join(tmpdir(), 'tavla-lock-')), 'dist.lock');
const MODULE = new URL('../../../scripts/build/build-lock.ts', import.meta.url).href;

/** A process that takes the lock, prints "held", and keeps it until killed (or for `holdMs`). */
function holder(path: string, holdMs = 60_000) {
  const code = `const m = await import(${JSON.stringify(MODULE)});
    const lock = await m.acquireBuildLock(${JSON.stringify(path)}, { waitMs: 0 });
    process.on('exit', () => lock.release());
    process.stdout.write('held\\n');
    setTimeout(() => process.exit(0), ${holdMs});`;
  const child = spawn(process.execPath, ['--input-type=module', '-e', code], { stdio: ['ignore', 'pipe', 'inherit'] });
  const held = new Promise<void>((done) => child.stdout.on('data', () => done()));
  return { child, held };
}

describe('acquireBuildLock', () => {
  it('names the holder in the lock file and removes it on release', async () => {
    const path = lockPath();
    const lock = await acquireBuildLock(path, { waitMs: 0 });
    expect(JSON.parse(readFileSync(path, 'utf8'))).toEqual({ pid: process.pid, host: hostname(), started: lock.holder.started });
    lock.release();
    expect(existsSync(path)).toBe(false);
  });

  it('refuses a second build while a live process holds the lock, naming it', async () => {
    const path = lockPath();
    const first = holder(path);
    await first.held;
    const error = await acquireBuildLock(path, { waitMs: 300, pollMs: 50 }).catch((e: unknown) => e);
    first.child.kill('SIGKILL');
    expect(error).toBeInstanceOf(LockBusyError);
    expect((error as Error).message).toContain(`is held by process ${first.child.pid} on ${hostname()}`);
    expect((error as Error).message).toContain('fix: let that build finish');
  });

  it('waits for a holder that finishes within the waiting time', async () => {
    const path = lockPath();
    const first = holder(path, 400);
    await first.held;
    const lines: string[] = [];
    const lock = await acquireBuildLock(path, { waitMs: 20_000, pollMs: 50, log: (line) => lines.push(line) });
    expect(lock.holder.pid).toBe(process.pid);
    expect(lines[0]).toMatch(new RegExp(`held by process ${first.child.pid} .*waiting up to 20 s`));
    lock.release();
  });

  it('takes over the lock of a killed build (stale: its process no longer runs)', async () => {
    const path = lockPath();
    const first = holder(path);
    await first.held;
    first.child.kill('SIGKILL');
    await new Promise((done) => first.child.on('exit', done));
    expect(processAlive(first.child.pid!)).toBe(false);
    const lines: string[] = [];
    const lock = await acquireBuildLock(path, { waitMs: 0, log: (line) => lines.push(line) });
    expect(lines).toEqual([expect.stringContaining(`removing the stale lock of process ${first.child.pid}`)]);
    lock.release();
  });

  it('does not remove a lock held on another host (its process cannot be checked from here)', async () => {
    const path = lockPath();
    writeFileSync(path, JSON.stringify({ pid: 999_999_999, host: 'build-server-2', started: '2026-11-20T02:30:00.000Z' }));
    const error = await acquireBuildLock(path, { waitMs: 0 }).catch((e: unknown) => e);
    expect((error as Error).message).toContain('held by process 999999999 on build-server-2, started 2026-11-20T02:30:00.000Z');
    expect(existsSync(path)).toBe(true);
  });

  it('gives the lock to exactly one of several builds starting at once', () => {
    const path = lockPath();
    const code = `const m = await import(${JSON.stringify(MODULE)});
      try { await m.acquireBuildLock(${JSON.stringify(path)}, { waitMs: 0 }); process.stdout.write('won'); await new Promise((d) => setTimeout(d, 1500)); }
      catch (e) { process.stdout.write(e instanceof m.LockBusyError ? 'busy' : String(e)); }`;
    const script = Array.from({ length: 6 }, () => `node --input-type=module -e '${code.replace(/'/g, `'\\''`)}' & `).join('') + 'wait';
    const result = spawnSync('sh', ['-c', script], { encoding: 'utf8', env: { ...process.env, PATH: `${join(process.execPath, '..')}:${process.env.PATH}` } });
    const outcomes = result.stdout.match(/won|busy/g) ?? [];
    expect(outcomes.length, result.stdout + result.stderr).toBe(6);
    expect(outcomes.filter((o) => o === 'won')).toHaveLength(1);
  });

  it('releases nothing that is not its own', async () => {
    const path = lockPath();
    const lock = await acquireBuildLock(path, { waitMs: 0 });
    writeFileSync(path, JSON.stringify({ pid: 1, host: hostname(), started: 'someone else' }));
    lock.release();
    expect(existsSync(path)).toBe(true);
  });
});
