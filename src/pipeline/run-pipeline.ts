/**
 * The whole build-time pipeline, with its side effects passed in: settings → records → model
 * → quality checks → report and site model. Returns fatal problems instead of throwing, worded
 * for the person who has to fix the export.
 */
import { buildModel, type Model } from '../model/build-model.ts';
import { compareIssues, runChecks } from '../quality/run-checks.ts';
import { dateOrderHints } from '../validate/date-order-hint.ts';
import { buildReport } from '../report/build-report.ts';
import type { SiteModel } from '../report/site-model.ts';
import { loadSettings, resolveAsOf } from '../settings/load-settings.ts';
import { formatIssue, type Issue } from '../core/issue.ts';
import { RULES } from '../core/rules.ts';
import { exportFreshness } from '../quality/freshness.ts';
import { loadRecords } from './load-records.ts';
import { restrictToTeam } from './restrict-to-team.ts';
import type { Snapshot } from '../history/types.ts';
import type { Records } from '../model/records.ts';
import { stageLine } from './progress.ts';
import { formatSummary, type StageTiming } from './summary.ts';

export interface PipelineOptions {
  dataDir: string;
  /** Build for one market team only (its people, deals, accounts and figures). */
  team?: string;
  /** Snapshots of earlier builds, and this build's input hash; absent: no history section. */
  history?: { snapshots: Snapshot[]; problems: string[]; inputHash: string };
  /** The clock, used only when neither `asOf` nor the settings give the as-of date. */
  now: Date;
  /** The as-of date chosen for this build (TAVLA_AS_OF), over the setting and the clock. */
  asOf?: string;
  log: (line: string) => void;
}

/** `model`: what the report was computed from (the benchmark reads its checksums from it). */
export type PipelineResult = { ok: true; site: SiteModel; model: Model; summary: string } | { ok: false; messages: string[] };

function hintFor(issue: Issue): string {
  const rule = (RULES as Record<string, { hint?: string }>)[issue.code];
  return rule?.hint ? `\n      fix: ${rule.hint}` : '';
}

/** The issues located on the given records (a team-restricted build's). */
function issuesOnRecords(issues: Issue[], records: Records): Issue[] {
  const lists: { file: string; line: number }[][] = [
    records.deals,
    records.accounts,
    records.activities,
    records.users,
    records.targets,
    records.funnel,
    records.invoices,
  ];
  const kept = new Set(lists.flatMap((list) => list.map((r) => `${r.file}:${r.line}`)));
  return issues.filter((issue) => kept.has(`${issue.file}:${issue.line}`));
}

export async function runPipeline(options: PipelineOptions): Promise<PipelineResult> {
  const timings: StageTiming[] = [];
  const timed = async <T>(stage: string, work: () => T | Promise<T>): Promise<T> => {
    const started = performance.now();
    const value = await work();
    const ms = performance.now() - started;
    timings.push({ stage, ms });
    const line = stageLine(stage, ms);
    if (line) options.log(line);
    return value;
  };

  const settingsResult = await timed('settings', () => loadSettings(options.dataDir));
  if (!settingsResult.ok) {
    return { ok: false, messages: settingsResult.issues.map((issue) => formatIssue(issue) + hintFor(issue)) };
  }
  let asOf: string;
  try {
    asOf = resolveAsOf(settingsResult.settings, options.now, options.asOf);
  } catch (error) {
    return { ok: false, messages: [(error as Error).message] };
  }
  const loaded = await timed('read + validate', () => loadRecords(options.dataDir, settingsResult.settings, { asOf, log: options.log }));
  if (loaded.fatal.length > 0) {
    return { ok: false, messages: loaded.fatal.map((issue) => formatIssue(issue) + hintFor(issue)) };
  }
  // The stages a Salesforce export defines (when the settings have none) name the stage tables too.
  const settings = loaded.settings;
  let { records, rejected } = loaded;
  if (options.team !== undefined) {
    const teams = new Set(records.users.map((u) => u.teamId));
    if (!teams.has(options.team)) {
      return { ok: false, messages: [`users.csv: no team "${options.team}" to restrict the build to (teams: ${[...teams].sort().join(', ') || 'none'})`] };
    }
    ({ records, rejected } = restrictToTeam(records, rejected, options.team));
    options.log(`restricted to team "${options.team}": ${records.users.length} people, ${records.deals.length} deals, ${records.accounts.length} accounts`);
  }
  const model = await timed('model', () => buildModel(records, settings, asOf, loaded.present));
  // Checks run on the whole export, so references across teams resolve; a restricted build then
  // keeps the issues located on its own records.
  const allIssues = await timed('quality', () =>
    [...runChecks({ records: loaded.records, settings, asOf, present: loaded.present }), ...loaded.cleaned].sort(compareIssues),
  );
  const quality = options.team === undefined ? allIssues : issuesOnRecords(allIssues, records);
  // Reading times stay out of report.json: two builds of the same inputs give the same bytes.
  const files = loaded.files.map(({ ms: _ms, ...file }) => file);
  const built = await timed('metrics + report', () => buildReport({ model, files, rejected, quality, history: options.history }));
  const site = { ...built, freshness: exportFreshness(loaded.records, asOf, settings.staleExportDays, loaded.present.activities) };
  const summary = formatSummary(loaded.files, timings);
  options.log(summary);
  for (const hint of dateOrderHints(loaded.files, loaded.rejected)) options.log(`✗ ${hint}`);
  options.log(`as of ${asOf}: ${rejected.length} rejected-row issue(s), ${quality.length} data-quality issue(s)`);
  return { ok: true, site, model, summary };
}
