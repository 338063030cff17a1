/**
 * How the pipeline's process is tuned, in one place: the V8 flags and the C library setting
 * that `npm run build` starts Node with (package.json's `build` script is
 * `MALLOC_MMAP_THRESHOLD_=65536 node <flags> scripts/build.ts`; a test checks that it says what
 * this file says) and that the benchmark gives each process that measures the pipeline
 * (scripts/bench/measure.ts), so the benchmark measures the build as it runs. The references the
 * benchmark compares tavla with (papaparse, DuckDB) run without them, at their best.
 * See docs/performance.md, "V8 flags" and "The C library's malloc setting".
 */

/**
 * The V8 flags:
 * - a young generation semi-space of at most 16 MB. Node's default lets it grow to 64 MB here,
 *   in each thread; the smaller one peaked about 210 MB lower and was no slower: a row's objects
 *   die young either way, and a small young generation stays in the processor's caches.
 * - no allocation-site pretenuring. V8 may decide, from how many objects of one allocation site
 *   survived a young collection, to allocate all further objects of that site in the old
 *   generation. When it decides so for a row object while millions of rows stream, every dead
 *   row then keeps its cells alive through the next young collection: about 40 % of what is
 *   allocated is promoted, and a read of the activity log took 25–40 % longer in about half the runs.
 * - an old generation that may grow by 50 % of what was live after a full collection before the
 *   next one. V8 otherwise lets it grow up to fourfold when collections are cheap beside the
 *   program's work: after reading, no full collection ran through model, quality and metrics,
 *   and the heap grew from ≈ 520 MB live to ≈ 1.1 GB of mostly dead objects.
 */
export const PIPELINE_FLAGS = ['--max-semi-space-size=16', '--no-allocation-site-pretenuring', '--heap-growing-percent=50'];

/**
 * The C library's settings, read once, when the process starts (so they are given on the
 * command line, not set by the build itself):
 *
 * - `MALLOC_MMAP_THRESHOLD_=65536`: glibc serves every allocation of 64 KiB or more (the typed
 *   arrays of columns, id tables and read buffers, which grow by doubling while millions of rows
 *   stream) by a mapping of its own and returns it to the system when it is freed. By default
 *   glibc raises that threshold each time such a block is freed, up to 32 MB, and serves later
 *   blocks from its heaps, where freed memory between blocks still in use stays in the process:
 *   on the full benchmark export the pipeline's peak RSS was 100-170 MB higher that way
 *   (docs/performance.md). The cost: each such allocation is a system call, so code that
 *   allocates a fresh 64 KiB buffer per chunk it reads is slowed (a read stream over a file:
 *   the input hash reads into one reused buffer for that reason). Other C libraries ignore it.
 */
export const PIPELINE_ENV: Readonly<Record<string, string>> = { MALLOC_MMAP_THRESHOLD_: '65536' };

/** package.json's `build` script as this file defines it. */
export function buildCommand(): string {
  const env = Object.entries(PIPELINE_ENV).map(([name, value]) => `${name}=${value}`);
  return [...env, 'node', ...PIPELINE_FLAGS, 'scripts/build.ts'].join(' ');
}
