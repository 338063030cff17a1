/**
 * The whole build-time pipeline, with its side effects passed in: settings → records → model
 * → quality checks → report and site model. Returns fatal problems instead of throwing, worded
 * for the person who has to fix the export.
 */
import { buildModel } from '../model/build-model.ts';
import { runChecks } from '../quality/run-checks.ts';
import { buildReport } from '../report/build-report.ts';
import type { SiteModel } from '../report/site-model.ts';
import { loadSettings, resolveAsOf } from '../settings/load-settings.ts';
import { formatIssue, type Issue } from '../validate/issue.ts';
import { RULES } from '../quality/rules.ts';
import { loadRecords } from './load-records.ts';
import { formatSummary, type StageTiming } from './summary.ts';

export interface PipelineOptions {
  dataDir: string;
  /** The clock, used only when the settings pin no as-of date. */
  now: Date;
  log: (line: string) => void;
}

export type PipelineResult = { ok: true; site: SiteModel; summary: string } | { ok: false; messages: string[] };

function hintFor(issue: Issue): string {
  const rule = (RULES as Record<string, { hint?: string }>)[issue.code];
  return rule?.hint ? `\n      fix: ${rule.hint}` : '';
}

export async function runPipeline(options: PipelineOptions): Promise<PipelineResult> {
  const timings: StageTiming[] = [];
  const timed = async <T>(stage: string, work: () => T | Promise<T>): Promise<T> => {
    const started = performance.now();
    const value = await work();
    timings.push({ stage, ms: performance.now() - started });
    return value;
  };

  const settingsResult = await timed('settings', () => loadSettings(options.dataDir));
  if (!settingsResult.ok) {
    return { ok: false, messages: settingsResult.issues.map((issue) => formatIssue(issue) + hintFor(issue)) };
  }
  const { settings } = settingsResult;
  const asOf = resolveAsOf(settings, options.now);
  const loaded = await timed('read + validate', () => loadRecords(options.dataDir, settings));
  if (loaded.fatal.length > 0) {
    return { ok: false, messages: loaded.fatal.map((issue) => formatIssue(issue) + hintFor(issue)) };
  }
  const model = await timed('model', () => buildModel(loaded.records, settings, asOf, loaded.present));
  const quality = await timed('quality', () =>
    runChecks({ records: loaded.records, settings, asOf, present: loaded.present }),
  );
  const site = await timed('metrics + report', () => buildReport({ model, files: loaded.files, rejected: loaded.rejected, quality }));
  const summary = formatSummary(loaded.files, timings);
  options.log(summary);
  options.log(`as of ${asOf}: ${loaded.rejected.length} rejected-row issue(s), ${quality.length} data-quality issue(s)`);
  return { ok: true, site, summary };
}
