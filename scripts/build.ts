/**
 * `npm run build`: data folder → validated records → metrics → site model → Astro (pages) and the
 * build itself (report.json and the CSV downloads, scripts/build/write-report-json.ts and
 * write-csvs.ts) → dist/.
 *
 * One build per output folder at a time (`<out>.lock`, scripts/build/build-lock.ts). The site is
 * rendered into a folder of this build's own and published only when everything passed, by
 * flipping the link `<out>` to it (scripts/build/swap-site.ts), so a failed or killed build
 * never leaves a half-written site and readers always find a complete one.
 * Environment: TAVLA_DATA (data folder, default ./data), TAVLA_OUT (output, default ./dist),
 * TAVLA_BASE (base path when hosted below the domain root), TAVLA_TEAM (build for one market team only),
 * TAVLA_HISTORY (snapshot folder; default <data>/history, <data>/history/<team> for a team build),
 * TAVLA_AS_OF (the as-of date, over the settings' `asOf` and today in the settings' time zone),
 * TAVLA_FAIL_STALE=1 (a stale export fails the build; the nightly run sets it),
 * TAVLA_LOCK_WAIT (seconds to wait for another build of the same output; default 300),
 * SOURCE_DATE_EPOCH (the build time the pages show, for reproducible builds; default now).
 *
 * The computed report is reused only when the hash of the inputs (data files, settings, earlier
 * snapshots, the code and the lockfile) is unchanged; any new export recomputes it.
 */
import { createHash } from 'node:crypto';
import { readdirSync, rmSync } from 'node:fs';
import { mkdir, rm } from 'node:fs/promises';
import { hashInputs } from '../src/history/input-hash.ts';
import { readSnapshots, writeSnapshot } from '../src/history/store.ts';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { checkPageWeights, formatPageWeights } from './build/page-weight.ts';
import { runPipeline } from '../src/pipeline/run-pipeline.ts';
import type { SiteModel } from '../src/report/site-model.ts';
import { credentialFiles, outputConflict, unexpectedOutput } from './build/safety.ts';
import { acquireBuildLock, LockBusyError } from './build/build-lock.ts';
import { dieWithParent, onStop, parentGone, runChild } from './build/child-process.ts';
import { prepareSlots, publishSite, siteSlots } from './build/swap-site.ts';
import { buildAsOf } from '../src/settings/build-as-of.ts';
import { buildCacheKey } from './build/cache-key.ts';
import { placeSite } from './build/place-site.ts';
import { PAGE_PROGRESS_ENV, showPageProgress } from './build/page-progress.ts';
import { formatPeaks, ownPeakRss, PEAK_RSS_ENV, readPeakRss } from './build/peak-rss.ts';
import { staleExportFailure, staleExportMessage } from '../src/nightly/freshness-gate.ts';
import { isCurrent, markUsed, readCsvSource, siteModelFiles, writeSiteModel, type CsvSource } from './build/site-model-store.ts';
import { writeTableCsvs } from './build/write-csvs.ts';
import { writeReportJson } from './build/write-report-json.ts';
import { eachTable } from '../src/views/all-tables.ts';

dieWithParent();

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const dataDir = resolve(process.env.TAVLA_DATA ?? join(root, 'data'));
const outDir = resolve(process.env.TAVLA_OUT ?? join(root, 'dist'));
const workDir = join(root, '.tavla');
// One prepared model and one render folder per output folder, so two builds (e.g. tests) never
// read each other's.
const outKey = createHash('sha256').update(outDir).digest('hex').slice(0, 12);
const modelFiles = siteModelFiles(workDir, outKey);
const siteModelPath = modelFiles.model;
const team = process.env.TAVLA_TEAM || undefined;
const historyDir = resolve(process.env.TAVLA_HISTORY ?? join(dataDir, 'history', team ?? ''));
const slots = siteSlots(outDir);
const tempOut = slots.temp;
// Astro renders inside the project (its prerender step imports packages from node_modules);
// the finished site is then moved beside the output folder, wherever that is, and published.
const renderDir = join(workDir, `render-${outKey}`);
const builtAt = process.env.SOURCE_DATE_EPOCH ? new Date(Number(process.env.SOURCE_DATE_EPOCH) * 1000) : new Date();

function listFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? listFiles(join(dir, e.name)) : [join(dir, e.name)]));
}

function fail(message: string): never {
  rmSync(tempOut, { recursive: true, force: true });
  rmSync(renderDir, { recursive: true, force: true });
  process.stderr.write(`\n${message}\n\nThe previous site in ${outDir} was left as it was.\n`);
  process.exit(1);
}

const started = performance.now();
const conflict = outputConflict(outDir, { 'data folder': dataDir, 'history folder': historyDir, repository: root });
if (conflict) fail(`tavla: ${conflict}`);
await mkdir(dirname(outDir), { recursive: true });
const lock = await acquireBuildLock(`${outDir}.lock`, {
  waitMs: Number(process.env.TAVLA_LOCK_WAIT ?? 300) * 1000,
  log: (line) => process.stdout.write(`${line}\n`),
}).catch((error: unknown) => fail(error instanceof LockBusyError ? `tavla: ${error.message}` : String(error)));
process.on('exit', () => lock.release());
onStop(() => {
  rmSync(tempOut, { recursive: true, force: true });
  rmSync(renderDir, { recursive: true, force: true });
  lock.release();
});
const secrets = await credentialFiles(dataDir, root);
if (secrets.length > 0) {
  fail(
    `tavla: the data folder inside the repository holds files that look like credentials:\n${secrets.map((f) => `  ✗ ${f}`).join('\n')}\nMove them out of the repository and keep credentials in the CI's secret store.`,
  );
}
const asOfChoice = await buildAsOf(dataDir, process.env.TAVLA_AS_OF, new Date());
if (!asOfChoice.ok) fail(`tavla cannot build honest reports from ${dataDir}:\n  ✗ ${asOfChoice.message}`);
process.stdout.write(`tavla: ${asOfChoice.note}\n`);
process.stdout.write(`tavla: reading ${dataDir}\n`);
const history = await readSnapshots(historyDir);
for (const problem of history.problems) process.stdout.write(`tavla: history: ${problem}\n`);
const dataFiles = readdirSync(dataDir, { withFileTypes: true })
  .filter((e) => e.isFile())
  .map((e) => e.name);
const inputHash = await hashInputs(dataDir, dataFiles);
const codeFiles = ['package-lock.json', ...listFiles(join(root, 'src')).map((f) => f.slice(root.length + 1))];
const cacheKey = buildCacheKey({
  inputHash,
  codeHash: await hashInputs(root, codeFiles),
  team: team ?? '',
  asOf: asOfChoice.asOf,
  snapshots: history.snapshots,
});
const cached = isCurrent(modelFiles, cacheKey);
let snapshot: SiteModel['snapshot'] | undefined;
let freshness: SiteModel['freshness'];
// What report.json and the CSV downloads are made of: the report just computed (the pipeline's records and model
// are let go before rendering), or the reused one, read back after rendering.
let csvSource: CsvSource | undefined;
/** The pipeline's site model, nothing else of its run kept. */
async function computeSite(asOf: string): Promise<SiteModel> {
  const result = await runPipeline({
    dataDir,
    team,
    history: { ...history, inputHash },
    asOf,
    now: new Date(),
    log: (line) => process.stdout.write(`${line}\n`),
  });
  if (!result.ok) {
    fail(`tavla cannot build honest reports from ${dataDir}:\n${result.messages.map((m) => `  ✗ ${m}`).join('\n')}`);
  }
  return result.site;
}
if (cached) {
  process.stdout.write(`tavla: inputs unchanged (${cacheKey.slice(0, 12)}): reusing the computed report\n`);
  await markUsed(modelFiles);
} else {
  const site = await computeSite(asOfChoice.asOf);
  await mkdir(workDir, { recursive: true });
  await writeSiteModel(modelFiles, site, cacheKey);
  snapshot = site.snapshot;
  freshness = site.freshness;
  csvSource = {
    report: site.report,
    dealRows: site.dealRows,
    pageOnly: { dealFiles: site.dealFiles, openByStage: site.openByStage, openByStageOfTeam: site.openByStageOfTeam },
  };
}

