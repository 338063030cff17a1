/**
 * The page of one cut — the company overview, a team, a seller: key figures with links to
 * their definitions, then sales volume per month and channel, attainment per channel, open
 * pipeline per stage and new pipeline per week, each as chart + table + CSV.
 */
import { barChart, lineChart, progressBars, stackedBarsByMonth } from '../charts/index.ts';
import { t } from '../i18n/index.ts';
import { CHANNEL_BUCKETS } from '../core/records.ts';
import type { ScopeFigures } from '../report/scope-figures.ts';
import type { Report } from '../report/site-model.ts';
import { buildTable } from './build-table.ts';
import type { Fmt } from './format-context.ts';
import type { Routes } from './routes.ts';
import type { ViewTable } from './table.ts';
import { measureLabel } from './labels.ts';
import { totalRow } from '../metrics/target-attainment.ts';
import { yearOnYearChange } from '../metrics/year-on-year.ts';

export interface Kpi {
  label: string;
  value: string;
  sub?: string;
  definitionHref?: string;
  href?: string;
}

export interface ScopeView {
  kpis: Kpi[];
  tables: ViewTable[];
}

/** Every input present: the figures speak for themselves. */
const ALL_INPUTS = { inputs: { users: true, activities: true, targets: true }, fiscalYear: '' };

/** The key figures of a cut, in the order the overview, team and seller pages show them. */
const KPI_ORDER = ['sales-volume', 'attainment', 'open-pipeline', 'coverage', 'win-rate', 'deal-size', 'stalled-deals', 'customers-worked'] as const;
export type KpiId = (typeof KPI_ORDER)[number];

type KpiMeta = Pick<Report['meta'], 'inputs' | 'fiscalYear'>;

export function scopeKpis(figures: ScopeFigures, f: Fmt, routes: Routes, meta: KpiMeta = ALL_INPUTS): Kpi[] {
  const cards = scopeKpiCards(figures, f, routes, meta);
  return KPI_ORDER.map((id) => cards[id]);
}

/** Each key figure of a cut by its id (the id of its definition), for pages that pick some. */
export function scopeKpiCards(figures: ScopeFigures, f: Fmt, routes: Routes, meta: KpiMeta): Record<KpiId, Kpi> {
  const { locale } = f;
  const { inputs } = meta;
  const def = (id: string) => routes.definition(locale, id);
  const total = totalRow(figures.targets);
  const volume = figures.volume.yearToDate;
  const change = yearOnYearChange(volume, figures.volume.previousYearToDate);
  const pipeline = figures.pipeline;
  const noAmountKnown = pipeline.open.count > 0 && pipeline.open.withoutAmount === pipeline.open.count;
  return {
    'sales-volume': {
      label: `${t(locale, 'metric.salesVolume')} ${t(locale, 'metric.ytdShort')}`,
      value: f.moneyCompact(volume.annualVolume),
      sub: t(locale, 'kpi.volumeSub', { count: volume.wonDeals, change: change === null ? '–' : `${change >= 0 ? '+' : ''}${f.percent(change)}` }),
      definitionHref: def('sales-volume'),
    },
    attainment: {
      label: t(locale, 'metric.attainment'),
      value: f.percent(total?.attainment ?? null),
      sub: inputs.targets
        ? t(locale, 'kpi.attainmentSub', { budget: f.moneyCompact(total?.budgetYtd ?? null), pace: f.percent(total?.paceVsTarget ?? null) })
        : t(locale, 'kpi.noTargets', { fy: meta.fiscalYear }),
      definitionHref: def('attainment'),
    },
    'open-pipeline': {
      label: t(locale, 'metric.openPipeline'),
      // Open deals none of which has an amount: the value (and so the weighted value) is not known, not 0.
      value: noAmountKnown ? t(locale, 'common.amountNotSet') : f.moneyCompact(pipeline.open.amount),
      sub:
        t(locale, 'kpi.pipelineSub', { count: pipeline.open.count, weighted: noAmountKnown ? '–' : f.moneyCompact(pipeline.weighted.weighted) }) +
        (pipeline.open.withoutAmount > 0 ? ` · ${t(locale, 'kpi.withoutAmount', { count: pipeline.open.withoutAmount })}` : ''),
      definitionHref: def('open-pipeline'),
    },
    coverage: {
      label: t(locale, 'metric.coverage'),
      value: pipeline.coverage.coverage === null ? '–' : t(locale, 'unit.coverage', { value: f.number(pipeline.coverage.coverage, 1) }),
      sub: t(locale, 'kpi.coverageSub', {
        required: pipeline.coverage.requiredCoverage === null ? '–' : t(locale, 'unit.coverage', { value: f.number(pipeline.coverage.requiredCoverage, 1) }),
      }),
      definitionHref: def('coverage'),
    },
    'win-rate': {
      label: t(locale, 'metric.winRateCount'),
      value: f.percent(figures.winRate.byCount),
      sub:
        figures.winRate.byValue === null && figures.winRate.lost > 0
          ? t(locale, 'kpi.winRateNoLostValue')
          : t(locale, 'kpi.winRateSub', { value: f.percent(figures.winRate.byValue) }),
      definitionHref: def('win-rate'),
    },
    'deal-size': {
      label: t(locale, 'metric.avgDealSize'),
      value: f.moneyCompact(figures.dealSize.averageAnnualAmount),
      sub: t(locale, 'kpi.cycleSub', { days: f.number(figures.salesCycle.medianDays) }),
      definitionHref: def('deal-size'),
    },
    'stalled-deals': {
      label: t(locale, 'metric.stalledDeals'),
      value: f.number(pipeline.stalled.count),
      sub: t(locale, 'kpi.slippedSub', { count: pipeline.slipped.count }),
      definitionHref: def('stalled-deals'),
    },
    'customers-worked': {
      label: t(locale, 'metric.customersWorked'),
      // Without an activities export nobody is known to have worked a customer: "–", not 0.
      value: inputs.activities ? f.number(figures.activities.customersWorked.accountsWorked) : '–',
      sub: !inputs.activities
        ? t(locale, 'kpi.noActivities')
        : figures.activities.customersWorked.goal === null
          ? undefined
          : t(locale, 'kpi.goalSub', { goal: f.number(figures.activities.customersWorked.goal) }),
      definitionHref: def('customers-worked'),
    },
  };
}

