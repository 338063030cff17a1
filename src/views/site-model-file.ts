/**
 * Reads the site model that scripts/build.ts prepared (TAVLA_SITE_MODEL), once per process.
 * Pages only read it; no page computes a metric. It holds no deal rows: only the
 * CSV downloads need them, and the build writes those itself (scripts/build/write-csvs.ts). Its
 * period lists (weeks, months, agendas, packs) stay in their parts file and are read an item at
 * a time, when a page asks for one (src/views/period-parts.ts).
 */
import { closeSync, openSync, readFileSync, readSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { SiteModel } from '../report/site-model.ts';
import { joinPeriodLists, lazyPeriodLists, type PeriodIndex, type ReadSpan } from './period-parts.ts';

/** The site model as the pages get it: no deal rows, no snapshot (the history folder's). */
export type PageSiteModel = Omit<SiteModel, 'dealRows' | 'snapshot'>;

/** The site model file as written: the period lists empty, where their items are beside them. */
export type StoredSiteModel = PageSiteModel & { periods: PeriodIndex };

let cached: StoredSiteModel | undefined;

export function siteModel(): PageSiteModel {
  return storedModel();
}

/** The week and month keys of the report, in order, without reading any week or month. */
export function periodKeys(): { weeks: readonly string[]; months: readonly string[] } {
  const { weeks, months } = storedModel().periods;
  return { weeks, months };
}

function storedModel(): StoredSiteModel {
  if (cached) return cached;
  const path = process.env.TAVLA_SITE_MODEL;
  if (!path) {
    throw new Error('TAVLA_SITE_MODEL is not set: build the site with `npm run build`, which prepares the data first.');
  }
  // The period file is kept open for the life of the process: pages read their items from it.
  const { model, fd } = openStored(path);
  cached = { ...model, report: lazyPeriodLists(model.report, model.periods, spanReader(fd)) };
  return cached;
}

/** Reads an item's bytes from the parts file and parses them. */
function spanReader(fd: number): ReadSpan {
  return ([offset, length]) => {
    const bytes = Buffer.alloc(length);
    let done = 0;
    while (done < length) {
      const n = readSync(fd, bytes, done, length - done, offset + done);
      if (n === 0) throw new Error(`the site model's period file ends before byte ${offset + length}: build again`);
      done += n;
    }
    return JSON.parse(bytes.toString('utf8')) as unknown;
  };
}

/** The site model file parsed, and its period file (beside it) opened for reading. */
function openStored(path: string): { model: StoredSiteModel; fd: number } {
  const model = JSON.parse(readFileSync(path, 'utf8')) as StoredSiteModel;
  return { model, fd: openSync(join(dirname(path), model.periods.file), 'r') };
}

/** A site model file read whole, its period lists included (for the build's own readers). */
export function readWholeSiteModel(path: string): StoredSiteModel {
  const { model, fd } = openStored(path);
  try {
    return { ...model, report: joinPeriodLists(model.report, model.periods, spanReader(fd)) };
  } finally {
    closeSync(fd);
  }
}
