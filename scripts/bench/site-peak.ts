/**
 * The site build's peak RSS against its target (under 1 GiB): the largest process of the build,
 * and which of its two processes (the build script's, Astro's) is over and by how much.
 */
import { ASTRO_PEAK, BUILD_PEAK } from './measure.ts';
import { mb } from './table.ts';

const SITE_PEAK_TARGET = 1024 ** 3;

/** One row of the bench's "Against the targets" table: measure, measured, target, verdict. */
export function sitePeakRow(largestProcess: number, detail: Record<string, number | undefined>): string[] {
  const processes: [string, number | undefined][] = [
    ['build process', detail[BUILD_PEAK]],
    ['Astro', detail[ASTRO_PEAK]],
  ];
  const known = processes.filter((p): p is [string, number] => p[1] !== undefined);
  const each = known.length > 0 ? ` (${known.map(([name, bytes]) => `${name} ${mb(bytes)} MB`).join(', ')})` : '';
  const largest = Math.max(largestProcess, ...known.map(([, bytes]) => bytes));
  const over = known.filter(([, bytes]) => bytes >= SITE_PEAK_TARGET);
  let verdict = 'met';
  if (largest >= SITE_PEAK_TARGET) {
    verdict =
      over.length > 0
        ? `NOT met: ${over.map(([name, bytes]) => `${name} ${mb(bytes - SITE_PEAK_TARGET)} MB over`).join(', ')}`
        : `NOT met: ${mb(largest - SITE_PEAK_TARGET)} MB over`;
  }
  return ['site build peak RSS (largest process)', `${largest > 0 ? mb(largest) : '—'} MB${each}`, '< 1024 MB', largest > 0 ? verdict : 'not measured'];
}
