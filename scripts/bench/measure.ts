/**
 * The benchmark's measurements. Each stage runs in its own child process (scripts/bench/child.ts)
 * so its peak RSS (`process.resourceUsage().maxRSS`) is that stage's alone:
 *
 * - `papaparse`: the parse-only ceiling: papaparse in its fastest streaming configuration
 *   (`header: false`, `chunk` callback, `fs.createReadStream(f, {encoding: 'utf8'})`) over
 *   deals.csv + activities.csv, counting rows. A reference: it runs in a plain Node process,
 *   without the build's V8 flags and memory settings (they are tuned for the pipeline's heap,
 *   and slowed this reader).
 * - `duckdb-1`, `duckdb-2`: the DuckDB reference (duckdb.ts) computing the subset (subset.ts)
 *   with 1 and 2 threads, also in a plain Node process; its checksums are compared with the
 *   `pipeline` stage's.
 * - `parse`: decode + parse only: the project's `readCsv` over the same two files, counting rows.
 * - `validate`: ingest + validation: `loadRecords` (the real reader and schemas, every file),
 *   records kept as the pipeline keeps them. Per-file times come from its own accounting.
 * - `pipeline`: `runPipeline` itself; its summary line gives the per-stage times
 *   (settings, read + validate, model, quality, metrics + report). After the timed run, the
 *   subset's checksums are read from its report and model.
 * - `site`: the page build: `npm run build` (scripts/build.ts: pipeline, then Astro renders every
 *   page) into a temporary folder; pages and render time from its own output. Its peak RSS is
 *   the largest process of the build, by GNU time.
 *
 * Wall times are taken inside the child around the stage only (module loading excluded);
 * peak RSS is the child's whole life (Node itself and the modules included, ~50-90 MB).
 */
import { spawn, spawnSync } from 'node:child_process';
import { createReadStream, existsSync } from 'node:fs';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Papa from 'papaparse';
import { PIPELINE_ENV, PIPELINE_FLAGS } from '../build/process-settings.ts';
import { parsePeaks, type BuildPeaks } from '../build/peak-rss.ts';
import { checksums, tavlaFigures } from './subset.ts';
// The project's other modules are imported by the stage that needs them, so a child's peak RSS
// holds only what that stage loads (the papaparse ceiling loads papaparse alone).

export const STAGES = ['papaparse', 'duckdb-1', 'duckdb-2', 'parse', 'validate', 'pipeline', 'site'] as const;
/** The references: measured in a plain Node process, at their best. */
const REFERENCE_STAGES: readonly StageName[] = ['papaparse', 'duckdb-1', 'duckdb-2'];
export type StageName = (typeof STAGES)[number];

/** The two big files every throughput figure is about. */
export const BIG_FILES = ['deals.csv', 'activities.csv'] as const;
export const CSV_FILES = ['deals.csv', 'accounts.csv', 'activities.csv', 'users.csv', 'targets.csv', 'funnel.csv', 'invoices.csv'] as const;

export interface StageResult {
  stage: StageName;
  /** Data rows handled (headers excluded). */
  rows: number;
  /** Input bytes handled. */
  bytes: number;
  ms: number;
  /** Peak resident set of the child process, bytes. */
  peakRss: number;
  /** RSS just before the stage started (Node + modules), bytes. */
  baseRss: number;
  /** Stage-specific figures: per-file ms and bytes, runPipeline's stage times. */
  detail: Record<string, number>;
  /** The subset's checksums (subset.ts), from the `pipeline` and `duckdb-*` stages. */
  checksums?: Record<string, string>;
}

export type ChildOutcome = { ok: true; result: StageResult } | { ok: false; stage: StageName; error: string };

async function sizeOf(path: string): Promise<number> {
  return stat(path).then(
    (s) => s.size,
    () => -1,
  );
}

async function presentFiles(dir: string, names: readonly string[]): Promise<{ file: string; bytes: number }[]> {
  const sizes = await Promise.all(names.map(async (file) => ({ file, bytes: await sizeOf(join(dir, file)) })));
  return sizes.filter((f) => f.bytes >= 0);
}

