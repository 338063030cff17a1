/**
 * The computed report kept between builds in `.tavla/`, one set of files per output folder:
 * `site-model-<out>.json` (what the pages read: everything but the deal rows and the period
 * lists, with where each period item is), `periods-<out>.jsonl` (the report's weeks, months,
 * agendas and packs, one JSON line per item, which a page reads one at a time:
 * src/views/period-parts.ts), `deal-rows-<out>.json` (the deal rows, which only the CSV downloads
 * need, so the renderer never parses them) and `site-model-<out>.json.key` (the cache key the
 * set was computed for; written last, so a build stopped halfway leaves no key and the next one
 * recomputes). All are written in pieces, never made one string first.
 * Every output folder (each test's, each team's) leaves its own set, so the sets used least
 * recently beyond `KEPT_SITE_MODELS` are removed whenever one is written.
 */
import { existsSync, readFileSync } from 'node:fs';
import { readdir, readFile, rm, stat, utimes, writeFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { writePieces } from './write-pieces.ts';
import type { DealRows } from '../../src/report/deal-lines.ts';
import type { Report, SiteModel } from '../../src/report/site-model.ts';
import type { PageOnly } from '../../src/views/all-tables.ts';
import { periodLines, withoutPeriodLists } from '../../src/views/period-parts.ts';
import { readWholeSiteModel, type StoredSiteModel } from '../../src/views/site-model-file.ts';

export const KEPT_SITE_MODELS = 6;

export interface SiteModelFiles {
  /** The site model without its deal rows and period items: what Astro reads (TAVLA_SITE_MODEL). */
  model: string;
  /** The report's period items, one JSON line each. */
  periods: string;
  dealRows: string;
  key: string;
}

const NAME = /^(?:site-model|deal-rows|periods)-([0-9a-z]+)\.json(?:\.key|l)?$/;

export function siteModelFiles(workDir: string, outKey: string): SiteModelFiles {
  const model = join(workDir, `site-model-${outKey}.json`);
  return { model, periods: join(workDir, `periods-${outKey}.jsonl`), dealRows: join(workDir, `deal-rows-${outKey}.json`), key: `${model}.key` };
}

/** Whether the files hold a report computed for `cacheKey`. */
export function isCurrent(files: SiteModelFiles, cacheKey: string): boolean {
  const all = [files.model, files.periods, files.dealRows, files.key];
  return all.every((path) => existsSync(path)) && readFileSync(files.key, 'utf8') === cacheKey;
}

/** Marks a reused set as just used, so that pruning by another build keeps it. */
export async function markUsed(files: SiteModelFiles): Promise<void> {
  const now = new Date();
  await Promise.all([files.model, files.periods, files.dealRows, files.key].map((path) => utimes(path, now, now).catch(() => undefined)));
}

/**
 * `JSON.stringify(value)`, the same text, in pieces: objects and arrays are split down to
 * `depth` levels, below that a part is stringified whole. On a large export the site model is
 * hundreds of MB of JSON, twice that as one string with any non-ASCII letter in it.
 */
export function* jsonPieces(value: unknown, depth: number): Generator<string> {
  if (depth === 0 || value === null || typeof value !== 'object' || typeof (value as { toJSON?: unknown }).toJSON === 'function') {
    yield JSON.stringify(value) ?? 'null';
    return;
  }
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const item: unknown = value[i];
      yield i === 0 ? '[' : ',';
      yield* jsonPieces(item === undefined || typeof item === 'function' || typeof item === 'symbol' ? null : item, depth - 1);
    }
    yield value.length === 0 ? '[]' : ']';
    return;
  }
  let first = true;
  for (const [key, item] of Object.entries(value)) {
    if (item === undefined || typeof item === 'function' || typeof item === 'symbol') continue;
    yield `${first ? '{' : ','}${JSON.stringify(key)}:`;
    first = false;
    yield* jsonPieces(item, depth - 1);
  }
  yield first ? '{}' : '}';
}

/** Writes the site model in its three files, then the key, then prunes old sets. */
export async function writeSiteModel(files: SiteModelFiles, site: SiteModel, cacheKey: string): Promise<void> {
  // The snapshot is for the history folder, which the build writes from the site it computed.
  const { dealRows, snapshot: _snapshot, ...forPages } = site;
  await rm(files.key, { force: true });
  const periods = await writePieces(files.periods, periodLines(site.report, basename(files.periods)));
  const stored: StoredSiteModel = { ...forPages, report: withoutPeriodLists(site.report), periods };
  // Down to the sellers' and teams' figures; a deal row (ten cells) is one piece.
  await writePieces(files.model, jsonPieces(stored, 5));
  await writePieces(files.dealRows, jsonPieces(dealRows, 1));
  await writeFile(files.key, cacheKey);
  await pruneSiteModels(join(files.model, '..'), KEPT_SITE_MODELS);
}

/** What the CSV downloads are made of. */
export interface CsvSource {
  report: Report;
  dealRows: DealRows;
  /** What the CSVs read from the site model beside the report (deal files, open deals by stage). */
  pageOnly: PageOnly;
}

/** The report and deal rows of a reused set, read back. */
export async function readCsvSource(files: SiteModelFiles): Promise<CsvSource> {
  const { report, dealFiles, openByStage, openByStageOfTeam } = readWholeSiteModel(files.model);
  return { report, dealRows: JSON.parse(await readFile(files.dealRows, 'utf8')) as DealRows, pageOnly: { dealFiles, openByStage, openByStageOfTeam } };
}

/** Removes all but the `keep` most recently written or used sets of site model files. */
export async function pruneSiteModels(workDir: string, keep: number): Promise<string[]> {
  const byKey = new Map<string, { paths: string[]; used: number }>();
  for (const name of await readdir(workDir).catch(() => [])) {
    const outKey = NAME.exec(name)?.[1];
    if (!outKey) continue;
    const path = join(workDir, name);
    const used = (await stat(path).catch(() => undefined))?.mtimeMs ?? 0;
    const set = byKey.get(outKey) ?? { paths: [], used: 0 };
    set.paths.push(path);
    set.used = Math.max(set.used, used);
    byKey.set(outKey, set);
  }
  const old = [...byKey.values()].sort((a, b) => b.used - a.used).slice(keep);
  // The key first: a build reading the set at the same time then finds it stale, not half gone.
  const removed = old.flatMap((set) => set.paths.sort((a, b) => Number(b.endsWith('.key')) - Number(a.endsWith('.key'))));
  for (const path of removed) await rm(path, { force: true });
  return removed;
}
