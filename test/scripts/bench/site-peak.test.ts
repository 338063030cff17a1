import { describe, expect, it } from 'vitest';
import { ASTRO_PEAK, BUILD_PEAK } from '../../../scripts/bench/measure.ts';
import { sitePeakRow } from '../../../scripts/bench/site-peak.ts';

const MIB = 1024 * 1024;

describe('the site build peak against 1 GiB', () => {
  it('names each process over the target and by how much', () => {
    // 1520 − 1024 = 496 and 1801 − 1024 = 777, worked out by hand.
    const row = sitePeakRow(1801 * MIB, { [BUILD_PEAK]: 1520 * MIB, [ASTRO_PEAK]: 1801 * MIB });
    expect(row).toEqual([
      'site build peak RSS (largest process)',
      '1801 MB (build process 1520 MB, Astro 1801 MB)',
      '< 1024 MB',
      'NOT met: build process 496 MB over, Astro 777 MB over',
    ]);
  });

  it('is met when every process stays under, and says so when nothing was measured', () => {
    expect(sitePeakRow(510 * MIB, { [BUILD_PEAK]: 230 * MIB, [ASTRO_PEAK]: 510 * MIB })[3]).toBe('met');
    expect(sitePeakRow(0, {})[3]).toBe('not measured');
    // Only the largest process known (GNU time), over the target.
    expect(sitePeakRow(1100 * MIB, {})[3]).toBe('NOT met: 76 MB over');
  });
});
