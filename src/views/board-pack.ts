/**
 * The monthly business review as a board pack: the month against its own budget and the year to
 * date against budget, per channel and per team, with a status; three charts (volume per month
 * against budget, cumulative against budget, attainment per team); the forecast for the quarter
 * and the year against budget; the largest deals won and lost with reasons and the lost value by
 * reason. Tables carry their CSV; the page prints to a few A4 pages.
 */
import { cumulativeByMonth } from '../charts/cumulative-by-month.ts';
import { forecastStack } from '../charts/forecast-stack.ts';
import { progressBars, stackedBarsByMonth } from '../charts/index.ts';
import { t } from '../i18n/index.ts';
import { ratio } from '../metrics/money.ts';
import type { AttainmentRow } from '../metrics/target-attainment.ts';
import { CHANNEL_BUCKETS } from '../core/records.ts';
import type { DealLine } from '../report/deal-lines.ts';
import type { MonthPack } from '../report/meeting-figures.ts';
import type { MonthFigures } from '../report/month-figures.ts';
import type { Report } from '../report/site-model.ts';
import type { ForecastVsBudget } from '../metrics/forecast-vs-budget.ts';
import { dealColumns } from './crm-link.ts';
import { buildTable, type ColumnDef } from './build-table.ts';
import type { Fmt } from './format-context.ts';
import { measureLabel } from './labels.ts';
import { signedMoney, type StatusTile } from './overview-view.ts';
import { statusOf, statusText } from './status.ts';
import type { ViewTable } from './table.ts';

export const TOP_DEALS = 5;

interface ResultRow {
  name: string;
  key: string;
  month: { result: number; budget: number | null };
  ytd: AttainmentRow | undefined;
}

function resultTable(id: string, title: string, first: string, rows: readonly ResultRow[], f: Fmt, limit: number): ViewTable {
  const { locale } = f;
  const monthShare = (r: ResultRow) => (r.month.budget === null ? null : ratio(r.month.result, r.month.budget));
  return buildTable<ResultRow>(
    { id, title, definition: 'attainment' },
    [
      { label: first, key: 'name', show: (r) => r.name, raw: (r) => r.key },
      { label: t(locale, 'pack.col.monthResult'), key: 'month_result', align: 'end', show: (r) => f.moneyCompact(r.month.result), raw: (r) => r.month.result },
      { label: t(locale, 'pack.col.monthBudget'), key: 'month_budget', align: 'end', show: (r) => f.moneyCompact(r.month.budget), raw: (r) => r.month.budget },
      { label: t(locale, 'pack.col.monthShare'), key: 'month_attainment', align: 'end', show: (r) => f.percent(monthShare(r)), raw: (r) => monthShare(r) },
      {
        label: t(locale, 'pack.col.ytdResult'),
        key: 'result_ytd',
        align: 'end',
        show: (r) => f.moneyCompact(r.ytd?.resultYtd ?? null),
        raw: (r) => r.ytd?.resultYtd ?? null,
      },
      {
        label: t(locale, 'pack.col.ytdBudget'),
        key: 'budget_ytd',
        align: 'end',
        show: (r) => f.moneyCompact(r.ytd?.budgetYtd ?? null),
        raw: (r) => r.ytd?.budgetYtd ?? null,
      },
      {
        label: t(locale, 'pack.col.ytdShare'),
        key: 'attainment_ytd',
        align: 'end',
        show: (r) => f.percent(r.ytd?.attainment ?? null),
        raw: (r) => r.ytd?.attainment ?? null,
      },
      {
        label: t(locale, 'status.label'),
        key: 'status',
        show: (r) => statusText(locale, statusOf(r.ytd?.attainment, limit)),
        raw: (r) => statusOf(r.ytd?.attainment, limit),
      },
    ],
    rows,
  );
}