/** `idPrefix` keeps table ids unique across pages: `overview`, `team-stockholm`, `seller-anna`. */
export function scopeTables(figures: ScopeFigures, f: Fmt, idPrefix: string): ViewTable[] {
  return [volumeTable(figures, f, idPrefix), attainmentTable(figures, f, idPrefix), stageTable(figures, f, idPrefix), newPipelineTable(figures, f, idPrefix)];
}

/** Sales volume per month and channel (months without volume in a channel are left out of the table). */
function volumeTable(figures: ScopeFigures, f: Fmt, idPrefix: string): ViewTable {
  const { locale, currency } = f;
  const months = figures.volume.byMonth;
  const volumeRows = months.flatMap((m) => CHANNEL_BUCKETS.map((channel) => ({ month: m.month, channel, value: m.byChannel[channel].annualVolume })));
  const volumeTitle = t(locale, 'chart.volumeByMonth');
  return buildTable(
    {
      id: `${idPrefix}-volume-by-month`,
      definition: 'sales-volume',
      title: volumeTitle,
      description: t(locale, 'chart.volumeByMonth.desc', { total: f.money(figures.volume.yearToDate.annualVolume) }),
      chart: () =>
        stackedBarsByMonth(
          volumeRows.map((r) => ({ month: r.month, channel: r.channel, value: r.value })),
          { locale, currency, title: volumeTitle, months: months.map((m) => m.month), monthHref: f.links?.month },
        ),
    },
    [
      { label: t(locale, 'common.month'), key: 'month', show: (r) => f.month(r.month), raw: (r) => r.month },
      { label: t(locale, 'channel.label'), key: 'channel', show: (r) => t(locale, `channel.${r.channel}`), raw: (r) => r.channel },
      { label: t(locale, 'metric.annualVolume'), key: 'annual_volume', align: 'end', show: (r) => f.money(r.value), raw: (r) => r.value },
    ],
    volumeRows.filter((r) => r.value !== 0),
  );
}

