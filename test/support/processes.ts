/** Process checks shared by the tests that start and kill builds. */
import { readFileSync } from 'node:fs';
import { processAlive } from '../../scripts/build/build-lock.ts';

/** Alive and not a zombie waiting to be reaped. */
export function running(pid: number): boolean {
  if (!processAlive(pid)) return false;
  try {
    return !/^\d+ \(.*\) Z/.test(readFileSync(`/proc/${pid}/stat`, 'utf8'));
  } catch {
    return false;
  }
}
