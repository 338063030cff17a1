import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatPeaks, parsePeaks, PEAK_RSS_ENV, readPeakRss } from '../../../scripts/build/peak-rss.ts';

const MIB = 1024 * 1024;
const RECORDER = new URL('../../../scripts/build/record-peak-rss.ts', import.meta.url).href;

describe('peak RSS of the build processes', () => {
  it('prints each process in MB and reads the line back', () => {
    const line = formatPeaks({ build: 1520 * MIB + 1000, astro: 1801 * MIB });
    expect(line).toBe('peak RSS: build process 1520 MB, Astro 1801 MB');
    expect(parsePeaks(`pages: 3 in 10 ms\n${line}\ntavla: site written`)).toEqual({ build: 1520 * MIB, astro: 1801 * MIB });
    expect(parsePeaks(formatPeaks({ build: 300 * MIB }))).toEqual({ build: 300 * MIB });
    expect(parsePeaks('tavla: site written')).toBeUndefined();
  });

  it('a process started with the recorder writes its peak as it exits', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'tavla-peak-')), 'peak');
    expect(readPeakRss(file)).toBeUndefined();
    // The child holds about 64 MB of buffer before it exits: its peak is at least that.
    execFileSync(process.execPath, ['--import', RECORDER, '-e', 'globalThis.held = Buffer.alloc(64 * 1024 * 1024, 1)'], {
      env: { ...process.env, [PEAK_RSS_ENV]: file },
    });
    const peak = readPeakRss(file)!;
    expect(peak).toBeGreaterThan(64 * MIB);
    expect(peak).toBeLessThan(1024 * MIB);
  });
});
