/**
 * Peak memory of the build's two processes, for the build's last lines and the benchmark. The
 * build reads its own (`process.resourceUsage().maxRSS`); Astro's process, started with
 * `--import` of record-peak-rss.ts, writes its own into the file named by TAVLA_PEAK_RSS_FILE
 * as it exits. Megabytes are MiB (1024 × 1024 bytes), as `npm run bench` prints them.
 */
import { readFileSync, writeFileSync } from 'node:fs';

export const PEAK_RSS_ENV = 'TAVLA_PEAK_RSS_FILE';

/** The largest resident set size of this process so far, in bytes. */
export function ownPeakRss(): number {
  return process.resourceUsage().maxRSS * 1024;
}

/** Writes this process's peak into the file named by TAVLA_PEAK_RSS_FILE when it exits. */
export function recordPeakRssOnExit(env: NodeJS.ProcessEnv = process.env): void {
  const file = env[PEAK_RSS_ENV];
  if (!file) return;
  process.on('exit', () => {
    try {
      writeFileSync(file, String(ownPeakRss()));
    } catch {
      // a peak that cannot be written is left out of the build's line, never fails the render
    }
  });
}

/** The peak a child wrote, in bytes; undefined when it wrote none. */
export function readPeakRss(file: string): number | undefined {
  try {
    const bytes = Number(readFileSync(file, 'utf8'));
    return Number.isFinite(bytes) && bytes > 0 ? bytes : undefined;
  } catch {
    return undefined;
  }
}

export interface BuildPeaks {
  /** The build script's process: pipeline, site model, report.json and the CSV downloads. */
  build: number;
  /** Astro's process: the pages; undefined when it recorded none. */
  astro?: number;
}

const MIB = 1024 * 1024;

/** `peak RSS: build process 1520 MB, Astro 1801 MB`. */
export function formatPeaks(peaks: BuildPeaks): string {
  const astro = peaks.astro === undefined ? 'Astro not recorded' : `Astro ${Math.round(peaks.astro / MIB)} MB`;
  return `peak RSS: build process ${Math.round(peaks.build / MIB)} MB, ${astro}`;
}

/** The peaks of `formatPeaks`' line in a build's output, in bytes; undefined without the line. */
export function parsePeaks(output: string): BuildPeaks | undefined {
  const line = /^peak RSS: build process (\d+) MB, (?:Astro (\d+) MB|Astro not recorded)$/m.exec(output);
  if (!line) return undefined;
  return { build: Number(line[1]) * MIB, ...(line[2] ? { astro: Number(line[2]) * MIB } : {}) };
}
