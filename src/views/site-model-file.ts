/**
 * Reads the site model that scripts/build.ts prepared (TAVLA_SITE_MODEL), once per process.
 * Pages and endpoints only read it; no page computes a metric.
 */
import { readFileSync } from 'node:fs';
import type { SiteModel } from '../report/site-model.ts';

let cached: SiteModel | undefined;

export function siteModel(): SiteModel {
  if (cached) return cached;
  const path = process.env.TAVLA_SITE_MODEL;
  if (!path) {
    throw new Error('TAVLA_SITE_MODEL is not set: build the site with `npm run build`, which prepares the data first.');
  }
  cached = JSON.parse(readFileSync(path, 'utf8')) as SiteModel;
  return cached;
}
