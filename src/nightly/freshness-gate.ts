/**
 * The nightly run's freshness rule: an export whose data stop more than the settings'
 * `staleExportDays` before the as-of date fails the run, so the last good site stays up
 * instead of yesterday's figures being published under today's date.
 */
import { readFile } from 'node:fs/promises';
import type { Freshness } from '../quality/freshness.ts';
import type { SiteModel } from '../report/site-model.ts';

/** Why the export is too old to publish, or undefined when it is fresh enough. */
export function staleExportMessage(freshness: Freshness | undefined): string | undefined {
  if (!freshness?.stale) return undefined;
  const files = freshness.files
    .filter((f) => f.ageDays !== null && f.ageDays > freshness.limitDays)
    .map((f) => `  ✗ ${f.file}: newest date ${f.newest}, ${f.ageDays} days before ${freshness.asOf}`);
  return [
    `tavla: the export is stale: its data run only to ${freshness.dataThrough}, ${freshness.ageDays} days before the as-of date ${freshness.asOf} (allowed: ${freshness.limitDays}, "staleExportDays" in the settings).`,
    ...files,
    "Check that the CRM's nightly export still runs and reaches the data folder.",
  ].join('\n');
}

/** The same, read from a prepared site model file (a build that reuses the computed report). */
export async function staleExportFailure(siteModelPath: string): Promise<string | undefined> {
  const site = JSON.parse(await readFile(siteModelPath, 'utf8')) as Pick<SiteModel, 'freshness'>;
  return staleExportMessage(site.freshness);
}