/** The month's largest won or lost deals: deal, seller, channel, value, date and (lost) the reason. */
function topDealTable(id: string, title: string, deals: readonly DealLine[], f: Fmt, reasons: boolean): ViewTable {
  const { locale } = f;
  return buildTable<DealLine>(
    { id, title },
    [
      ...dealColumns<DealLine>(f, (d) => d),
      { label: t(locale, 'common.seller'), key: 'owner', show: (d) => d.owner.name, raw: (d) => d.owner.name },
      { label: t(locale, 'channel.label'), key: 'channel', show: (d) => t(locale, `channel.${d.channel}`), raw: (d) => d.channel },
      { label: t(locale, 'common.value'), key: 'amount', align: 'end', show: (d) => f.money(d.amount), raw: (d) => d.amount },
      { label: t(locale, 'common.closeDate'), key: 'close_date', show: (d) => f.date(d.close), raw: (d) => d.close },
      ...(reasons
        ? [
            {
              label: t(locale, 'common.reason'),
              key: 'lost_reason',
              show: (d: DealLine) => d.lostReason ?? t(locale, 'common.noReason'),
              raw: (d: DealLine) => d.lostReason ?? null,
            },
          ]
        : []),
    ],
    deals,
  );
}

function forecastTable(
  id: string,
  rows: { label: string; key: string; teamId?: string; forecast: ForecastVsBudget; chart: boolean }[],
  f: Fmt,
  asOf: string,
): ViewTable {
  const { locale } = f;
  const title = t(locale, 'pack.forecast');
  return buildTable(
    {
      id,
      title,
      description: t(locale, 'pack.forecast.desc', { date: f.date(asOf) }),
      chart: () =>
        forecastStack(
          rows
            .filter((r) => r.chart)
            .map((r) => ({
              label: r.label,
              closed: r.forecast.closed,
              commit: r.forecast.commit,
              bestCase: r.forecast.bestCase,
              budget: r.forecast.budget,
              href: r.teamId ? f.links?.team(r.teamId) : undefined,
            })),
          {
            locale,
            currency: f.currency,
            title,
            labels: {
              closed: t(locale, 'forecast.closed'),
              commit: t(locale, 'forecast.commit'),
              bestCase: t(locale, 'forecast.best_case'),
              budget: t(locale, 'metric.budget'),
            },
          },
        ),
    },
    [
      { label: t(locale, 'common.period'), key: 'scope', show: (r) => r.label, raw: (r) => r.key },
      { label: t(locale, 'forecast.closed'), key: 'closed', align: 'end', show: (r) => f.moneyCompact(r.forecast.closed), raw: (r) => r.forecast.closed },
      { label: t(locale, 'forecast.commit'), key: 'commit', align: 'end', show: (r) => f.moneyCompact(r.forecast.commit), raw: (r) => r.forecast.commit },
      {
        label: t(locale, 'forecast.best_case'),
        key: 'best_case',
        align: 'end',
        show: (r) => f.moneyCompact(r.forecast.bestCase),
        raw: (r) => r.forecast.bestCase,
      },
      { label: t(locale, 'metric.budget'), key: 'budget', align: 'end', show: (r) => f.moneyCompact(r.forecast.budget), raw: (r) => r.forecast.budget },
      {
        label: t(locale, 'pack.remaining'),
        key: 'remaining',
        align: 'end',
        show: (r) => f.moneyCompact(r.forecast.remaining),
        raw: (r) => r.forecast.remaining,
      },
      {
        label: t(locale, 'pack.gapAfterCommit'),
        key: 'gap_after_commit',
        align: 'end',
        show: (r) => f.moneyCompact(r.forecast.gapAfterCommit),
        raw: (r) => r.forecast.gapAfterCommit,
      },
    ],
    rows,
  );
}

