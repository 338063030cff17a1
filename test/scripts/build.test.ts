// scripts/build.ts refuses an output folder that would delete its inputs, waits for or refuses
// a second build of the same output, and does not outlive its parent. Each case stops before
// the pipeline runs, so these take a second or two each.
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { acquireBuildLock } from '../../scripts/build/build-lock.ts';
import { running } from '../support/processes.ts';

const root = fileURLToPath(new URL('../..', import.meta.url));
const BUILD = join(root, 'scripts/build.ts');
const CHILD_PROCESS = new URL('../../scripts/build/child-process.ts', import.meta.url).href;
const FIXTURE = fileURLToPath(new URL('../fixtures/crm/generic', import.meta.url));

function dataFolder(): string {
  const dir = join(mkdtempSync(join(tmpdir(), 'tavla-build-')), 'data');
  cpSync(FIXTURE, dir, { recursive: true });
  mkdirSync(join(dir, 'history'), { recursive: true });
  return dir;
}

function build(env: Record<string, string>) {
  return spawnSync(process.execPath, [BUILD], { cwd: root, encoding: 'utf8', timeout: 60_000, env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', ...env } });
}

describe('the output folder', () => {
  it.each([
    ['the data folder', (data: string) => ({ TAVLA_OUT: data }), 'is the data folder'],
    ['a parent of the data folder', (data: string) => ({ TAVLA_OUT: join(data, '..') }), 'contains the data folder'],
    ['the history folder', (data: string) => ({ TAVLA_OUT: join(data, 'history') }), 'is the history folder'],
    ['the repository', () => ({ TAVLA_OUT: root }), 'is the repository'],
  ])('may not be %s: exit 1, a message, every input kept', (_label, out, says) => {
    const data = dataFolder();
    const before = readdirSync(data, { recursive: true }).sort();
    const result = build({ TAVLA_DATA: data, ...out(data) });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain(says);
    expect(result.stderr).toContain('fix: set TAVLA_OUT to a folder of its own');
    expect(readdirSync(data, { recursive: true }).sort()).toEqual(before);
  });
});

describe('two builds of one output', () => {
  it('the second waits for the lock, then stops naming the build that holds it', async () => {
    const out = join(mkdtempSync(join(tmpdir(), 'tavla-build-')), 'dist');
    const lock = await acquireBuildLock(`${out}.lock`, { waitMs: 0 });
    try {
      const result = build({ TAVLA_DATA: dataFolder(), TAVLA_OUT: out, TAVLA_LOCK_WAIT: '1' });
      expect(result.status).toBe(1);
      expect(result.stdout).toContain(`is held by process ${process.pid}`);
      expect(result.stderr).toContain(`another build writes to the same output: ${out}.lock is held by process ${process.pid}`);
      expect(result.stdout).not.toContain('reading');
    } finally {
      lock.release();
    }
  });
});

/** The process ids whose parent is `pid`. */
function childrenOf(pid: number): number[] {
  const out = spawnSync('ps', ['-o', 'pid=', '--ppid', String(pid)], { encoding: 'utf8' }).stdout.trim();
  return out === '' ? [] : out.split(/\s+/).map(Number);
}

/** Resolves once the process prints a line holding `text`. */
function printed(child: ReturnType<typeof spawn>, text: string): Promise<void> {
  return new Promise<void>((done) => child.stdout?.on('data', (chunk: Buffer) => chunk.toString().includes(text) && done()));
}

describe('a build', () => {
  it('runs in the process it was started in (it does not start itself again)', async () => {
    const out = join(mkdtempSync(join(tmpdir(), 'tavla-build-')), 'dist');
    const lock = await acquireBuildLock(`${out}.lock`, { waitMs: 0 }); // keeps the build waiting
    const env: NodeJS.ProcessEnv = { ...process.env, TAVLA_DATA: dataFolder(), TAVLA_OUT: out, TAVLA_LOCK_WAIT: '60' };
    delete env.MALLOC_MMAP_THRESHOLD_; // started without the C library setting, as `node scripts/build.ts` is
    const build = spawn(process.execPath, [BUILD], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'], env });
    try {
      await printed(build, 'waiting');
      expect(childrenOf(build.pid!)).toEqual([]);
    } finally {
      build.kill('SIGKILL');
      lock.release();
    }
  });
});

describe('a build whose parent dies', () => {
  it.each(['SIGKILL', 'SIGTERM'] as const)('does not outlive it (%s)', async (signal) => {
    const out = join(mkdtempSync(join(tmpdir(), 'tavla-build-')), 'dist');
    const lock = await acquireBuildLock(`${out}.lock`, { waitMs: 0 }); // keeps the build waiting
    const env: NodeJS.ProcessEnv = { ...process.env, TAVLA_DATA: dataFolder(), TAVLA_OUT: out, TAVLA_LOCK_WAIT: '60' };
    // The parent starts the build as the nightly run's tools start their children (runChild).
    const code = `const m = await import(${JSON.stringify(CHILD_PROCESS)});
process.exit(await m.runChild(process.execPath, [${JSON.stringify(BUILD)}], { env: process.env }));`;
    const top = spawn(process.execPath, ['--input-type=module', '-e', code], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'], env });
    try {
      const waiting = printed(top, 'waiting');
      // runChild hands its output to the build: read the build's through the parent's pipe.
      await waiting;
      const children = childrenOf(top.pid!);
      expect(children).toHaveLength(1);
      top.kill(signal);
      const until = Date.now() + 5_000;
      while (running(children[0]!) && Date.now() < until) await new Promise((done) => setTimeout(done, 50));
      expect(running(children[0]!)).toBe(false);
    } finally {
      top.kill('SIGKILL');
      lock.release();
    }
  });
});