if (process.env.TAVLA_FAIL_STALE === '1') {
  // The report just computed holds it; only a reused report is read back from its file.
  const stale = cached ? await staleExportFailure(siteModelPath) : staleExportMessage(freshness);
  if (stale) fail(stale);
}

await prepareSlots(slots);
await rm(renderDir, { recursive: true, force: true });
const astroStarted = performance.now();
const watchdog = pathToFileURL(join(root, 'scripts/build/die-with-parent.ts')).href;
const progressFile = join(workDir, `page-progress-${outKey}`);
const astroPeakFile = join(workDir, `peak-rss-${outKey}`);
rmSync(astroPeakFile, { force: true });
const recordPeak = pathToFileURL(join(root, 'scripts/build/record-peak-rss.ts')).href;
const progress = showPageProgress(progressFile, process.stdout);
// Astro runs with the build's V8 flags (package.json): its old generation then grows by half of
// what survives, not by twice, which keeps the render's peak ≈ 300 MB lower (docs/performance.md).
const astro = await runChild(
  process.execPath,
  [...process.execArgv, '--import', watchdog, '--import', recordPeak, join(root, 'node_modules/astro/bin/astro.mjs'), 'build', '--silent'],
  {
    cwd: root,
    env: {
      ...process.env,
      TAVLA_OUT_DIR: renderDir,
      TAVLA_SITE_MODEL: siteModelPath,
      TAVLA_BUILT_AT: builtAt.toISOString(),
      ASTRO_TELEMETRY_DISABLED: '1',
      [PAGE_PROGRESS_ENV]: progressFile,
      [PEAK_RSS_ENV]: astroPeakFile,
    },
  },
);
progress.stop();
if (astro !== 0) {
  fail('tavla: the site could not be rendered (astro build failed, see above).');
}
const astroMs = performance.now() - astroStarted;
await placeSite(renderDir, tempOut);
const csvStarted = performance.now();
csvSource ??= await readCsvSource(modelFiles);
await writeReportJson(tempOut, csvSource.report).catch((error: unknown) => fail(`tavla: report.json could not be written: ${(error as Error).message}`));
const csvFiles = await writeTableCsvs(tempOut, eachTable(csvSource.report, csvSource.dealRows, csvSource.pageOnly)).catch((error: unknown) =>
  fail(`tavla: the CSV downloads could not be written: ${(error as Error).message}`),
);
csvSource = undefined;
process.stdout.write(`tavla: report.json and ${csvFiles} CSV downloads written in ${Math.round(performance.now() - csvStarted)} ms\n`);

const stray = await unexpectedOutput(tempOut);
if (stray.length > 0) {
  fail(`tavla: the built site would publish files that are not part of the report:\n${stray.map((f) => `  ✗ ${f}`).join('\n')}`);
}
const weights = await checkPageWeights(tempOut);
process.stdout.write(`${formatPageWeights(weights, astroMs)}\n`);
if (weights.overBudget.length > 0) {
  fail(`tavla: ${weights.overBudget.length} page(s) exceed the page-weight budget.`);
}

if (parentGone()) fail('tavla: the build was stopped (its parent process ended) before publishing.');
await publishSite(outDir, slots);
if (snapshot) {
  const written = await writeSnapshot(historyDir, snapshot);
  process.stdout.write(`tavla: snapshot ${snapshot.asOf} kept in ${written}\n`);
}
process.stdout.write(`${formatPeaks({ build: ownPeakRss(), astro: readPeakRss(astroPeakFile) })}\n`);
rmSync(astroPeakFile, { force: true });
process.stdout.write(`tavla: site written to ${outDir} in ${Math.round(performance.now() - started)} ms\n`);