/** The month, actual and budget columns of the pack's two series charts. */
function seriesColumns(f: Fmt): ColumnDef<MonthPack['series'][number]>[] {
  const { locale } = f;
  return [
    {
      label: t(locale, 'common.month'),
      key: 'month',
      show: (s: MonthPack['series'][number]) => f.month(s.month),
      raw: (s: MonthPack['series'][number]) => s.month,
    },
    {
      label: t(locale, 'common.actual'),
      key: 'result',
      align: 'end' as const,
      show: (s: MonthPack['series'][number]) => f.money(s.result),
      raw: (s: MonthPack['series'][number]) => s.result,
    },
    {
      label: t(locale, 'metric.budget'),
      key: 'budget',
      align: 'end' as const,
      show: (s: MonthPack['series'][number]) => f.money(s.budget),
      raw: (s: MonthPack['series'][number]) => s.budget,
    },
  ];
}

function chartTables(prefix: string, month: MonthFigures, pack: MonthPack, f: Fmt): ViewTable[] {
  return [monthlyChartTable(prefix, pack, f), cumulativeChartTable(prefix, pack, f), teamsChartTable(prefix, month, f)];
}

function monthlyChartTable(prefix: string, pack: MonthPack, f: Fmt): ViewTable {
  const { locale, currency } = f;
  const months = pack.series.map((s) => s.month);
  const monthlyTitle = t(locale, 'pack.chart.monthly');
  return buildTable(
    {
      id: `${prefix}-pack-monthly`,
      definition: 'sales-volume',
      title: monthlyTitle,
      description: t(locale, 'pack.chart.monthly.desc'),
      chart: () =>
        stackedBarsByMonth(
          pack.series.flatMap((s) => CHANNEL_BUCKETS.map((channel) => ({ month: s.month, channel, value: s.byChannel[channel] }))),
          {
            locale,
            currency,
            title: monthlyTitle,
            months,
            target: pack.series.filter((s) => s.budget !== null).map((s) => ({ month: s.month, value: s.budget! })),
            targetLabel: t(locale, 'metric.budget'),
            monthHref: f.links?.month,
          },
        ),
    },
    seriesColumns(f),
    pack.series,
  );
}

function cumulativeChartTable(prefix: string, pack: MonthPack, f: Fmt): ViewTable {
  const { locale, currency } = f;
  const cumulativeTitle = t(locale, 'pack.chart.cumulative');
  return buildTable(
    {
      id: `${prefix}-pack-cumulative`,
      title: cumulativeTitle,
      description: t(locale, 'pack.chart.cumulative.desc'),
      chart: () =>
        cumulativeByMonth(pack.series, {
          locale,
          currency,
          title: cumulativeTitle,
          resultLabel: t(locale, 'pack.cumulativeResult'),
          budgetLabel: t(locale, 'pack.cumulativeBudget'),
          monthHref: f.links?.month,
        }),
    },
    seriesColumns(f),
    pack.series,
  );
}

function teamsChartTable(prefix: string, month: MonthFigures, f: Fmt): ViewTable {
  const { locale } = f;
  const teamsTitle = t(locale, 'chart.attainmentByTeam');
  return buildTable(
    {
      id: `${prefix}-pack-attainment`,
      definition: 'attainment',
      title: teamsTitle,
      description: t(locale, 'meeting.monthly.through', { date: f.date(month.through) }),
      chart: () =>
        progressBars(
          month.teams.map((x) => ({ label: x.name, value: x.total?.attainment ?? null, href: f.links?.team(x.id) })),
          { locale, title: teamsTitle },
        ),
    },
    [
      { label: t(locale, 'common.team'), key: 'team', show: (x) => x.name, raw: (x) => x.id },
      {
        label: t(locale, 'metric.attainment'),
        key: 'attainment',
        align: 'end',
        show: (x) => f.percent(x.total?.attainment ?? null),
        raw: (x) => x.total?.attainment ?? null,
      },
    ],
    month.teams,
  );
}

export interface BoardPackView {
  tiles: StatusTile[];
  results: ViewTable[];
  charts: ViewTable[];
  forecast: ViewTable;
  deals: ViewTable[];
  /** Sellers with a budget, lowest attainment first (the complete list, on screen only). */
  sellers: ViewTable;
}