function attainmentTable(figures: ScopeFigures, f: Fmt, idPrefix: string): ViewTable {
  const { locale } = f;
  const attainmentTitle = t(locale, 'chart.attainmentByChannel');
  const attainmentRows = figures.targets.rows;
  return buildTable(
    {
      id: `${idPrefix}-attainment`,
      definition: 'attainment',
      title: attainmentTitle,
      description: t(locale, 'chart.attainment.desc'),
      chart: () =>
        progressBars(
          attainmentRows.map((r) => ({ label: measureLabel(locale, r.measure), value: r.attainment })),
          { locale, title: attainmentTitle },
        ),
    },
    [
      { label: t(locale, 'channel.label'), key: 'measure', show: (r) => measureLabel(locale, r.measure), raw: (r) => r.measure },
      { label: t(locale, 'common.actual'), key: 'result_ytd', align: 'end', show: (r) => f.money(r.resultYtd), raw: (r) => r.resultYtd },
      { label: t(locale, 'metric.budget'), key: 'budget_ytd', align: 'end', show: (r) => f.money(r.budgetYtd), raw: (r) => r.budgetYtd },
      { label: t(locale, 'metric.attainment'), key: 'attainment', align: 'end', show: (r) => f.percent(r.attainment), raw: (r) => r.attainment },
      { label: t(locale, 'metric.target'), key: 'full_year_target', align: 'end', show: (r) => f.money(r.fullYearTarget), raw: (r) => r.fullYearTarget },
      { label: t(locale, 'metric.pace'), key: 'pace', align: 'end', show: (r) => f.money(r.pace), raw: (r) => r.pace },
      {
        label: `${t(locale, 'metric.pace')} / ${t(locale, 'metric.target')}`,
        key: 'pace_vs_target',
        align: 'end',
        show: (r) => f.percent(r.paceVsTarget),
        raw: (r) => r.paceVsTarget,
      },
    ],
    attainmentRows,
  );
}

/**
 * Where a stage's bar leads: to the deals behind it, a seller's own open deals on the same page, a
 * team's own list of the stage's open deals on the team page, else the stage's list of open deals
 * on the pipeline page. A stage without open deals has no bar to follow.
 */
function stageHref(f: Fmt, idPrefix: string, stage: { stageId: string; count: number }): string | undefined {
  if (stage.count === 0) return undefined;
  if (idPrefix.startsWith('seller-')) return `#${idPrefix}-open-deals`;
  return idPrefix.startsWith('team-') ? f.links?.teamStage(idPrefix, stage.stageId) : f.links?.stage(stage.stageId);
}

function stageTable(figures: ScopeFigures, f: Fmt, idPrefix: string): ViewTable {
  const { locale, currency } = f;
  const stageTitle = t(locale, 'chart.pipelineByStage');
  return buildTable(
    {
      id: `${idPrefix}-pipeline-by-stage`,
      definition: 'weighted-pipeline',
      title: stageTitle,
      chart: () =>
        barChart(
          figures.pipeline.weighted.stages.map((s) => ({ label: s.label, value: s.amount, href: stageHref(f, idPrefix, s) })),
          { locale, currency, title: stageTitle },
        ),
    },
    [
      { label: t(locale, 'common.stage'), key: 'stage', show: (r) => r.label, raw: (r) => r.stageId },
      { label: t(locale, 'common.count'), key: 'count', align: 'end', show: (r) => f.number(r.count), raw: (r) => r.count },
      {
        label: t(locale, 'metric.openPipeline'),
        key: 'amount',
        align: 'end',
        // "amount not set" where every deal of the stage lacks one; beside the sum where some do.
        show: (r) =>
          r.withoutAmount === 0
            ? f.money(r.amount)
            : r.withoutAmount === r.count
              ? t(locale, 'common.amountNotSet')
              : `${f.money(r.amount)} (${t(locale, 'kpi.withoutAmount', { count: r.withoutAmount })})`,
        raw: (r) => r.amount,
      },
      { label: t(locale, 'common.share'), key: 'probability', align: 'end', show: (r) => f.percent(r.probability), raw: (r) => r.probability },
      { label: t(locale, 'metric.weightedPipeline'), key: 'weighted', align: 'end', show: (r) => f.money(r.weighted), raw: (r) => r.weighted },
    ],
    figures.pipeline.weighted.stages,
  );
}

function newPipelineTable(figures: ScopeFigures, f: Fmt, idPrefix: string): ViewTable {
  const { locale, currency } = f;
  const newTitle = t(locale, 'metric.newPipelinePerWeek');
  return buildTable(
    {
      id: `${idPrefix}-new-pipeline`,
      definition: 'new-pipeline',
      title: newTitle,
      chart: () =>
        lineChart(
          figures.pipeline.newPipeline.weeks.map((w) => ({ week: w.week, value: w.amount, href: f.links?.week(w.week) })),
          { locale, currency, title: newTitle, goal: figures.pipeline.newPipeline.averageAmount ?? undefined, goalLabel: t(locale, 'chart.average') },
        ),
    },
    [
      { label: t(locale, 'common.week'), key: 'week', show: (r) => f.week(r.week, true), raw: (r) => r.week },
      { label: t(locale, 'common.count'), key: 'count', align: 'end', show: (r) => f.number(r.count), raw: (r) => r.count },
      { label: t(locale, 'unit.contractValue'), key: 'amount', align: 'end', show: (r) => f.money(r.amount), raw: (r) => r.amount },
    ],
    figures.pipeline.newPipeline.weeks,
  );
}
