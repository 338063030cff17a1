/**
 * The process the pipeline runs in. Besides its V8 flags (package.json's `build` script, and
 * `PIPELINE_FLAGS` in scripts/bench/measure.ts), a build runs with `PIPELINE_ENV`, settings of the C
 * library that are read once, when the process starts:
 *
 * - `MALLOC_MMAP_THRESHOLD_=65536`: glibc serves every allocation of 64 KiB or more (the typed
 *   arrays of columns, id tables and read buffers, which grow by doubling while millions of rows
 *   stream) by a mapping of its own and returns it to the system when it is freed. By default
 *   glibc raises that threshold each time such a block is freed, up to 32 MB, and serves later
 *   blocks from its heaps, where freed memory between blocks still in use stays in the process:
 *   on the full benchmark export the pipeline's peak RSS was ≈ 140 MB higher that way
 *   (docs/performance.md, "Memory"). Other C libraries ignore the variable.
 */
export const PIPELINE_ENV: Readonly<Record<string, string>> = { MALLOC_MMAP_THRESHOLD_: '65536' };

/**
 * Whether a build started in `env` should start again with PIPELINE_ENV: on Linux (glibc), when
 * the variables are not set yet. Elsewhere the settings do nothing, and the build runs as it is.
 * The build starts its second self with `runChild` (child-process.ts): it forwards signals to it,
 * and the child ends itself when the first one dies.
 */
export function restartForPipelineEnv(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): boolean {
  return platform === 'linux' && Object.keys(PIPELINE_ENV).some((name) => env[name] === undefined);
}
