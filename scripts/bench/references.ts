/**
 * tavla beside its references: runPipeline, DuckDB with 1 and 2 threads and papaparse
 * parse-only, measured in turns within one run (measureAlternating), as rows of the tables
 * `npm run bench` prints.
 */
import type { ChildOutcome, StageName, StageResult } from './measure.ts';
import { differing } from './subset.ts';
import { int, mb, seconds } from './table.ts';

/** The order of each round: tavla first, then the references. */
export const REFERENCE_ORDER: readonly StageName[] = ['pipeline', 'duckdb-1', 'duckdb-2', 'papaparse'];

/** At least three rounds: a median of alternating runs, even when `--repeat` is 1. */
export function referenceRounds(repeat: number): number {
  return Math.max(3, repeat);
}

/** runPipeline's time after reading: model + quality + metrics + report. */
function afterReading(result: StageResult): number {
  return (result.detail.model ?? 0) + (result.detail.quality ?? 0) + (result.detail['metrics + report'] ?? 0);
}

/** `a ÷ b` with two decimals, or `—`. */
export function ratio(a: number, b: number): string {
  return b > 0 && a > 0 ? `${(a / b).toFixed(2)}×` : '—';
}

function get(results: ReadonlyMap<StageName, ChildOutcome>, stage: StageName): StageResult | undefined {
  const outcome = results.get(stage);
  return outcome?.ok ? outcome.result : undefined;
}

function failure(results: ReadonlyMap<StageName, ChildOutcome>, stage: StageName): string {
  const outcome = results.get(stage);
  return outcome && !outcome.ok ? `FAILED: ${outcome.error}` : 'not run';
}

/** Whether a reference's subset checksums equal tavla's. */
function checksumVerdict(tavla: StageResult | undefined, reference: StageResult): string {
  if (!reference.checksums) return 'n/a (counts rows only)';
  if (!tavla?.checksums) return 'tavla not measured';
  const differ = differing(tavla.checksums, reference.checksums);
  return differ.length === 0 ? `equal (${Object.keys(reference.checksums).length} figures)` : `DIFFER: ${differ.join(', ')}`;
}

/** One row per measured process: wall, rows, peak RSS, checksums against tavla's, tavla's time ÷ its time. */
export function referenceRows(results: ReadonlyMap<StageName, ChildOutcome>): string[][] {
  const tavla = get(results, 'pipeline');
  const labels: Record<string, string> = {
    pipeline: 'tavla: runPipeline (every figure of the report; V8 flags and memory settings of the build)',
    'duckdb-1': 'DuckDB, 1 thread: read_csv + SQL for the subset',
    'duckdb-2': 'DuckDB, 2 threads: the same',
    papaparse: 'papaparse parse-only, deals + activities (no figures)',
  };
  return REFERENCE_ORDER.map((stage) => {
    const r = get(results, stage);
    const label = labels[stage] ?? stage;
    if (!r) return [label, failure(results, stage), '', '', '', ''];
    const sums = stage === 'pipeline' ? (r.checksums ? 'computed' : '—') : checksumVerdict(tavla, r);
    return [label, seconds(r.ms), int(r.rows), mb(r.peakRss), sums, tavla ? ratio(tavla.ms, r.ms) : '—'];
  });
}

/**
 * tavla's stages against twice DuckDB's single-thread time for the whole subset: the pipeline
 * meets the target when its whole time is within 2×; each stage's own multiple shows which one
 * takes the budget.
 */
export function twiceDuckdbRows(results: ReadonlyMap<StageName, ChildOutcome>): string[][] {
  const tavla = get(results, 'pipeline');
  const duck = get(results, 'duckdb-1');
  if (!tavla || !duck) return [['runPipeline or DuckDB 1 thread', tavla ? failure(results, 'duckdb-1') : failure(results, 'pipeline'), '', 'not measured']];
  const budget = 2 * duck.ms;
  const stages: [string, number][] = [
    ['read + validate (every file)', tavla.detail['read + validate'] ?? 0],
    ['model', tavla.detail.model ?? 0],
    ['quality', tavla.detail.quality ?? 0],
    ['metrics + report', tavla.detail['metrics + report'] ?? 0],
    ['model .. report', afterReading(tavla)],
  ];
  const rows = stages.map(([name, ms]) => [`  ${name}`, seconds(ms), ratio(ms, duck.ms), ms > budget ? 'alone over 2×' : '']);
  rows.push([
    'whole runPipeline',
    seconds(tavla.ms),
    ratio(tavla.ms, duck.ms),
    tavla.ms <= budget ? 'met (≤ 2×)' : `NOT met: ${seconds(tavla.ms - budget)} s over 2× (${seconds(budget)} s)`,
  ]);
  return rows;
}
