/**
 * The build's child processes die with it. A child is started by `runChild`, which passes it
 * the build's process id (`TAVLA_PARENT_PID`); while it runs, SIGTERM, SIGINT and SIGHUP sent to
 * the build are passed on to it, then the build's own clean-ups run and it exits. A child that
 * calls `dieWithParent()` (or is a Node process started with `--import` of die-with-parent.ts)
 * stops itself within `WATCH_MS` of its parent's death, SIGKILL included: it watches its
 * parent process id, which changes when the parent is gone (on Linux and macOS; Windows keeps
 * the old id, and there a killed build's child runs to its end — it cannot publish, only the
 * build publishes).
 */
import { spawn, type ChildProcess } from 'node:child_process';

export const PARENT_PID_ENV = 'TAVLA_PARENT_PID';
const WATCH_MS = 200;

const SIGNALS = ['SIGTERM', 'SIGINT', 'SIGHUP'] as const;
const SIGNAL_CODES: Record<(typeof SIGNALS)[number], number> = { SIGHUP: 1, SIGINT: 2, SIGTERM: 15 };
const running = new Set<ChildProcess>();
const cleanups: Array<() => void> = [];
let installed = false;

/** Registers a synchronous clean-up run when the build is stopped by a signal. */
export function onStop(cleanup: () => void): void {
  cleanups.push(cleanup);
  if (installed) return;
  installed = true;
  for (const signal of SIGNALS) {
    process.on(signal, () => {
      for (const child of running) child.kill(signal);
      for (const run of cleanups.splice(0).reverse()) {
        try {
          run();
        } catch {
          // a clean-up that fails must not keep the others from running
        }
      }
      process.exit(128 + SIGNAL_CODES[signal]);
    });
  }
}

/** Starts `command` with inherited output and resolves with its exit code (a killed child: 128 + signal). */
export function runChild(command: string, args: string[], options: { env: NodeJS.ProcessEnv; cwd?: string }): Promise<number> {
  const child = spawn(command, args, { cwd: options.cwd, stdio: 'inherit', env: { ...options.env, [PARENT_PID_ENV]: String(process.pid) } });
  running.add(child);
  onStop(() => undefined);
  return new Promise((done) => {
    child.on('error', () => {
      running.delete(child);
      done(127);
    });
    child.on('exit', (code, signal) => {
      running.delete(child);
      done(code ?? 128 + (signal ? (SIGNAL_CODES[signal as keyof typeof SIGNAL_CODES] ?? 9) : 0));
    });
  });
}

/** Whether the parent this process was started by (`runChild`) is gone. */
export function parentGone(env: NodeJS.ProcessEnv = process.env): boolean {
  const expected = Number(env[PARENT_PID_ENV]);
  return Number.isInteger(expected) && expected > 0 && process.ppid !== expected;
}

/**
 * Makes this process stop itself soon after its parent dies: by default with SIGTERM, so its
 * clean-ups run.
 */
export function dieWithParent(env: NodeJS.ProcessEnv = process.env, signal: NodeJS.Signals = 'SIGTERM'): void {
  if (!env[PARENT_PID_ENV]) return;
  if (parentGone(env)) process.kill(process.pid, signal);
  setInterval(() => {
    if (parentGone(env)) process.kill(process.pid, signal);
  }, WATCH_MS).unref();
}
