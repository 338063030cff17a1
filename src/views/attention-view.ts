/**
 * The overview's "needs attention" list: generated from the figures and the thresholds in the
 * settings (`attention`), each item a sentence with a link to the rows behind it. Teams behind
 * budget come first, then pipeline coverage, a falling weighted pipeline, slipped and stalled
 * value, and sellers behind budget; at most six items.
 */
import { t } from '../i18n/index.ts';
import { fallingStreak } from '../metrics/pipeline-trend.ts';
import { totalRow } from '../metrics/target-attainment.ts';
import type { Report } from '../report/site-model.ts';
import type { Fmt } from './format-context.ts';
import type { Routes } from './routes.ts';

export const MAX_ITEMS = 6;

export interface AttentionItem {
  text: string;
  href: string;
}

export interface AttentionInput {
  thresholds: Report['meetings']['attention'];
  teams: { name: string; href: string; attainment: number | null; gap: number | null }[];
  sellers: { name: string; attainment: number | null }[];
  sellersHref: string;
  coverage: { coverage: number | null; required: number | null; missing: number | null; href: string };
  slipped: { count: number; amount: number; href: string };
  stalled: { count: number; amount: number; href: string };
  /** Weighted pipeline, the last snapshot of each week, oldest first (empty without history). */
  weighted: { week: string; weighted: number }[];
  weightedHref: string;
}

const signed = (f: Fmt, value: number) => `${value > 0 ? '+' : value < 0 ? '−' : ''}${f.moneyCompact(Math.abs(value))}`;

export function attentionItems(input: AttentionInput, f: Fmt): AttentionItem[] {
  const { locale } = f;
  const limit = input.thresholds.attainmentBelow;
  const items: AttentionItem[] = [];
  for (const team of [...input.teams].sort((a, b) => (a.attainment ?? 1) - (b.attainment ?? 1))) {
    if (team.attainment === null || team.attainment >= limit) continue;
    items.push({
      text: t(locale, 'attention.team', { team: team.name, attainment: f.percent(team.attainment), gap: signed(f, team.gap ?? 0) }),
      href: team.href,
    });
  }
  const { coverage, required, missing } = input.coverage;
  if (coverage !== null && required !== null && coverage < required) {
    const times = (x: number) => t(locale, 'unit.coverage', { value: f.number(x, 1) });
    items.push({
      text: t(locale, 'attention.coverage', { coverage: times(coverage), required: times(required), missing: f.moneyCompact(missing) }),
      href: input.coverage.href,
    });
  }
  const streak = fallingStreak(input.weighted);
  if (streak.weeks >= input.thresholds.fallingWeeks) {
    items.push({
      text: t(locale, 'attention.falling', { weeks: streak.weeks, from: f.moneyCompact(streak.from), to: f.moneyCompact(streak.to) }),
      href: input.weightedHref,
    });
  }
  if (input.slipped.count > 0 && input.slipped.amount > input.thresholds.slippedAmountAbove) {
    items.push({
      text: t(locale, 'attention.slipped', { count: f.number(input.slipped.count), amount: f.moneyCompact(input.slipped.amount) }),
      href: input.slipped.href,
    });
  }
  if (input.stalled.count > 0 && input.stalled.amount > input.thresholds.stalledAmountAbove) {
    items.push({
      text: t(locale, 'attention.stalled', { count: f.number(input.stalled.count), amount: f.moneyCompact(input.stalled.amount) }),
      href: input.stalled.href,
    });
  }
  const behind = input.sellers.filter((s) => s.attainment !== null && s.attainment < limit).sort((a, b) => a.attainment! - b.attainment!);
  if (behind.length > 0) {
    const names = behind
      .slice(0, 3)
      .map((s) => `${s.name} ${f.percent(s.attainment)}`)
      .join(', ');
    items.push({ text: t(locale, 'attention.sellers', { count: f.number(behind.length), threshold: f.percent(limit), names }), href: input.sellersHref });
  }
  return items.slice(0, MAX_ITEMS);
}

/** The list for the company overview, from the report. */
export function overviewAttention(report: Report, f: Fmt, routes: Routes): AttentionItem[] {
  const { locale } = f;
  const pipeline = report.company.pipeline;
  const pipelineHref = routes.section(locale, 'pipeline');
  const teamsWithBudget = report.teams.map((team) => {
    const row = totalRow(team.figures.targets);
    return {
      name: team.name,
      href: routes.team(locale, team.slug),
      attainment: row?.attainment ?? null,
      gap: row?.budgetYtd === null || row?.budgetYtd === undefined ? null : row.resultYtd - row.budgetYtd,
    };
  });
  return attentionItems(
    {
      thresholds: report.meetings.attention,
      teams: teamsWithBudget,
      sellers: report.sellers.map((s) => ({ name: s.person.name, attainment: totalRow(s.figures.targets)?.attainment ?? null })),
      sellersHref: `${routes.section(locale, 'targets')}#targets-by-seller`,
      coverage: {
        coverage: pipeline.coverage.coverage,
        required: pipeline.coverage.requiredCoverage,
        missing: pipeline.coverage.pipelineNeeded === null ? null : Math.max(0, pipeline.coverage.pipelineNeeded - pipeline.coverage.openAmount),
        href: pipelineHref,
      },
      slipped: { count: pipeline.slipped.count, amount: pipeline.slipped.amount, href: `${pipelineHref}#pipeline-slipped` },
      stalled: { count: pipeline.stalled.count, amount: pipeline.stalled.amount, href: `${pipelineHref}#pipeline-stalled` },
      weighted: (report.history?.company ?? []).map((p) => ({ week: p.week, weighted: p.weighted })),
      weightedHref: `${pipelineHref}#trend-pipeline`,
    },
    f,
  );
}
