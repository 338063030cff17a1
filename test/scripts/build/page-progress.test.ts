import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { pageCounter, parseCount, progressLine, progressPrinter, showPageProgress } from '../../../scripts/build/page-progress.ts';

const dirs: string[] = [];
function tempFile(): string {
  const dir = mkdtempSync(join(tmpdir(), 'page-progress-'));
  dirs.push(dir);
  return join(dir, 'count');
}
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('progressLine', () => {
  it('shows pages done of all, the rate and the time left', () => {
    // 412 / 871 = 47.3 % → 47 %; 412 pages in 25.75 s = 16.0 pages/s; 459 left / 16 = 28.7 → 29 s.
    expect(progressLine({ done: 412, total: 871, elapsedMs: 25_750 })).toBe('pages 412 / 871 (47 %) · 16 pages/s · 29 s left');
  });

  it('writes slow rates with a decimal and long waits in minutes', () => {
    // 100 / 3100 = 3.2 % → 3 %; 100 pages in 50 s = 2.0 pages/s; 3000 left / 2 = 1500 s = 25 min 0 s.
    expect(progressLine({ done: 100, total: 3100, elapsedMs: 50_000 })).toBe('pages 100 / 3100 (3 %) · 2.0 pages/s · 25 min 0 s left');
  });

  it('shows no rate before the first page', () => {
    expect(progressLine({ done: 0, total: 871, elapsedMs: 0 })).toBe('pages 0 / 871 (0 %)');
  });
});

describe('parseCount', () => {
  it('reads a whole count and nothing else', () => {
    expect(parseCount('3 871 120')).toEqual({ done: 3, total: 871, elapsedMs: 120 });
    expect(parseCount('3 87')).toBeUndefined();
    expect(parseCount('')).toBeUndefined();
  });
});

describe('progressPrinter', () => {
  it('prints a plain line at each tenth when the output is not a terminal', () => {
    const lines: string[] = [];
    const printer = progressPrinter({ write: (text) => lines.push(text) });
    // 871 pages: a tenth is 87.1 pages, so 50 (5.7 %) prints nothing, 100 (11.5 %) the first line,
    // 120 (13.8 %) nothing new, 871 the last. Rates: 100 / 10 s = 10; 871 / 87.1 s = 10.
    for (const done of [50, 100, 120, 871]) printer.show({ done, total: 871, elapsedMs: done * 100 });
    printer.end();
    expect(lines).toEqual([
      'pages 100 / 871 (11 %) · 10 pages/s · 1 min 18 s left\n', // 771 left / 10 = 77.1 → 78 s = 1 min 18 s
      'pages 871 / 871 (100 %) · 10 pages/s · 0 s left\n',
    ]);
  });

  it('redraws one line in place on a terminal and ends it once', () => {
    const written: string[] = [];
    const printer = progressPrinter({ isTTY: true, write: (text) => written.push(text) });
    printer.show({ done: 1, total: 2, elapsedMs: 1000 });
    printer.show({ done: 1, total: 2, elapsedMs: 1200 }); // no new page: not redrawn
    printer.show({ done: 2, total: 2, elapsedMs: 2000 });
    printer.end();
    expect(written).toEqual(['\r\x1b[2Kpages 1 / 2 (50 %) · 1.0 pages/s · 1 s left', '\r\x1b[2Kpages 2 / 2 (100 %) · 1.0 pages/s · 0 s left', '\n']);
  });
});

describe('pageCounter and showPageProgress', () => {
  it('writes the count at most every 200 ms, and always the last page', () => {
    const file = tempFile();
    let clock = 5_000;
    const counter = pageCounter(file, () => clock);
    counter.total(3);
    expect(readFileSync(file, 'utf8')).toBe('0 3 0');
    clock = 5_100;
    counter.page(); // 100 ms after the last write: not written
    expect(readFileSync(file, 'utf8')).toBe('0 3 0');
    clock = 5_250;
    counter.page();
    expect(readFileSync(file, 'utf8')).toBe('2 3 250');
    clock = 5_300;
    counter.page(); // the last page is written at once
    expect(readFileSync(file, 'utf8')).toBe('3 3 300');
  });

  it('prints what the child counted when it stops, and removes the file', () => {
    const file = tempFile();
    const lines: string[] = [];
    const progress = showPageProgress(file, { write: (text) => lines.push(text) }, 60_000);
    const counter = pageCounter(file, () => 1_000);
    counter.total(1);
    counter.page();
    progress.stop();
    expect(lines).toEqual(['pages 1 / 1 (100 %)\n']); // no time has passed on the fake clock: no rate
    expect(() => readFileSync(file)).toThrow();
  });
});