/** Data rows of one file by papaparse's fastest streaming setup. */
export function papaCount(path: string): Promise<number> {
  return new Promise((resolve, reject) => {
    let rows = 0;
    Papa.parse<string[]>(createReadStream(path, { encoding: 'utf8' }) as unknown as File, {
      header: false,
      delimiter: ',',
      chunk(results: Papa.ParseResult<string[]>) {
        const data = results.data;
        for (let i = 0; i < data.length; i++) {
          const row = data[i] as string[];
          if (row.length > 1 || row[0] !== '') rows++;
        }
      },
      complete: () => resolve(rows - 1), // the header
      error: (error: Error) => reject(error),
    });
  });
}

type ReadCsv = typeof import('../../src/ingest/read-csv.ts').readCsv;

/** Data rows of one file through the project's reader (decode + papaparse step + line accounting). */
export async function readCsvCount(path: string, readCsv?: ReadCsv): Promise<number> {
  const read = readCsv ?? (await import('../../src/ingest/read-csv.ts')).readCsv;
  let rows = 0;
  const result = await read(path, () => {
    rows++;
  });
  if (result.fatal.length > 0) throw new Error(`${path}: ${result.fatal[0]?.message}`);
  return rows;
}

/** `runPipeline`'s summary line, `settings 31 ms · read + validate 7027 ms · …`, as stage → ms. */
export function parseTimings(summary: string): Record<string, number> {
  const last = summary.trim().split('\n').pop() ?? '';
  const out: Record<string, number> = {};
  for (const part of last.split(' · ')) {
    const match = /^(.*\S)\s+(\d+(?:\.\d+)?) ms$/.exec(part.trim());
    if (match) out[match[1] as string] = Number(match[2]);
  }
  return out;
}

/** Rows read per file from the summary table (`deals.csv  2483  2480  3  utf-8, ","`). */
export function parseRowsRead(summary: string): Record<string, number> {
  const out: Record<string, number> = {};
  for (const line of summary.split('\n')) {
    const match = /^(\S+\.csv)\s+(\d+)\s/.exec(line);
    if (match) out[match[1] as string] = Number(match[2]);
  }
  return out;
}

/** The site stage's details holding each process's peak RSS in bytes, as the build printed them. */
export const BUILD_PEAK = 'build process peak RSS';
export const ASTRO_PEAK = 'Astro peak RSS';

/** What `npm run build` printed: runPipeline's stage times, rows read per file, pages rendered. */
export interface BuildFigures {
  timings: Record<string, number>;
  rowsRead: Record<string, number>;
  pages: number;
  renderMs: number;
  /** Each process's peak RSS as the build printed it; undefined when it printed none. */
  peaks?: BuildPeaks;
}

export function parseBuildOutput(stdout: string): BuildFigures {
  const lines = stdout.split('\n');
  const summary = lines.find((line) => line.startsWith('settings ') && line.includes(' · ')) ?? '';
  const pages = /^pages: (\d+) in (\d+) ms/m.exec(stdout);
  return {
    timings: parseTimings(summary),
    rowsRead: parseRowsRead(stdout),
    pages: pages ? Number(pages[1]) : 0,
    renderMs: pages ? Number(pages[2]) : 0,
    peaks: parsePeaks(stdout),
  };
}

const BUILD_SCRIPT = fileURLToPath(new URL('../build.ts', import.meta.url));
const GNU_TIME = '/usr/bin/time';

/**
 * The whole site build (`npm run build`) over `dir`, into a temporary folder (site, history and
 * prepared model are thrown away after). Peak RSS: the largest process of the build (the build
 * script or Astro's render), read with GNU time where installed, else 0.
 */