function topDeals(deals: readonly DealLine[]): DealLine[] {
  return deals.slice(0, TOP_DEALS);
}

export function boardPack(report: Report, month: MonthFigures, pack: MonthPack, f: Fmt): BoardPackView {
  const { locale } = f;
  const limit = report.meetings.attention.attainmentBelow;
  const prefix = `month-${month.month}`;
  const companyYtd = (measure: string) => month.company.rows.find((r) => r.measure === measure);
  const q = pack.forecastQuarter;
  const y = pack.forecastYear;
  const teamRows: ResultRow[] = month.teams.map((team) => ({
    name: team.name,
    key: team.id,
    month: pack.teams.find((x) => x.id === team.id) ?? { result: 0, budget: null },
    ytd: team.total,
  }));
  const teamName = (id: string) => report.teams.find((x) => x.id === id)?.name ?? id;
  return {
    tiles: packTiles(month, pack, f, limit),
    results: [
      resultTable(
        `${prefix}-pack-channels`,
        t(locale, 'pack.byChannel'),
        t(locale, 'channel.label'),
        pack.company.map((row) => ({ name: measureLabel(locale, row.measure), key: row.measure, month: row, ytd: companyYtd(row.measure) })),
        f,
        limit,
      ),
      resultTable(`${prefix}-pack-teams`, t(locale, 'pack.byTeam'), t(locale, 'common.team'), teamRows, f, limit),
    ],
    charts: chartTables(prefix, month, pack, f),
    forecast: forecastTable(
      `${prefix}-pack-forecast`,
      [
        { label: `${report.meta.company} ${q.label}`, key: q.label, forecast: q, chart: true },
        ...pack.teamForecasts.map((x) => ({
          label: `${teamName(x.id)} ${q.label}`,
          key: `${x.id}:${q.label}`,
          teamId: x.id,
          forecast: x.forecast,
          chart: true,
        })),
        // The year is on another scale than the quarters: in the table and a tile, not in the chart.
        { label: `${report.meta.company} ${y.label}`, key: y.label, forecast: y, chart: false },
      ],
      f,
      report.meta.asOf,
    ),
    deals: [
      topDealTable(`${prefix}-pack-top-won`, t(locale, 'pack.topWon'), topDeals(month.won.deals), f, false),
      topDealTable(`${prefix}-pack-top-lost`, t(locale, 'pack.topLost'), topDeals(month.lost.deals), f, true),
      buildTable(
        {
          id: `${prefix}-pack-lost-reasons`,
          title: t(locale, 'pack.lostByReason'),
          footer: [t(locale, 'common.total'), f.number(month.lost.count), f.money(month.lost.amount)],
        },
        [
          { label: t(locale, 'common.reason'), key: 'reason', show: (r) => r.reason || t(locale, 'common.noReason'), raw: (r) => r.reason },
          { label: t(locale, 'common.count'), key: 'count', align: 'end', show: (r) => f.number(r.count), raw: (r) => r.count },
          { label: t(locale, 'common.value'), key: 'amount', align: 'end', show: (r) => f.money(r.amount), raw: (r) => r.amount },
        ],
        pack.lostByReason,
      ),
    ],
    sellers: packSellerTable(`${prefix}-pack-sellers`, month, teamName, f, limit),
  };
}

