import { describe, expect, it } from 'vitest';
import { failureLines, median, parseBuildOutput, parseRowsRead, parseTimings } from '../../../scripts/bench/measure.ts';

// What `npm run build` prints (shortened): runPipeline's table and summary, then the page weights.
const BUILD_OUTPUT = [
  'tavla: reading /data',
  '  activities.csv: 458 752 rows read, 224 346 rows/s',
  'file                  read  accepted  rejected  dialect',
  'deals.csv           100000    100000         0  utf-8, ","',
  'activities.csv      500000    499998         2  utf-8, ","',
  'invoices.csv             —         —         —  (not in the data folder)',
  'settings 99 ms · read + validate 3338 ms · model 202 ms · quality 346 ms · metrics + report 2746 ms',
  'as of 2026-11-20: 2 rejected-row issue(s), 42 data-quality issue(s)',
  'pages: 1264 in 65012 ms (19 pages/s)',
  'page weight (HTML + inlined CSS, budget 150.0 KiB): largest sv/months/2026-11/index.html 131.7 KiB',
  'peak RSS: build process 1520 MB, Astro 1801 MB',
  'tavla: site written to /out in 72000 ms',
].join('\n');

describe('parseBuildOutput', () => {
  it('reads the stage times, the rows read per file and the pages rendered', () => {
    expect(parseBuildOutput(BUILD_OUTPUT)).toEqual({
      timings: { settings: 99, 'read + validate': 3338, model: 202, quality: 346, 'metrics + report': 2746 },
      rowsRead: { 'deals.csv': 100000, 'activities.csv': 500000 },
      pages: 1264,
      renderMs: 65012,
      peaks: { build: 1520 * 1024 * 1024, astro: 1801 * 1024 * 1024 },
    });
  });

  it('gives zeros and empty records for output without those lines', () => {
    expect(parseBuildOutput('tavla: inputs unchanged')).toEqual({ timings: {}, rowsRead: {}, pages: 0, renderMs: 0, peaks: undefined });
  });
});

describe('parseTimings and parseRowsRead', () => {
  it('read the summary line and the file table', () => {
    expect(parseTimings('x\nsettings 31 ms · read + validate 7027.5 ms')).toEqual({ settings: 31, 'read + validate': 7027.5 });
    expect(parseRowsRead('deals.csv  2483  2480  3  utf-8, ","\nusers.csv  —  —')).toEqual({ 'deals.csv': 2483 });
  });
});

describe('median', () => {
  it('is the middle value, or the mean of the middle two', () => {
    expect(median([5, 1, 3])).toBe(3);
    expect(median([4, 1, 3, 2])).toBe(2.5);
  });
});

describe('failureLines', () => {
  it('keeps the lines that say why a child failed, not Node’s closing lines', () => {
    const stderr = [
      "SyntaxError: The requested module '../build/process-settings.ts' does not provide an export named 'PIPELINE_ENV'",
      '    at #asyncInstantiate (node:internal/modules/esm/module_job:455:21)',
      '}',
      '',
      'Node.js v24.21.0',
      '',
    ].join('\n');
    expect(failureLines(stderr)).toBe(
      "SyntaxError: The requested module '../build/process-settings.ts' does not provide an export named 'PIPELINE_ENV' | at #asyncInstantiate (node:internal/modules/esm/module_job:455:21)",
    );
  });
});