async function buildSite(dir: string): Promise<{ ms: number; figures: BuildFigures; peakRss: number }> {
  const out = await mkdtemp(join(tmpdir(), 'tavla-bench-site-'));
  try {
    const timed = existsSync(GNU_TIME);
    const command = timed ? GNU_TIME : process.execPath;
    const args = timed ? ['-f', 'BENCH_MAXRSS_KB %M', process.execPath, ...PIPELINE_FLAGS, BUILD_SCRIPT] : [...PIPELINE_FLAGS, BUILD_SCRIPT];
    const started = performance.now();
    const build = spawnSync(command, args, {
      encoding: 'utf8',
      maxBuffer: 256 * 1024 * 1024,
      env: { ...process.env, ...PIPELINE_ENV, TAVLA_DATA: dir, TAVLA_OUT: join(out, 'site'), TAVLA_HISTORY: join(out, 'history') },
    });
    const ms = performance.now() - started;
    if (build.status !== 0) {
      const lines = `${build.stdout}\n${build.stderr}`.split('\n').filter((line) => line.trim() !== '');
      throw new Error(`npm run build failed (exit ${build.status ?? build.signal}): ${lines.slice(-12).join(' | ')}`);
    }
    const rss = /BENCH_MAXRSS_KB (\d+)/.exec(build.stderr);
    return { ms, figures: parseBuildOutput(build.stdout), peakRss: rss ? Number(rss[1]) * 1024 : 0 };
  } finally {
    await rm(out, { recursive: true, force: true });
  }
}

type Pipeline = typeof import('../../src/pipeline/run-pipeline.ts').runPipeline;

/** The subset's checksums from what runPipeline produced (after its timed run). */
async function pipelineChecksums(result: Extract<Awaited<ReturnType<Pipeline>>, { ok: true }>): Promise<Record<string, string>> {
  const { salesVolumeByMonth } = await import('../../src/metrics/sales-volume.ts');
  const { isoWeekOf } = await import('../../src/periods/iso-week.ts');
  const { addDays, addMonths } = await import('../../src/periods/calendar.ts');
  const { model, site } = result;
  const start = site.report.meta.yearToDate.start;
  const fiscalYear = { start, end: addDays(addMonths(start, 12), -1) };
  const activityWeeks = new Map<string, Map<string, number>>();
  for (const [owner, counts] of model.records.activityFacts.counts) {
    const weeks = new Map<string, number>();
    for (const [date, perType] of counts.entries()) {
      const week = isoWeekOf(date);
      weeks.set(week, (weeks.get(week) ?? 0) + perType.reduce((sum, n) => sum + n, 0));
    }
    activityWeeks.set(owner, weeks);
  }
  return checksums(
    tavlaFigures({
      report: site.report,
      deals: model.deals,
      givenByMonth: salesVolumeByMonth(
        model.deals.filter((deal) => deal.channelReason === 'given'),
        fiscalYear,
      ),
      activityWeeks,
    }),
  );
}

