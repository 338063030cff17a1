/**
 * `npm run bench`: generate (or reuse) the datasets, measure every stage in child processes,
 * print the tables. Progress goes to stderr, the results to stdout (plain or markdown).
 */
import { mkdir, readdir } from 'node:fs/promises';
import { availableParallelism, totalmem, platform, arch } from 'node:os';
import { join, resolve } from 'node:path';
import type { BenchArgs } from './args.ts';
import { ensureDataset, type Dataset } from './datasets.ts';
import { DEFAULT_LARGE, type LargeOptions } from './generate-large.ts';
import { BIG_FILES, measureAlternating, measureStage, type ChildOptions, type ChildOutcome, type StageName, type StageResult } from './measure.ts';
import { referenceRows, REFERENCE_ORDER, referenceRounds, twiceDuckdbRows } from './references.ts';
import { hotSpots } from './profile.ts';
import { sitePeakRow } from './site-peak.ts';
import { formatTable, int, mb, mbPerSecond, percent, perSecond, seconds, type TableData } from './table.ts';

/** runPipeline's time after validation: model + quality + metrics + report. */
export function restMs(result: StageResult): number {
  return (result.detail.model ?? 0) + (result.detail.quality ?? 0) + (result.detail['metrics + report'] ?? 0);
}

function bigFiles(result: StageResult): { rows: number; bytes: number; ms: number } {
  let rows = 0;
  let bytes = 0;
  let ms = 0;
  for (const file of BIG_FILES) {
    rows += result.detail[`${file} rows`] ?? 0;
    bytes += result.detail[`${file} bytes`] ?? 0;
    ms += result.detail[`${file} ms`] ?? 0;
  }
  return { rows, bytes, ms };
}

function progress(text: string): void {
  process.stderr.write(`bench: ${text}\n`);
}

function failedRow(label: string, what: string, outcome: ChildOutcome, width: number): string[] {
  const why = outcome.ok ? '' : `FAILED: ${outcome.error}`;
  return [label, what, why, ...Array.from({ length: width - 3 }, () => '')];
}

/** The main export with another number of activity rows; deals, accounts and people stay as they are. */
export function growthOptions(main: LargeOptions, activities: number): LargeOptions {
  return { ...main, activities };
}

