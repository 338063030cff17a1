/**
 * Progress of the page build. Astro renders in a child process; there it counts the pages it has
 * rendered into a small file named by `TAVLA_PAGE_PROGRESS` (astro.config.mjs), and the build
 * reads that file while it waits and shows "pages 412 / 871 · 16 pages/s · 29 s left": one line
 * that updates in place on a terminal, and a plain line at every tenth of the pages when the
 * output is not a terminal (CI logs). A build without the variable renders as before.
 *
 * The file holds `<pages done> <pages in all> <ms since the first page was counted>`.
 */
import { readFileSync, rmSync, writeFileSync } from 'node:fs';

export const PAGE_PROGRESS_ENV = 'TAVLA_PAGE_PROGRESS';

export interface PageCount {
  done: number;
  total: number;
  /** Milliseconds since the child learnt how many pages there are. */
  elapsedMs: number;
}

/** How often the child writes its count, and the build redraws its line. */
const WRITE_EVERY_MS = 200;
const DRAW_EVERY_MS = 250;

/** `pages 412 / 871 (47 %) · 16 pages/s · 29 s left`; rate and time left once a page is done. */
export function progressLine({ done, total, elapsedMs }: PageCount): string {
  const percent = total > 0 ? Math.floor((done / total) * 100) : 0;
  const head = `pages ${done} / ${total} (${percent} %)`;
  if (done === 0 || elapsedMs <= 0) return head;
  const rate = done / (elapsedMs / 1000);
  const left = Math.ceil((total - done) / rate);
  return `${head} · ${rate < 10 ? rate.toFixed(1) : Math.round(rate)} pages/s · ${left < 60 ? `${left} s` : `${Math.floor(left / 60)} min ${left % 60} s`} left`;
}

/** The text of the progress file, or undefined while it is missing or being written. */
export function parseCount(text: string): PageCount | undefined {
  const parts = text.trim().split(' ').map(Number);
  if (parts.length !== 3 || !parts.every((n) => Number.isFinite(n) && n >= 0)) return undefined;
  const [done, total, elapsedMs] = parts as [number, number, number];
  return { done, total, elapsedMs };
}

/** The child's side: `total(n)` when the pages are known, `page()` after each one. */
export function pageCounter(file: string, now: () => number = () => performance.now()) {
  let done = 0;
  let total = 0;
  let started = 0;
  let written = -Infinity;
  const write = (force: boolean): void => {
    const at = now();
    if (!force && at - written < WRITE_EVERY_MS) return;
    written = at;
    writeFileSync(file, `${done} ${total} ${Math.round(at - started)}`);
  };
  return {
    total(pages: number): void {
      total = pages;
      started = now();
      write(true);
    },
    page(): void {
      done += 1;
      write(done === total);
    },
  };
}

export interface ProgressOutput {
  isTTY?: boolean;
  write(text: string): unknown;
}

/**
 * What the build writes for each new count: on a terminal the line redrawn in place, else a
 * plain line when the count passes another tenth of the pages. `end()` closes a redrawn line.
 */
export function progressPrinter(out: ProgressOutput) {
  const terminal = out.isTTY === true;
  let shown: PageCount | undefined;
  let tenth = 0;
  return {
    show(count: PageCount): void {
      if (count.total === 0 || (shown && count.done === shown.done)) return;
      if (terminal) {
        out.write(`\r\x1b[2K${progressLine(count)}`);
        shown = count;
        return;
      }
      const reached = Math.floor((count.done / count.total) * 10);
      if (reached > tenth) {
        tenth = reached;
        out.write(`${progressLine(count)}\n`);
      }
      shown = count;
    },
    end(): void {
      if (terminal && shown) out.write('\n');
    },
  };
}

/**
 * The build's side: reads `file` every DRAW_EVERY_MS while Astro runs and prints the count on
 * `out`. `stop()` prints the last count, ends the line and removes the file.
 */
export function showPageProgress(file: string, out: ProgressOutput, everyMs = DRAW_EVERY_MS) {
  rmSync(file, { force: true });
  const printer = progressPrinter(out);
  const read = (): void => {
    let count: PageCount | undefined;
    try {
      count = parseCount(readFileSync(file, 'utf8'));
    } catch {
      return; // not written yet
    }
    if (count) printer.show(count);
  };
  const timer = setInterval(read, everyMs);
  timer.unref();
  return {
    stop(): void {
      clearInterval(timer);
      read();
      printer.end();
      rmSync(file, { force: true });
    },
  };
}
