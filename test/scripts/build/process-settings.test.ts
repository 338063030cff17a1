import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildCommand, PIPELINE_ENV, PIPELINE_FLAGS } from '../../../scripts/build/process-settings.ts';

describe('the pipeline process settings', () => {
  it('are what npm run build starts Node with, so the bench measures the build as it runs', () => {
    const scripts = JSON.parse(readFileSync(new URL('../../../package.json', import.meta.url), 'utf8')).scripts as Record<string, string>;
    expect(scripts.build).toBe(buildCommand());
    // Written out once by hand, so a change to either side shows here.
    expect(buildCommand()).toBe(
      'MALLOC_MMAP_THRESHOLD_=65536 node --max-semi-space-size=16 --no-allocation-site-pretenuring --heap-growing-percent=50 scripts/build.ts',
    );
  });

  it('set glibc’s mmap threshold to 64 KiB and three V8 heap flags', () => {
    expect(PIPELINE_ENV).toEqual({ MALLOC_MMAP_THRESHOLD_: '65536' });
    expect(PIPELINE_FLAGS).toHaveLength(3);
  });
});
