/**
 * One build per output folder at a time: `<out>.lock` names the build that holds it (process
 * id, host, start). A second build waits up to a set time for it, then stops with a message
 * naming the holder. A lock whose holder has died (same host, no such process) is stale and is
 * taken over, so a killed build never blocks the next one.
 *
 * The lock file is written whole under a unique name and then hard-linked to its place, so no
 * reader ever sees a half-written holder, and of two builds linking at once exactly one wins.
 */
import { linkSync, readFileSync, renameSync, unlinkSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { randomBytes } from 'node:crypto';

export interface LockHolder {
  pid: number;
  host: string;
  /** ISO timestamp of the holder's start. */
  started: string;
}

export interface BuildLock {
  path: string;
  holder: LockHolder;
  /** Removes the lock file if it is still this build's. Safe to call more than once. */
  release(): void;
}

export interface LockOptions {
  /** How long to wait for another build before giving up (ms). */
  waitMs: number;
  /** Pause between tries (ms). */
  pollMs?: number;
  /** Told once when the build starts waiting. */
  log?: (line: string) => void;
  /** The holder this process writes (tests pass their own). */
  self?: LockHolder;
}

export class LockBusyError extends Error {
  readonly holder: LockHolder | null;
  constructor(path: string, holder: LockHolder | null, waitedMs: number) {
    const who = holder ? `process ${holder.pid} on ${holder.host}, started ${holder.started}` : 'an unreadable lock file';
    super(
      `another build writes to the same output: ${path} is held by ${who}; waited ${Math.round(waitedMs / 1000)} s.\n` +
        `      fix: let that build finish (or stop it), or set TAVLA_OUT to another folder. If no build is running ${holder ? `on ${holder.host}` : ''}, delete ${path}.`,
    );
    this.holder = holder;
  }
}

/** Whether a process with this id runs on this machine (a process we may not signal still runs). */
export function processAlive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function currentHolder(): LockHolder {
  return { pid: process.pid, host: hostname(), started: new Date().toISOString() };
}

function readHolder(path: string): LockHolder | null | 'gone' {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return 'gone';
    throw error;
  }
  try {
    const value = JSON.parse(text) as Partial<LockHolder>;
    if (typeof value.pid === 'number' && typeof value.host === 'string' && typeof value.started === 'string') {
      return { pid: value.pid, host: value.host, started: value.started };
    }
  } catch {
    // falls through: not a holder this code wrote
  }
  return null;
}

const sameHolder = (a: LockHolder | null | 'gone', b: LockHolder): boolean =>
  a !== null && a !== 'gone' && a.pid === b.pid && a.host === b.host && a.started === b.started;

/** Tries once to create the lock; true when this process now holds it. */
function tryLink(path: string, holder: LockHolder): boolean {
  const draft = `${path}.${holder.pid}-${randomBytes(4).toString('hex')}`;
  writeFileSync(draft, `${JSON.stringify(holder)}\n`);
  try {
    linkSync(draft, path);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  } finally {
    unlinkSync(draft);
  }
}

/**
 * Removes a stale lock: moved aside first, so of two builds that both saw it stale only one
 * removes it; if what was moved is no longer the stale holder's, it is put back.
 */
function removeStale(path: string, stale: LockHolder): void {
  const aside = `${path}.stale-${process.pid}-${randomBytes(4).toString('hex')}`;
  try {
    renameSync(path, aside);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return;
    throw error;
  }
  if (sameHolder(readHolder(aside), stale)) {
    unlinkSync(aside);
    return;
  }
  try {
    linkSync(aside, path);
  } finally {
    unlinkSync(aside);
  }
}

const sleep = (ms: number): Promise<void> => new Promise((done) => setTimeout(done, ms));

/** Takes the lock at `path`, waiting for a live holder up to `waitMs`; throws LockBusyError after. */
export async function acquireBuildLock(path: string, options: LockOptions): Promise<BuildLock> {
  const self = options.self ?? currentHolder();
  const started = Date.now();
  let told = false;
  for (;;) {
    if (tryLink(path, self)) return lockOf(path, self);
    const holder = readHolder(path);
    if (holder === 'gone') continue;
    if (holder && holder.host === self.host && !processAlive(holder.pid)) {
      options.log?.(`tavla: removing the stale lock of process ${holder.pid} (started ${holder.started}), which no longer runs`);
      removeStale(path, holder);
      continue;
    }
    const waited = Date.now() - started;
    if (waited >= options.waitMs) throw new LockBusyError(path, holder, waited);
    if (!told) {
      const who = holder ? `process ${holder.pid} on ${holder.host} (started ${holder.started})` : `an unreadable lock file`;
      options.log?.(`tavla: ${path} is held by ${who}; waiting up to ${Math.round(options.waitMs / 1000)} s`);
      told = true;
    }
    await sleep(Math.min(options.pollMs ?? 250, Math.max(1, options.waitMs - waited)));
  }
}

function lockOf(path: string, holder: LockHolder): BuildLock {
  let released = false;
  return {
    path,
    holder,
    release() {
      if (released) return;
      released = true;
      if (!sameHolder(readHolder(path), holder)) return;
      try {
        unlinkSync(path);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
      }
    },
  };
}