/** The month, the year to date, and the quarter's and year's forecast against budget. */
function packTiles(month: MonthFigures, pack: MonthPack, f: Fmt, limit: number): StatusTile[] {
  const { locale } = f;
  const total = pack.company.find((r) => r.measure === 'volume:total')!;
  const totalYtd = month.company.rows.find((r) => r.measure === 'volume:total');
  const monthShare = total.budget === null ? null : ratio(total.result, total.budget);
  const forecastTile = (fc: MonthPack['forecastQuarter']): StatusTile => ({
    title: t(locale, 'pack.forecastQuarter', { period: fc.label }),
    href: '#forecast',
    value: f.moneyCompact(fc.commitTotal),
    sub: t(locale, 'pack.forecastSub', { commit: f.moneyCompact(fc.commitTotal), budget: f.moneyCompact(fc.budget) }),
    status: statusOf(fc.budget === null ? null : ratio(fc.commitTotal, fc.budget), limit),
  });
  return [
    {
      title: t(locale, 'pack.month'),
      href: '#results',
      value: f.moneyCompact(total.result),
      sub: t(locale, 'overview.gap', { gap: signedMoney(f, total.budget === null ? null : total.result - total.budget), budget: f.moneyCompact(total.budget) }),
      status: statusOf(monthShare, limit),
    },
    {
      title: t(locale, 'pack.ytd'),
      href: '#results',
      value: f.moneyCompact(totalYtd?.resultYtd ?? null),
      sub: t(locale, 'overview.gap', {
        gap: signedMoney(f, totalYtd?.budgetYtd == null ? null : totalYtd.resultYtd - totalYtd.budgetYtd),
        budget: f.moneyCompact(totalYtd?.budgetYtd ?? null),
      }),
      status: statusOf(totalYtd?.attainment, limit),
    },
    forecastTile(pack.forecastQuarter),
    forecastTile(pack.forecastYear),
  ];
}

/** Sellers listed on a month's page; the page says how many are left off, the CSV lists all. */
export const SELLER_PAGE_ROWS = 25;

/** Sellers with a budget, lowest attainment first. */
function packSellerTable(id: string, month: MonthFigures, teamName: (id: string) => string, f: Fmt, limit: number): ViewTable {
  const { locale } = f;
  const sellers = month.sellers
    .filter((s) => s.total?.budgetYtd !== null && s.total?.budgetYtd !== undefined)
    .sort((a, b) => (a.total?.attainment ?? 0) - (b.total?.attainment ?? 0));
  return buildTable<(typeof sellers)[number]>(
    {
      id,
      title: t(locale, 'nav.sellers'),
      description: t(locale, 'meeting.monthly.through', { date: f.date(month.through) }),
      definition: 'attainment',
      // The sellers furthest behind; a company of hundreds keeps its pack short, the CSV has all.
      pageRows: SELLER_PAGE_ROWS,
    },
    [
      { label: t(locale, 'common.seller'), key: 'seller', show: (s) => s.person.name, raw: (s) => s.person.name },
      { label: t(locale, 'common.team'), key: 'team', show: (s) => teamName(s.teamId), raw: (s) => s.teamId },
      {
        label: t(locale, 'pack.col.ytdResult'),
        key: 'result_ytd',
        align: 'end',
        show: (s) => f.moneyCompact(s.total?.resultYtd ?? null),
        raw: (s) => s.total?.resultYtd ?? null,
      },
      {
        label: t(locale, 'pack.col.ytdBudget'),
        key: 'budget_ytd',
        align: 'end',
        show: (s) => f.moneyCompact(s.total?.budgetYtd ?? null),
        raw: (s) => s.total?.budgetYtd ?? null,
      },
      {
        label: t(locale, 'pack.col.ytdShare'),
        key: 'attainment_ytd',
        align: 'end',
        show: (s) => f.percent(s.total?.attainment ?? null),
        raw: (s) => s.total?.attainment ?? null,
      },
      {
        label: t(locale, 'status.label'),
        key: 'status',
        show: (s) => statusText(locale, statusOf(s.total?.attainment, limit)),
        raw: (s) => statusOf(s.total?.attainment, limit),
      },
    ],
    sellers,
  );
}

/** Every CSV table of a month's pack (for the downloads). */
export function boardPackTables(report: Report, month: MonthFigures, pack: MonthPack, f: Fmt): ViewTable[] {
  const view = boardPack(report, month, pack, f);
  return [...view.results, ...view.charts, view.forecast, ...view.deals, view.sellers];
}
