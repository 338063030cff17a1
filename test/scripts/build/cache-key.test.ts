import { describe, expect, it } from 'vitest';
import { buildCacheKey, type CacheInputs } from '../../../scripts/build/cache-key.ts';

const base: CacheInputs = {
  inputHash: 'a'.repeat(64),
  codeHash: 'b'.repeat(64),
  team: '',
  asOf: '2026-12-07',
  snapshots: [{ asOf: '2026-12-06', inputHash: 'c' }],
};

describe('the build cache key', () => {
  it('changes with the as-of date, so an unchanged export is computed again on the next night', () => {
    expect(buildCacheKey({ ...base, asOf: '2026-12-08' })).not.toBe(buildCacheKey(base));
  });

  it('changes with every other input, and only with them', () => {
    const key = buildCacheKey(base);
    expect(buildCacheKey({ ...base })).toBe(key);
    for (const changed of [
      { inputHash: 'd'.repeat(64) },
      { codeHash: 'e'.repeat(64) },
      { team: 'malmo' },
      { snapshots: [] },
      { snapshots: [{ asOf: '2026-12-06', inputHash: 'x' }] },
    ]) {
      expect(buildCacheKey({ ...base, ...changed })).not.toBe(key);
    }
  });
});
