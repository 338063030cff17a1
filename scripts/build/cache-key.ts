/**
 * The key under which a build's computed report is reused: a rebuild computes again unless
 * every input is the same — the export's files, the code and lockfile, the team, the as-of
 * date, and the earlier snapshots (by date and input hash). The as-of date is part of it
 * because the same export means different figures on another day (open deals, year to date,
 * this week's meeting), and each day needs its own snapshot.
 *
 * @example
 * buildCacheKey({ inputHash: 'a…', codeHash: 'b…', team: '', asOf: '2026-12-07', snapshots: [] }) //=> '5d1e…' (64 hex digits)
 */
import { createHash } from 'node:crypto';

export interface CacheInputs {
  inputHash: string;
  codeHash: string;
  team: string;
  asOf: string;
  snapshots: readonly { asOf: string; inputHash: string }[];
}

export function buildCacheKey(inputs: CacheInputs): string {
  return createHash('sha256')
    .update([inputs.inputHash, inputs.codeHash, inputs.team, inputs.asOf, inputs.snapshots.map((s) => `${s.asOf}:${s.inputHash}`).join(',')].join('\n'))
    .digest('hex');
}
