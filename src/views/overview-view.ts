/**
 * The overview's first row, read in ten seconds: sales volume against budget year to date with
 * the gap in money, attainment per team, and pipeline coverage against what is needed — each
 * with a status in colour and words, each linking to the rows behind it.
 */
import { t } from '../i18n/index.ts';
import { totalRow } from '../metrics/target-attainment.ts';
import type { Report } from '../report/site-model.ts';
import type { Fmt } from './format-context.ts';
import type { Routes } from './routes.ts';
import { statusOf, type Status } from './status.ts';

export interface TileRow {
  label: string;
  href: string;
  value: string;
  status: Status;
}

export interface StatusTile {
  title: string;
  href: string;
  value: string;
  sub?: string;
  /** Absent for a figure without a budget to hold it against (new pipeline, lost). */
  status?: Status;
  definitionHref?: string;
  rows?: TileRow[];
}

export function signedMoney(f: Fmt, value: number | null | undefined): string {
  if (value === null || value === undefined) return '–';
  return `${value > 0 ? '+' : value < 0 ? '−' : '±'}${f.moneyCompact(Math.abs(value))}`;
}

export function overviewHeadline(report: Report, f: Fmt, routes: Routes): StatusTile[] {
  const { locale } = f;
  const limit = report.meetings.attention.attainmentBelow;
  const total = totalRow(report.company.targets);
  const gap = total?.budgetYtd === null || total?.budgetYtd === undefined ? null : total.resultYtd - total.budgetYtd;
  const coverage = report.company.pipeline.coverage;
  const times = (x: number | null) => (x === null ? '–' : t(locale, 'unit.coverage', { value: f.number(x, 1) }));
  const missing = coverage.pipelineNeeded === null ? null : Math.max(0, coverage.pipelineNeeded - coverage.openAmount);
  const coverageShare = coverage.coverage === null || !coverage.requiredCoverage ? null : coverage.coverage / coverage.requiredCoverage;
  const teams = report.teams
    .map((team) => ({ team, row: totalRow(team.figures.targets) }))
    .sort((a, b) => (a.row?.attainment ?? Infinity) - (b.row?.attainment ?? Infinity));
  return [
    {
      title: t(locale, 'overview.volumeVsBudget'),
      href: `${routes.section(locale, 'targets')}#targets-by-team`,
      value: f.moneyCompact(total?.resultYtd ?? null),
      sub: t(locale, 'overview.gap', { gap: signedMoney(f, gap), budget: f.moneyCompact(total?.budgetYtd ?? null) }),
      status: statusOf(total?.attainment, limit),
      definitionHref: routes.definition(locale, 'attainment'),
    },
    {
      title: t(locale, 'overview.teams'),
      href: routes.section(locale, 'teams'),
      value: f.percent(total?.attainment ?? null),
      status: statusOf(total?.attainment, limit),
      rows: teams.map(({ team, row }) => ({
        label: team.name,
        href: routes.team(locale, team.slug),
        value: `${f.percent(row?.attainment ?? null)} · ${signedMoney(f, row?.budgetYtd == null ? null : row.resultYtd - row.budgetYtd)}`,
        status: statusOf(row?.attainment, limit),
      })),
    },
    {
      title: t(locale, 'overview.coverage'),
      href: routes.section(locale, 'pipeline'),
      value: times(coverage.coverage),
      sub:
        coverage.target === null
          ? t(locale, 'kpi.noTargets', { fy: report.meta.fiscalYear })
          : coverage.covered === false
            ? t(locale, 'overview.coverageShort', { required: times(coverage.requiredCoverage), missing: f.moneyCompact(missing) })
            : coverage.covered === true
              ? t(locale, 'overview.coverageOk', { required: times(coverage.requiredCoverage) })
              : t(locale, 'overview.coverageUnknown', { required: times(coverage.requiredCoverage) }),
      status: coverage.covered === true ? 'on-track' : statusOf(coverageShare, limit),
      definitionHref: routes.definition(locale, 'coverage'),
    },
  ];
}