export async function runBench(args: BenchArgs, root: string, command: string): Promise<void> {
  const dataRoot = resolve(root, args.dataDir);
  await mkdir(dataRoot, { recursive: true });
  const main: LargeOptions = {
    ...DEFAULT_LARGE,
    seed: args.seed,
    deals: args.deals,
    activities: args.activities,
    accounts: args.accounts,
    sellers: args.sellers,
    teams: args.teams,
    years: args.years,
  };
  const child: ChildOptions = { timeoutS: args.timeoutS, ...(args.heapMb ? { heapMb: args.heapMb } : {}) };
  const out: string[] = [];
  const print = (text = '') => out.push(text);
  const table = (data: TableData) => print(formatTable(data, args.markdown));

  progress(`dataset ${main.deals} deals, ${main.activities} activities, ${main.accounts} accounts in ${dataRoot}`);
  const dataset = await ensureDataset(dataRoot, main, args.regenerate);
  progress(dataset.generatedMs === undefined ? 'using the cached dataset' : `generated in ${seconds(dataset.generatedMs)} s`);

  print(
    `tavla bench: Node ${process.version}, ${availableParallelism()} cores, ${Math.round(totalmem() / 1024 ** 3)} GB RAM, ${platform()} ${arch()}, ${new Date().toISOString().slice(0, 10)}`,
  );
  print(`command: ${command}`);
  print(`data: ${dataset.dir}${args.heapMb ? `; children run with --max-old-space-size=${args.heapMb}` : ''}`);
  print();
  print(
    `Dataset (seed ${main.seed}, ${main.sellers} sellers in ${main.teams} teams, ${main.years} years, as of ${main.asOf}); ` +
      (dataset.generatedMs === undefined ? 'cached from an earlier run' : `generated in ${seconds(dataset.generatedMs)} s (not measured)`),
  );
  table({
    columns: ['file', 'rows', 'MB'],
    right: [1, 2],
    rows: [
      ...dataset.files.map((f) => [f.file, int(f.rows), mb(f.bytes)]),
      ['total', int(dataset.files.reduce((s, f) => s + f.rows, 0)), mb(dataset.files.reduce((s, f) => s + f.bytes, 0))],
    ],
  });
  if (args.generateOnly) {
    process.stdout.write(`${out.join('\n')}\n`);
    return;
  }

  const measure = async (stage: Parameters<typeof measureStage>[0], dir: string, label: string) => {
    progress(`${label} (${args.repeat}×)…`);
    const started = performance.now();
    const outcome = await measureStage(stage, dir, args.repeat, child);
    progress(`  ${outcome.ok ? 'done' : `FAILED: ${outcome.error}`} in ${seconds(performance.now() - started)} s`);
    return outcome;
  };
  const rounds = referenceRounds(args.repeat);
  progress(`(c) runPipeline, DuckDB 1 and 2 threads, papaparse parse-only: ${rounds} alternating rounds…`);
  const alternating = await measureAlternating(REFERENCE_ORDER, dataset.dir, rounds, child, (stage, round, outcome) =>
    progress(`  round ${round}: ${stage} ${outcome.ok ? `${seconds(outcome.result.ms)} s` : `FAILED: ${outcome.error}`}`),
  );
  const outcomeOf = (stage: StageName) => alternating.get(stage) ?? { ok: false as const, stage, error: 'not run' };
  const papa = outcomeOf('papaparse');
  const pipeline = outcomeOf('pipeline');
  const parse = await measure('parse', dataset.dir, '(a) decode + parse (readCsv)');
  const validate = await measure('validate', dataset.dir, '(b) ingest + validate (loadRecords)');
  const site = args.site ? await measure('site', dataset.dir, '(d) page build (npm run build)') : undefined;

  const columns = ['stage', 'what', 'rows', 'MB', 'wall s', 'rows/s', 'MB/s', 'peak RSS MB'];
  const right = [2, 3, 4, 5, 6, 7];
  const row = (label: string, what: string, r: { rows: number; bytes: number; ms: number }, peak: string, showMbps = true) => [
    label,
    what,
    int(r.rows),
    r.bytes > 0 ? mb(r.bytes) : '—',
    seconds(r.ms),
    perSecond(r.rows, r.ms),
    showMbps && r.bytes > 0 ? mbPerSecond(r.bytes, r.ms) : '—',
    peak,
  ];
  const rows: string[][] = [];
  if (papa.ok) rows.push(row('parse-only ceiling', 'papaparse header:false, chunk, deals + activities (plain Node)', papa.result, mb(papa.result.peakRss)));
  else rows.push(failedRow('parse-only ceiling', 'papaparse', papa, columns.length));
  if (parse.ok) rows.push(row('(a) decode + parse', 'readCsv, deals + activities', parse.result, mb(parse.result.peakRss)));
  else rows.push(failedRow('(a) decode + parse', 'readCsv', parse, columns.length));
  if (validate.ok) {
    rows.push(row('(b) ingest + validate', 'loadRecords, all files, records kept', validate.result, mb(validate.result.peakRss)));
    rows.push(
      row('  of which', 'deals + activities (per-file times; they overlap when the log is read in a worker thread)', bigFiles(validate.result), '(same)'),
    );
  } else rows.push(failedRow('(b) ingest + validate', 'loadRecords', validate, columns.length));
  if (pipeline.ok) {
    const p = pipeline.result;
    rows.push(row('(c) model .. report', 'runPipeline after validation', { rows: p.rows, bytes: 0, ms: restMs(p) }, '(below)', false));
    for (const stage of ['model', 'quality', 'metrics + report'] as const) {
      rows.push(row(`  ${stage}`, 'runPipeline stage', { rows: p.rows, bytes: 0, ms: p.detail[stage] ?? 0 }, '', false));
    }
    rows.push(row('full pipeline', 'runPipeline: settings → site model', p, mb(p.peakRss)));
    rows.push(row('  of which', 'read + validate (runPipeline stage)', { rows: p.rows, bytes: p.bytes, ms: p.detail['read + validate'] ?? 0 }, ''));
  } else rows.push(failedRow('full pipeline', 'runPipeline', pipeline, columns.length));
  if (site?.ok) {
    const b = site.result;
    const pagesPerSecond = b.detail['render ms'] ? (b.detail.pages ?? 0) / (b.detail['render ms'] / 1000) : 0;
    rows.push(row('(d) page build', `npm run build: pipeline + ${int(b.detail.pages ?? 0)} pages`, b, b.peakRss > 0 ? mb(b.peakRss) : '—'));
    rows.push([
      '  of which',
      `Astro render: ${Math.round(pagesPerSecond)} pages/s`,
      int(b.detail.pages ?? 0),
      '—',
      seconds(b.detail['render ms'] ?? 0),
      '—',
      '—',
      '',
    ]);
  } else if (site) rows.push(failedRow('(d) page build', 'npm run build', site, columns.length));
  print();
  print(
    `Stages (${args.repeat === 1 ? 'one run' : `medians of ${args.repeat} runs`}, each in a fresh process; peak RSS = the process's maxRSS, Node and modules included)`,
  );
  table({ columns, right, rows });

  print();
  print(`References (same run, ${rounds} alternating rounds, medians; each in a fresh process; the subset is in scripts/bench/subset.ts)`);
  table({
    columns: ['what', 'wall s', 'rows', 'peak RSS MB', 'subset checksums', 'tavla runPipeline ÷ this'],
    right: [1, 2, 3, 5],
    rows: referenceRows(alternating),
  });
  print();
  print('tavla against twice DuckDB single-thread (target: the whole pipeline within 2×)');
  table({ columns: ['tavla stage', 'wall s', '÷ DuckDB 1 thread (whole subset)', 'verdict'], right: [1, 2], rows: twiceDuckdbRows(alternating) });

  print();
  print('Against the targets');
  const verdict: string[][] = [];
  if (papa.ok && validate.ok) {
    const ceiling = (papa.result.bytes / papa.result.ms) * 1000;
    // Files are read concurrently (the activity log in a worker thread), so per-file times overlap:
    // the bytes of deals + activities over loadRecords' wall time for all files.
    const big = bigFiles(validate.result);
    const wall = validate.result.ms;
    const ours = (big.bytes / wall) * 1000;
    verdict.push([
      'ingest + validate throughput vs parse-only (deals + activities bytes, loadRecords wall time, MB/s)',
      `${mbPerSecond(big.bytes, wall)} / ${mbPerSecond(papa.result.bytes, papa.result.ms)} = ${percent(ours / ceiling)}`,
      '≥ 50 %',
      ours / ceiling >= 0.5 ? 'met' : 'NOT met',
    ]);
  }
  if (pipeline.ok) {
    const p = pipeline.result;
    const full = main.deals >= 1_000_000 && main.activities >= 5_000_000;
    const ingestToMetrics = p.ms - (p.detail.settings ?? 0);
    verdict.push([
      `ingest + validation + metrics wall time (${full ? '1 M deals + 5 M activities' : `only ${int(main.deals)} deals + ${int(main.activities)} activities`})`,
      `${seconds(ingestToMetrics)} s`,
      '< 30 s at 1 M + 5 M',
      full ? (ingestToMetrics < 30_000 ? 'met' : 'NOT met') : 'not run at full size',
    ]);
    verdict.push(['peak RSS of the whole pipeline', `${mb(p.peakRss)} MB`, '< 1024 MB and flat', p.peakRss < 1024 ** 3 ? 'met at this size' : 'NOT met']);
    if (papa.ok) {
      const ratio = p.bytes / p.ms / (papa.result.bytes / papa.result.ms);
      verdict.push([
        'whole pipeline throughput vs parse-only (MB/s)',
        `${mbPerSecond(p.bytes, p.ms)} / ${mbPerSecond(papa.result.bytes, papa.result.ms)} = ${percent(ratio)}`,
        '(for reference)',
        '',
      ]);
    }
  } else {
    verdict.push(['whole pipeline', pipeline.ok ? '' : pipeline.error, '', 'NOT met']);
  }
  if (site?.ok) {
    const b = site.result;
    verdict.push([
      'site build (pipeline + every page, sv/da/en)',
      `${seconds(b.ms)} s, ${int(b.detail.pages ?? 0)} pages`,
      '< 300 s',
      b.ms < 300_000 ? 'met' : 'NOT met',
    ]);
    verdict.push(sitePeakRow(b.peakRss, b.detail));
  }
  table({ columns: ['measure', 'measured', 'target', 'verdict'], rows: verdict });

  if (args.growth.length > 0) {
    const growthRows: string[][] = [];
    const results: { options: LargeOptions; outcome: ChildOutcome; bytes: number }[] = [];
    for (const activities of args.growth) {
      const options = growthOptions(main, activities);
      const same = JSON.stringify(options) === JSON.stringify(main);
      let ds: Dataset = dataset;
      if (!same) {
        progress(`growth dataset ${options.deals} deals, ${options.activities} activities…`);
        ds = await ensureDataset(dataRoot, options, args.regenerate);
      }
      const outcome = same ? pipeline : await measure('pipeline', ds.dir, `growth: runPipeline at ${int(activities)} activities`);
      results.push({ options, outcome, bytes: ds.files.reduce((s, f) => s + f.bytes, 0) });
    }
    let previous: { activities: number; result: StageResult } | undefined;
    for (const { options, outcome, bytes } of results) {
      const sizes = [int(options.activities), int(options.deals), int(options.accounts)];
      if (!outcome.ok) {
        growthRows.push([...sizes, '', mb(bytes), `FAILED: ${outcome.error}`, '', '', '', '', '', '']);
        previous = undefined;
        continue;
      }
      const p = outcome.result;
      // Marginal cost of the activity rows added since the row above: what the log itself costs.
      const added = previous ? options.activities - previous.activities : 0;
      growthRows.push([
        ...sizes,
        int(p.rows),
        mb(bytes),
        seconds(p.ms),
        perSecond(p.rows, p.ms),
        mb(p.peakRss),
        previous && added > 0 ? ((p.peakRss - previous.result.peakRss) / added).toFixed(0) : '—',
        previous && added > 0 ? seconds(((p.ms - previous.result.ms) / added) * 1_000_000) : '—',
        seconds(p.detail['read + validate'] ?? 0),
        seconds(restMs(p)),
      ]);
      previous = { activities: options.activities, result: p };
    }
    print();
    print(
      `Growth: runPipeline as the activity log grows (${int(main.deals)} deals, ${int(main.accounts)} accounts, ${main.sellers} sellers and ${main.teams} teams fixed; ${args.repeat === 1 ? 'one run each' : `medians of ${args.repeat}`})`,
    );
    table({
      columns: [
        'activities',
        'deals',
        'accounts',
        'rows (all files)',
        'MB',
        'wall s',
        'rows/s',
        'peak RSS MB',
        'added RSS B per added activity',
        'added s per 1 M added activities',
        'read+validate s',
        'model..report s',
      ],
      right: [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11],
      rows: growthRows,
    });
  }

  if (args.cpuProf) {
    const profDir = join(dataRoot, 'profiles', `${Date.now()}`);
    await mkdir(profDir, { recursive: true });
    progress(`CPU profile of one runPipeline into ${profDir}…`);
    const outcome = await measureStage('pipeline', dataset.dir, 1, { ...child, cpuProfDir: profDir });
    // CPU.<date>.<time>.<pid>.<thread id>.<n>.cpuprofile: thread 0 is the main thread.
    const files = (await readdir(profDir)).filter((f) => f.endsWith('.cpuprofile')).sort();
    print();
    if (!outcome.ok || files.length === 0) print(`CPU profile: FAILED${outcome.ok ? '' : `: ${outcome.error}`}`);
    for (const file of outcome.ok ? files : []) {
      const thread = Number(file.split('.')[4]);
      const label = thread > 0 ? `worker thread ${thread}` : 'main thread';
      const spots = await hotSpots(join(profDir, file), root, 20);
      print(`CPU profile of runPipeline, ${label} (${seconds(spots.totalMs)} s sampled; ${join(profDir, file)}): top functions by self time`);
      table({
        columns: ['self s', 'share', 'function', 'where'],
        right: [0, 1],
        rows: spots.functions.map((h) => [seconds(h.ms), percent(h.share), h.name, h.where]),
      });
      print();
      print(`Self time per source file, ${label}`);
      table({ columns: ['self s', 'share', 'file'], right: [0, 1], rows: spots.files.map((h) => [seconds(h.ms), percent(h.share), h.name]) });
      print();
    }
  }
  process.stdout.write(`${out.join('\n')}\n`);
}
