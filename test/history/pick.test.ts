import { describe, expect, it } from 'vitest';
import { snapshotAtOrBefore } from '../../src/history/pick.ts';
import { snapshotOf } from './sequence.ts';

describe('snapshotAtOrBefore', () => {
  const s = (asOf: string) => snapshotOf(asOf, []);
  // Unsorted on purpose.
  const snapshots = [s('2026-04-20'), s('2026-04-13'), s('2026-04-17')];

  it('picks the latest snapshot on or before the day', () => {
    expect(snapshotAtOrBefore(snapshots, '2026-04-17')?.asOf).toBe('2026-04-17'); // same day counts
    expect(snapshotAtOrBefore(snapshots, '2026-04-19')?.asOf).toBe('2026-04-17'); // weekend: Friday's
    expect(snapshotAtOrBefore(snapshots, '2030-01-01')?.asOf).toBe('2026-04-20');
  });

  it('finds the meeting and the previous meeting seven days earlier', () => {
    const meeting = '2026-04-20';
    expect(snapshotAtOrBefore(snapshots, meeting)?.asOf).toBe('2026-04-20');
    expect(snapshotAtOrBefore(snapshots, '2026-04-13')?.asOf).toBe('2026-04-13');
  });

  it('is undefined before the first snapshot and for no snapshots', () => {
    expect(snapshotAtOrBefore(snapshots, '2026-04-12')).toBeUndefined();
    expect(snapshotAtOrBefore([], '2026-04-12')).toBeUndefined();
  });
});