/** Runs one stage in this process; the child entry point calls this. */
export async function runStage(stage: StageName, dir: string): Promise<StageResult> {
  // Modules first, so the wall time is the stage's work alone and baseRss includes them.
  const modules =
    stage === 'parse'
      ? { readCsv: (await import('../../src/ingest/read-csv.ts')).readCsv }
      : stage === 'validate'
        ? {
            loadSettings: (await import('../../src/settings/load-settings.ts')).loadSettings,
            loadRecords: (await import('../../src/pipeline/load-records.ts')).loadRecords,
          }
        : stage === 'pipeline'
          ? { runPipeline: (await import('../../src/pipeline/run-pipeline.ts')).runPipeline }
          : {};
  const sizes = new Map((await presentFiles(dir, CSV_FILES)).map((f) => [f.file, f.bytes]));
  const detail: Record<string, number> = {};
  let rows = 0;
  let bytes = 0;
  const baseRss = process.memoryUsage().rss;
  let started = performance.now();
  let ms = 0;
  if (stage === 'papaparse' || stage === 'parse') {
    for (const file of BIG_FILES) {
      const size = sizes.get(file);
      if (size === undefined) continue;
      const t = performance.now();
      const n = stage === 'papaparse' ? await papaCount(join(dir, file)) : await readCsvCount(join(dir, file), modules.readCsv);
      detail[`${file} ms`] = performance.now() - t;
      detail[`${file} rows`] = n;
      detail[`${file} bytes`] = size;
      rows += n;
      bytes += size;
    }
    ms = performance.now() - started;
  } else if (stage === 'validate' && modules.loadSettings && modules.loadRecords) {
    const settings = await modules.loadSettings(dir);
    if (!settings.ok) throw new Error(`settings: ${settings.issues.map((i) => i.message).join('; ')}`);
    const loaded = await modules.loadRecords(dir, settings.settings);
    ms = performance.now() - started;
    if (loaded.fatal.length > 0) throw new Error(loaded.fatal.map((i) => `${i.file}: ${i.message}`).join('; '));
    for (const file of loaded.files) {
      if (!file.present) continue;
      rows += file.read;
      bytes += sizes.get(file.file) ?? 0;
      detail[`${file.file} ms`] = file.ms ?? 0;
      detail[`${file.file} rows`] = file.read;
      detail[`${file.file} bytes`] = sizes.get(file.file) ?? 0;
    }
    detail.rejected = loaded.files.reduce((sum, f) => sum + f.rejected, 0);
    detail.records = Object.values(loaded.records).reduce((sum, list) => sum + list.length, 0);
  } else if (stage === 'pipeline' && modules.runPipeline) {
    started = performance.now();
    const result = await modules.runPipeline({ dataDir: dir, now: new Date(), log: () => {} });
    ms = performance.now() - started;
    if (!result.ok) throw new Error(result.messages.join('; '));
    Object.assign(detail, parseTimings(result.summary));
    for (const [file, n] of Object.entries(parseRowsRead(result.summary))) {
      rows += n;
      bytes += sizes.get(file) ?? 0;
    }
    const peakRss = process.resourceUsage().maxRSS * 1024;
    return { stage, rows, bytes, ms, baseRss, peakRss, detail, checksums: await pipelineChecksums(result) };
  } else if (stage === 'duckdb-1' || stage === 'duckdb-2') {
    const { runDuckdb } = await import('./duckdb.ts');
    const run = await runDuckdb(dir, stage === 'duckdb-1' ? 1 : 2);
    ms = run.ms;
    rows = run.rows;
    bytes = (sizes.get('deals.csv') ?? 0) + (sizes.get('activities.csv') ?? 0);
    return { stage, rows, bytes, ms, baseRss, peakRss: process.resourceUsage().maxRSS * 1024, detail, checksums: checksums(run.figures) };
  } else if (stage === 'site') {
    const site = await buildSite(dir);
    ms = site.ms;
    Object.assign(detail, site.figures.timings, { pages: site.figures.pages, 'render ms': site.figures.renderMs });
    const peaks = site.figures.peaks;
    if (peaks) detail[BUILD_PEAK] = peaks.build;
    if (peaks?.astro !== undefined) detail[ASTRO_PEAK] = peaks.astro;
    for (const [file, n] of Object.entries(site.figures.rowsRead)) {
      rows += n;
      bytes += sizes.get(file) ?? 0;
    }
    return { stage, rows, bytes, ms, baseRss, peakRss: site.peakRss, detail };
  } else {
    throw new Error(`unknown stage ${stage}`);
  }
  return { stage, rows, bytes, ms, baseRss, peakRss: process.resourceUsage().maxRSS * 1024, detail };
}

export interface ChildOptions {
  /** `--max-old-space-size` for the child, MB; Node's default when absent. */
  heapMb?: number;
  /** Kill the child after this many seconds. */
  timeoutS?: number;
  /** Write a V8 CPU profile of the child into this folder. */
  cpuProfDir?: string;
}

const CHILD = fileURLToPath(new URL('./child.ts', import.meta.url));

const RESULT_PREFIX = 'BENCH_RESULT ';

/**
 * The lines of a failed child's stderr that say why: its last three, leaving out Node's closing
 * lines after an uncaught error (`Node.js v24…`, blank lines, a lone brace of the source shown).
 */
export function failureLines(stderr: string): string {
  const lines = stderr
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '' && line !== '}' && !/^Node\.js v\d/.test(line));
  return lines.slice(-3).join(' | ');
}

/** The build's environment for the pipeline's stages; for a reference, the caller's without the build's memory settings. */
function childEnv(reference: boolean): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, TZ: 'UTC' };
  for (const [name, value] of Object.entries(PIPELINE_ENV)) {
    if (reference) delete env[name];
    else env[name] = value;
  }
  return env;
}

