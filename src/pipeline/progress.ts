/**
 * Progress of a large build: while a file streams, a line every few seconds with the rows read
 * so far and the rate; after each pipeline stage that took a while, its time. Small folders
 * finish before the first line is due, so their logs stay as they were.
 */

/** `1 234 567`: thin groups of three, as the summary's readers expect. */
const formatCount = (n: number): string => String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ' ');

/** How often a file's reading reports, and the shortest stage that reports its time. */
const PROGRESS_EVERY_MS = 2_000;
const STAGE_REPORT_MS = 1_000;

/** A `(rowsRead) => void` for one file that logs at most every PROGRESS_EVERY_MS. */
export function rowProgress(file: string, log: (line: string) => void, now: () => number = () => performance.now()) {
  const started = now();
  let next = started + PROGRESS_EVERY_MS;
  return (rows: number): void => {
    const at = now();
    if (at < next) return;
    next = at + PROGRESS_EVERY_MS;
    const rate = Math.round(rows / ((at - started) / 1000));
    log(`  ${file}: ${formatCount(rows)} rows read, ${formatCount(rate)} rows/s`);
  };
}

/** The line for a finished stage, or undefined when it was quick. */
export function stageLine(stage: string, ms: number): string | undefined {
  return ms < STAGE_REPORT_MS ? undefined : `  ${stage}: ${(ms / 1000).toFixed(1)} s`;
}
