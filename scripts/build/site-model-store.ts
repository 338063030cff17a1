/**
 * The computed report kept between builds in `.tavla/`, one set of files per output folder:
 * `site-model-<out>.json` (what the pages read: everything but the deal rows),
 * `deal-rows-<out>.json` (the deal rows, which only the CSV downloads need, so the renderer never
 * parses them) and `site-model-<out>.json.key` (the cache key the two were computed for; written
 * last, so a build stopped halfway leaves no key and the next one recomputes). Both are written
 * in pieces, never made one string first.
 * Every output folder (each test's, each team's) leaves its own set, so the sets used least
 * recently beyond `KEPT_SITE_MODELS` are removed whenever one is written.
 */
import { existsSync, readFileSync } from 'node:fs';
import { open, readdir, readFile, rm, stat, utimes, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { DealRows } from '../../src/report/deal-lines.ts';
import type { Report, SiteModel } from '../../src/report/site-model.ts';
import type { PageOnly } from '../../src/views/all-tables.ts';

export const KEPT_SITE_MODELS = 6;

export interface SiteModelFiles {
  /** The site model without its deal rows: what Astro reads (TAVLA_SITE_MODEL). */
  model: string;
  dealRows: string;
  key: string;
}

const NAME = /^(?:site-model|deal-rows)-([0-9a-z]+)\.json(?:\.key)?$/;

export function siteModelFiles(workDir: string, outKey: string): SiteModelFiles {
  const model = join(workDir, `site-model-${outKey}.json`);
  return { model, dealRows: join(workDir, `deal-rows-${outKey}.json`), key: `${model}.key` };
}

/** Whether the files hold a report computed for `cacheKey`. */
export function isCurrent(files: SiteModelFiles, cacheKey: string): boolean {
  return existsSync(files.model) && existsSync(files.dealRows) && existsSync(files.key) && readFileSync(files.key, 'utf8') === cacheKey;
}

/** Marks a reused set as just used, so that pruning by another build keeps it. */
export async function markUsed(files: SiteModelFiles): Promise<void> {
  const now = new Date();
  await Promise.all([files.model, files.dealRows, files.key].map((path) => utimes(path, now, now).catch(() => undefined)));
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

/** Writes `value` as JSON to `path` (split `depth` levels down), a megabyte or so at a time. */
async function writeJson(path: string, value: unknown, depth: number): Promise<void> {
  const file = await open(path, 'w');
  try {
    let batch = '';
    for (const piece of jsonPieces(value, depth)) {
      batch += piece;
      if (batch.length < 1 << 20) continue;
      await file.write(batch);
      batch = '';
    }
    await file.write(batch);
  } finally {
    await file.close();
  }
}

/** Writes the site model in its two files, then the key, then prunes old sets. */
export async function writeSiteModel(files: SiteModelFiles, site: SiteModel, cacheKey: string): Promise<void> {
  const { dealRows, ...forPages } = site;
  await rm(files.key, { force: true });
  // Down to the items of the weeks' and months' lists; a deal row (ten cells) is one piece.
  await writeJson(files.model, forPages, 5);
  await writeJson(files.dealRows, dealRows, 1);
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
  const { report, dealFiles, openByStage, openByStageOfTeam } = JSON.parse(await readFile(files.model, 'utf8')) as Pick<
    SiteModel,
    'report' | 'dealFiles' | 'openByStage' | 'openByStageOfTeam'
  >;
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
