/**
 * Reads the site model that scripts/build.ts prepared (TAVLA_SITE_MODEL), once per process.
 * Pages and endpoints only read it; no page computes a metric. It holds no deal rows: only the
 * CSV downloads need them, and the build writes those itself (scripts/build/write-csvs.ts).
 */
import { readFileSync } from 'node:fs';
import type { SiteModel } from '../report/site-model.ts';

/** The site model as the pages get it. */
export type PageSiteModel = Omit<SiteModel, 'dealRows'>;

let cached: PageSiteModel | undefined;

export function siteModel(): PageSiteModel {
  if (cached) return cached;
  const path = process.env.TAVLA_SITE_MODEL;
  if (!path) {
    throw new Error('TAVLA_SITE_MODEL is not set: build the site with `npm run build`, which prepares the data first.');
  }
  cached = JSON.parse(readFileSync(path, 'utf8')) as PageSiteModel;
  return cached;
}