/** Runs one stage in a fresh Node process (the running Node binary) and returns its result. */
export function measureInChild(stage: StageName, dir: string, options: ChildOptions = {}): Promise<ChildOutcome> {
  const reference = REFERENCE_STAGES.includes(stage);
  const args = [
    ...(reference ? [] : PIPELINE_FLAGS),
    ...(options.heapMb ? [`--max-old-space-size=${options.heapMb}`] : []),
    // Node's own profile names carry the thread id: the main thread's and a worker thread's profile each.
    ...(options.cpuProfDir ? ['--cpu-prof', `--cpu-prof-dir=${options.cpuProfDir}`] : []),
    CHILD,
    stage,
    dir,
  ];
  return new Promise((resolve) => {
    const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'pipe'], env: childEnv(reference) });
    let stdout = '';
    let stderr = '';
    let timedOut = false;
    child.stdout.setEncoding('utf8').on('data', (text: string) => (stdout += text));
    child.stderr.setEncoding('utf8').on('data', (text: string) => (stderr = (stderr + text).slice(-4000)));
    const timer = options.timeoutS
      ? setTimeout(() => {
          timedOut = true;
          child.kill('SIGKILL');
        }, options.timeoutS * 1000)
      : undefined;
    child.on('close', (code, signal) => {
      if (timer) clearTimeout(timer);
      const line = stdout.split('\n').find((l) => l.startsWith(RESULT_PREFIX));
      if (code === 0 && line) {
        resolve({ ok: true, result: JSON.parse(line.slice(RESULT_PREFIX.length)) as StageResult });
        return;
      }
      const oom = /heap out of memory|Allocation failed/i.test(stderr);
      const why = timedOut
        ? `timed out after ${options.timeoutS} s`
        : oom
          ? 'out of memory (V8 heap limit; see --heap-mb)'
          : `exit ${code ?? signal}: ${failureLines(stderr)}`;
      resolve({ ok: false, stage, error: why });
    });
  });
}

export { RESULT_PREFIX };

/** Median of the numbers (mean of the middle two for an even count). */
export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[mid] as number) : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

/** Medians over repeated results of one stage: ms, peak RSS and every detail figure separately. */
export function medianResult(results: StageResult[]): StageResult {
  const first = results[0];
  if (!first) throw new Error('no results');
  const detail: Record<string, number> = {};
  for (const key of Object.keys(first.detail)) detail[key] = median(results.map((r) => r.detail[key] ?? 0));
  return {
    ...first,
    ms: median(results.map((r) => r.ms)),
    peakRss: median(results.map((r) => r.peakRss)),
    baseRss: median(results.map((r) => r.baseRss)),
    detail,
  };
}

/** Runs a stage `repeat` times in fresh children; the median, or the first failure. */
export async function measureStage(stage: StageName, dir: string, repeat: number, options: ChildOptions = {}): Promise<ChildOutcome> {
  const results: StageResult[] = [];
  for (let i = 0; i < repeat; i++) {
    const outcome = await measureInChild(stage, dir, options);
    if (!outcome.ok) return outcome;
    results.push(outcome.result);
  }
  return { ok: true, result: medianResult(results) };
}

/**
 * Runs the stages in turns (a, b, c, a, b, c, …), `repeat` rounds, so that a change in the
 * machine's load falls on all of them alike; the median per stage, or its first failure.
 */
export async function measureAlternating(
  stages: readonly StageName[],
  dir: string,
  repeat: number,
  options: ChildOptions = {},
  progress: (stage: StageName, round: number, outcome: ChildOutcome) => void = () => {},
): Promise<Map<StageName, ChildOutcome>> {
  const results = new Map<StageName, StageResult[]>(stages.map((stage) => [stage, []]));
  const failed = new Map<StageName, ChildOutcome>();
  for (let round = 1; round <= repeat; round++) {
    for (const stage of stages) {
      if (failed.has(stage)) continue;
      const outcome = await measureInChild(stage, dir, options);
      progress(stage, round, outcome);
      if (outcome.ok) results.get(stage)?.push(outcome.result);
      else failed.set(stage, outcome);
    }
  }
  return new Map(stages.map((stage) => [stage, failed.get(stage) ?? { ok: true, result: medianResult(results.get(stage) ?? []) }]));
}
