/**
 * Tables of the section pages: channels (mix per seller and team, plan check), targets
 * (attainment and pace per team and seller), pipeline (stages, forecast, aging, stalled and
 * slipped deals), funnel (the linked chain with owners, cohort) and activities.
 */
import { barChart, funnelChart, progressBars } from '../charts/index.ts';
import { t, type MessageKey } from '../i18n/index.ts';
import type { ChannelMix, ChannelMixRow } from '../metrics/channel-mix.ts';
import type { Funnel, FunnelLink } from '../metrics/funnel.ts';
import type { PlanCheckRow, PlanVerdict } from '../metrics/plan-check.ts';
import { totalRow } from '../metrics/target-attainment.ts';
import { CHANNEL_BUCKETS, CHANNELS, FORECAST_CATEGORIES } from '../core/records.ts';
import type { Report } from '../report/site-model.ts';
import type { StalledDeal } from '../metrics/stalled-deals.ts';
import type { SlippedDeal } from '../metrics/slipped-deals.ts';
import { dealColumns } from './crm-link.ts';
import { buildTable } from './build-table.ts';
import { dealTable, PAGE_ROWS } from './deal-table.ts';
import { reconciliationTable } from './reconciliation-view.ts';
import type { Fmt } from './format-context.ts';
import type { ViewTable } from './table.ts';
import { measureLabel } from './labels.ts';

/**
 * Sellers listed on a section page (channels, targets, activities): a company of hundreds keeps
 * each page readable, the team pages list every team's sellers and the CSV has every row.
 */
export const SECTION_SELLER_ROWS = 50;

/** Attainment or share, lowest first; "–" (no budget or goal) after every number. */
export function lowestFirst(a: number | null | undefined, b: number | null | undefined): number {
  if (a === null || a === undefined) return b === null || b === undefined ? 0 : 1;
  if (b === null || b === undefined) return -1;
  return a - b;
}

function mixTable(id: string, title: string, mix: ChannelMix, name: (key: string) => string, f: Fmt, pageRows?: number): ViewTable {
  const { locale } = f;
  // "Channel not set" gets its own column when any volume is in it, so the columns add up to the total.
  const channels = mix.totals.byChannel.unset !== 0 ? CHANNEL_BUCKETS : CHANNELS;
  return buildTable<ChannelMixRow>(
    {
      id,
      title,
      footer: [t(locale, 'common.total'), ...channels.map((c) => f.money(mix.totals.byChannel[c])), f.money(mix.totals.total)],
      chart: () =>
        barChart(
          channels.map((c) => ({ label: t(locale, `channel.${c}`), value: mix.totals.byChannel[c], channel: c === 'unset' ? undefined : c })),
          { locale, currency: f.currency, title },
        ),
      pageRows,
    },
    [
      { label: t(locale, 'common.seller'), key: 'key', show: (r) => name(r.key), raw: (r) => name(r.key) },
      ...channels.map((c) => ({
        label: t(locale, `channel.${c}`),
        key: c,
        align: 'end' as const,
        show: (r: ChannelMixRow) => f.money(r.byChannel[c]),
        raw: (r: ChannelMixRow) => r.byChannel[c],
      })),
      { label: t(locale, 'common.total'), key: 'total', align: 'end', show: (r) => f.money(r.total), raw: (r) => r.total },
    ],
    mix.rows,
  );
}

/** The sellers' channel mix, largest volume first (the rows a capped page shows). */
function bySellerLargestFirst(mix: ChannelMix): ChannelMix {
  return { ...mix, rows: [...mix.rows].sort((a, b) => b.total - a.total) };
}

export function channelTables(report: Report, f: Fmt): ViewTable[] {
  const { locale } = f;
  const sellerName = (id: string) => report.sellers.find((s) => s.person.id === id)?.person.name ?? (id || t(locale, 'common.noOwner'));
  const teamName = (id: string) => report.teams.find((x) => x.id === id)?.name ?? (id || '—');
  const teamMix = mixTable('channels-by-team', t(locale, 'chart.channelsByTeam'), report.channelMix.byTeam, teamName, f);
  teamMix.columns[0] = { label: t(locale, 'common.team') };
  return [
    teamMix,
    {
      ...mixTable(
        'channels-by-seller',
        t(locale, 'chart.channelsBySeller'),
        bySellerLargestFirst(report.channelMix.bySeller),
        sellerName,
        f,
        SECTION_SELLER_ROWS,
      ),
      chart: undefined,
    },
    planCheckTable(report.planCheck, f, teamName, report.planVerdict),
  ];
}

function verdictText(verdict: PlanVerdict, f: Fmt): string {
  const counts = { failing: f.number(verdict.failing), checked: f.number(verdict.checked) };
  if (verdict.passes === null) return t(f.locale, 'planCheck.verdict.none');
  return verdict.passes ? t(f.locale, 'planCheck.verdict.pass', counts) : t(f.locale, 'planCheck.verdict.fail', counts);
}

export function planCheckTable(rows: readonly PlanCheckRow[], f: Fmt, teamName: (id: string) => string, verdict: PlanVerdict): ViewTable {
  const { locale } = f;
  const levelKey: Record<PlanCheckRow['level'], MessageKey> = {
    'sellers-vs-team': 'planCheck.sellersVsTeam',
    'teams-vs-company': 'planCheck.teamsVsCompany',
    'sellers-vs-company': 'planCheck.sellersVsCompany',
  };
  return buildTable<PlanCheckRow>(
    { id: 'plan-check', definition: 'plan-check', title: t(locale, 'metric.planCheck'), description: verdictText(verdict, f) },
    [
      { label: t(locale, 'common.period'), key: 'period', show: (r) => r.period, raw: (r) => r.period },
      {
        label: t(locale, 'planCheck.level'),
        key: 'level',
        show: (r) => t(locale, levelKey[r.level], { team: r.teamId ? teamName(r.teamId) : '' }),
        raw: (r) => `${r.level}${r.teamId ? `:${r.teamId}` : ''}`,
      },
      { label: t(locale, 'planCheck.measure'), key: 'measure', show: (r) => measureLabel(locale, r.measure), raw: (r) => r.measure },
      { label: t(locale, 'planCheck.sum'), key: 'sum', align: 'end', show: (r) => f.money(r.sum), raw: (r) => r.sum },
      { label: t(locale, 'metric.target'), key: 'target', align: 'end', show: (r) => f.money(r.target), raw: (r) => r.target },
      { label: t(locale, 'planCheck.gap'), key: 'gap', align: 'end', show: (r) => `${r.ok ? '✓' : '✗'} ${f.money(r.gap)}`, raw: (r) => r.gap },
      { label: t(locale, 'planCheck.rule'), key: 'rule', show: (r) => t(locale, `planCheck.rule.${r.level}`), raw: (r) => r.level },
    ],
    [...rows].sort((a, b) => Number(a.ok) - Number(b.ok) || b.period.localeCompare(a.period)),
  );
}

export function targetTables(report: Report, f: Fmt): ViewTable[] {
  const { locale } = f;
  type Row = { name: string; href?: string; row: (typeof report.company.targets.rows)[number] | undefined };
  const people: Row[] = report.sellers
    .map((s) => ({ name: s.person.name, href: s.person.slug ? f.links?.seller(s.person.slug) : undefined, row: totalRow(s.figures.targets) }))
    .filter((r) => r.row?.budgetYtd !== null && r.row !== undefined)
    // Furthest behind first: the sellers a capped page shows are the ones to talk about.
    .sort((a, b) => lowestFirst(a.row?.attainment, b.row?.attainment));
  const teams: Row[] = report.teams.map((x) => ({ name: x.name, href: f.links?.team(x.id), row: totalRow(x.figures.targets) }));
  const columns = (first: string) => [
    { label: first, key: 'name', show: (r: Row) => r.name, raw: (r: Row) => r.name },
    {
      label: t(locale, 'common.actual'),
      key: 'result_ytd',
      align: 'end' as const,
      show: (r: Row) => f.money(r.row?.resultYtd),
      raw: (r: Row) => r.row?.resultYtd ?? null,
    },
    {
      label: t(locale, 'metric.budget'),
      key: 'budget_ytd',
      align: 'end' as const,
      show: (r: Row) => f.money(r.row?.budgetYtd),
      raw: (r: Row) => r.row?.budgetYtd ?? null,
    },
    {
      label: t(locale, 'metric.attainment'),
      key: 'attainment',
      align: 'end' as const,
      show: (r: Row) => f.percent(r.row?.attainment),
      raw: (r: Row) => r.row?.attainment ?? null,
    },
    {
      label: t(locale, 'metric.target'),
      key: 'full_year_target',
      align: 'end' as const,
      show: (r: Row) => f.money(r.row?.fullYearTarget),
      raw: (r: Row) => r.row?.fullYearTarget ?? null,
    },
    { label: t(locale, 'metric.pace'), key: 'pace', align: 'end' as const, show: (r: Row) => f.money(r.row?.pace), raw: (r: Row) => r.row?.pace ?? null },
  ];
  const chartOf = (rows: Row[], title: string) => () =>
    progressBars(
      rows.map((r) => ({ label: r.name, value: r.row?.attainment ?? null, href: r.href })),
      { locale, title },
    );
  const teamTitle = t(locale, 'chart.attainmentByTeam');
  const sellerTitle = t(locale, 'chart.attainmentBySeller');
  return [
    reconciliationTable('targets-reconciliation', report.reconciliation, f, t(locale, 'reconcile.desc')),
    buildTable(
      { id: 'targets-by-team', definition: 'attainment', title: teamTitle, description: t(locale, 'def.attainment'), chart: chartOf(teams, teamTitle) },
      columns(t(locale, 'common.team')),
      teams,
    ),
    buildTable(
      {
        id: 'targets-by-seller',
        definition: 'attainment',
        title: sellerTitle,
        chart: chartOf(people.slice(0, SECTION_SELLER_ROWS), sellerTitle),
        pageRows: SECTION_SELLER_ROWS,
      },
      columns(t(locale, 'common.seller')),
      people,
    ),
  ];
}

/** Who owns a deal and the label of its stage, as the pipeline's deal lists show them. */
function pipelineNames(report: Report, f: Fmt) {
  // Looked up once per listed deal: the first entry per id, as a search from the start finds it.
  const names = new Map<string, string>();
  for (const s of report.sellers) if (!names.has(s.person.id)) names.set(s.person.id, s.person.name);
  const labels = new Map<string, string>();
  for (const s of report.meta.stages) if (!labels.has(s.id)) labels.set(s.id, s.label);
  const sellerName = (id: string) => names.get(id) ?? (id || t(f.locale, 'common.noOwner'));
  const stageLabel = (id: string) => labels.get(id) ?? id;
  return { sellerName, stageLabel };
}

export function pipelineTables(report: Report, f: Fmt): ViewTable[] {
  return [forecastTable(report, f), agingTable(report, f), stalledTable(report, f), slippedTable(report, f)];
}

function forecastTable(report: Report, f: Fmt): ViewTable {
  const { locale } = f;
  const p = report.company.pipeline;
  const forecastTitle = t(locale, 'chart.forecast', { quarter: report.meta.quarter.label });
  return buildTable(
    {
      id: 'pipeline-forecast',
      title: forecastTitle,
      description: t(locale, 'chart.forecast.desc'),
      chart: () =>
        barChart(
          FORECAST_CATEGORIES.filter((c) => c !== 'omitted').map((c) => ({
            label: t(locale, `forecast.${c}`),
            value: p.forecastQuarter.categories[c].amount,
          })),
          { locale, currency: f.currency, title: forecastTitle },
        ),
    },
    [
      { label: t(locale, 'forecast.category'), key: 'category', show: (c) => t(locale, `forecast.${c}`), raw: (c) => c },
      {
        label: t(locale, 'common.count'),
        key: 'count',
        align: 'end',
        show: (c) => f.number(p.forecastQuarter.categories[c].count),
        raw: (c) => p.forecastQuarter.categories[c].count,
      },
      {
        label: t(locale, 'unit.contractValue'),
        key: 'amount',
        align: 'end',
        show: (c) => f.money(p.forecastQuarter.categories[c].amount),
        raw: (c) => p.forecastQuarter.categories[c].amount,
      },
      {
        label: t(locale, 'unit.annualVolume'),
        key: 'annual_volume',
        align: 'end',
        show: (c) => f.money(p.forecastQuarter.categories[c].annualAmount),
        raw: (c) => p.forecastQuarter.categories[c].annualAmount,
      },
    ],
    FORECAST_CATEGORIES,
  );
}

function agingTable(report: Report, f: Fmt): ViewTable {
  const { locale } = f;
  const p = report.company.pipeline;
  const agingTitle = t(locale, 'metric.dealAge');
  return buildTable(
    {
      id: 'pipeline-aging',
      definition: 'deal-age',
      title: agingTitle,
      description: t(locale, 'def.dealAge'),
      chart: () =>
        barChart(
          p.aging.buckets.map((b) => ({ label: b.bucket, value: b.amount })),
          { locale, currency: f.currency, title: agingTitle },
        ),
    },
    [
      { label: t(locale, 'unit.daysLabel'), key: 'bucket', show: (b) => (b.bucket === '' ? t(locale, 'common.ageUnknown') : b.bucket), raw: (b) => b.bucket },
      { label: t(locale, 'common.count'), key: 'count', align: 'end', show: (b) => f.number(b.count), raw: (b) => b.count },
      { label: t(locale, 'unit.contractValue'), key: 'amount', align: 'end', show: (b) => f.money(b.amount), raw: (b) => b.amount },
    ],
    // Deals without created date have no age: a row of their own, so the rows add up.
    p.aging.unknownAge.count > 0 ? [...p.aging.buckets, { bucket: '', ...p.aging.unknownAge }] : p.aging.buckets,
  );
}

function stalledTable(report: Report, f: Fmt): ViewTable {
  const { locale } = f;
  const p = report.company.pipeline;
  const { sellerName, stageLabel } = pipelineNames(report, f);
  return buildTable(
    {
      id: 'pipeline-stalled',
      definition: 'stalled-deals',
      title: `${t(locale, 'metric.stalledDeals')} (${f.number(p.stalled.count)})`,
      description: t(locale, 'def.stalledDeals'),
      pageRows: PAGE_ROWS,
    },
    [
      ...dealColumns<StalledDeal>(f, (d) => d),
      { label: t(locale, 'common.seller'), key: 'owner', show: (d) => sellerName(d.ownerId), raw: (d) => sellerName(d.ownerId) },
      { label: t(locale, 'common.stage'), key: 'stage', show: (d) => stageLabel(d.stageId), raw: (d) => d.stageId },
      { label: t(locale, 'unit.contractValue'), key: 'amount', align: 'end', show: (d) => f.money(d.amount), raw: (d) => d.amount },
      { label: t(locale, 'unit.annualVolume'), key: 'annual_volume', align: 'end', show: (d) => f.money(d.annualAmount), raw: (d) => d.annualAmount },
      { label: t(locale, 'pipeline.lastTouch'), key: 'last_touch', show: (d) => f.date(d.lastTouch), raw: (d) => d.lastTouch },
      {
        label: t(locale, 'pipeline.daysSince'),
        key: 'days_since_touch',
        align: 'end',
        show: (d) => f.number(d.daysSinceTouch),
        raw: (d) => d.daysSinceTouch,
      },
    ],
    p.stalled.deals,
  );
}

function slippedTable(report: Report, f: Fmt): ViewTable {
  const { locale } = f;
  const p = report.company.pipeline;
  const { sellerName } = pipelineNames(report, f);
  return buildTable(
    {
      id: 'pipeline-slipped',
      definition: 'slipped-deals',
      title: `${t(locale, 'metric.slippedDeals')} (${f.number(p.slipped.count)})`,
      description: t(locale, 'def.slippedDeals'),
      pageRows: PAGE_ROWS,
    },
    [
      ...dealColumns<SlippedDeal>(f, (d) => d),
      { label: t(locale, 'common.seller'), key: 'owner', show: (d) => sellerName(d.ownerId), raw: (d) => sellerName(d.ownerId) },
      { label: t(locale, 'common.closeDate'), key: 'close_date', show: (d) => f.date(d.close), raw: (d) => d.close },
      { label: t(locale, 'unit.contractValue'), key: 'amount', align: 'end', show: (d) => f.money(d.amount), raw: (d) => d.amount },
      { label: t(locale, 'unit.annualVolume'), key: 'annual_volume', align: 'end', show: (d) => f.money(d.annualAmount), raw: (d) => d.annualAmount },
      { label: t(locale, 'pipeline.daysOverdue'), key: 'days_overdue', align: 'end', show: (d) => f.number(d.daysOverdue), raw: (d) => d.daysOverdue },
    ],
    p.slipped.deals,
  );
}

const LINK_KEY: Record<FunnelLink['id'], MessageKey> = {
  visits: 'funnel.visits',
  leads: 'funnel.leads',
  meetingsBooked: 'funnel.meetingsBooked',
  meetingsHeld: 'funnel.meetingsHeld',
  opportunities: 'funnel.opportunities',
  won: 'funnel.won',
  nurture: 'funnel.nurture',
  callLists: 'funnel.callLists',
};

export function funnelTable(id: string, funnel: Funnel, f: Fmt, title?: string): ViewTable {
  const { locale } = f;
  const heading = title ?? t(locale, 'chart.funnel');
  const links = [...funnel.period.links, funnel.period.nurture];
  return buildTable<FunnelLink>(
    {
      id,
      title: heading,
      description: t(locale, 'chart.funnel.desc', { period: f.range(funnel.range.start, funnel.range.end) }),
      chart: () =>
        funnelChart(
          links.map((l, i) => ({
            label: t(locale, LINK_KEY[l.id]),
            value: l.count ?? 0,
            conversion: i === 0 ? undefined : l.conversion,
            from: i === 0 ? undefined : t(locale, LINK_KEY[l.id === 'nurture' ? 'leads' : links[i - 1]!.id]),
            branch: l.id === 'nurture',
          })),
          { locale, title: heading, scale: 'sqrt' },
        ),
    },
    [
      { label: t(locale, 'funnel.link'), key: 'link', show: (l) => t(locale, LINK_KEY[l.id]), raw: (l) => l.id },
      { label: t(locale, 'common.count'), key: 'count', align: 'end', show: (l) => f.number(l.count), raw: (l) => l.count },
      { label: t(locale, 'metric.conversion'), key: 'conversion', align: 'end', show: (l) => f.percent(l.conversion), raw: (l) => l.conversion },
      { label: t(locale, 'hat.label'), key: 'hat', show: (l) => t(locale, `hat.${l.hat}`), raw: (l) => l.hat },
      {
        label: t(locale, 'funnel.owner'),
        key: 'owners',
        show: (l) => l.owners.map((o) => o.name).join(', ') || '–',
        raw: (l) => l.owners.map((o) => o.name).join('; '),
      },
    ],
    links,
  );
}

export function cohortTable(id: string, funnel: Funnel, f: Fmt): ViewTable {
  const { locale } = f;
  const o = funnel.cohort.opportunities;
  const m = funnel.cohort.meetings;
  const rows: [MessageKey, string, number | null][] = [
    ['cohort.created', f.number(o.created), o.created],
    ['cohort.won', f.number(o.won), o.won],
    ['cohort.lost', f.number(o.lost), o.lost],
    ['cohort.open', f.number(o.open), o.open],
    ['cohort.closedAfterAsOf', f.number(o.closedAfterAsOf), o.closedAfterAsOf],
    ['cohort.winRate', f.percent(o.winRate), o.winRate],
    ['cohort.booked', f.number(m.booked), m.booked],
    ['cohort.held', f.number(m.held), m.held],
    ['cohort.heldRate', f.percent(m.heldRate), m.heldRate],
  ];
  return buildTable(
    { id, title: t(locale, 'cohort.title'), description: t(locale, 'cohort.desc') },
    [
      { label: t(locale, 'funnel.link'), key: 'figure', show: (r) => t(locale, r[0]), raw: (r) => r[0].slice(7) },
      { label: t(locale, 'common.value'), key: 'value', align: 'end', show: (r) => r[1], raw: (r) => r[2] },
    ],
    rows,
  );
}

export function handoffTable(report: Report, f: Fmt): ViewTable {
  const { locale } = f;
  const h = report.handoffs;
  const teamName = (id: string) => report.teams.find((x) => x.id === id)?.name ?? (id || '—');
  const rows = [{ name: t(locale, 'common.total'), ...h.total }, ...h.teams.map((x) => ({ name: teamName(x.teamId), ...x }))];
  return buildTable(
    { id: 'handoffs', title: t(locale, 'metric.handoffs'), description: t(locale, 'handoffs.desc') },
    [
      { label: t(locale, 'common.team'), key: 'team', show: (r) => r.name, raw: (r) => r.name },
      {
        label: t(locale, 'handoffs.handedOver'),
        key: 'sdr_handed_over',
        align: 'end',
        show: (r) => f.number(r.sdrToAe.handedOver),
        raw: (r) => r.sdrToAe.handedOver,
      },
      { label: t(locale, 'handoffs.accepted'), key: 'sdr_accepted', align: 'end', show: (r) => f.number(r.sdrToAe.accepted), raw: (r) => r.sdrToAe.accepted },
      { label: t(locale, 'handoffs.won'), key: 'sdr_won', align: 'end', show: (r) => f.number(r.sdrToAe.won), raw: (r) => r.sdrToAe.won },
      {
        label: t(locale, 'handoffs.newCustomers'),
        key: 'new_customers',
        align: 'end',
        show: (r) => f.number(r.aeToAm.newCustomers),
        raw: (r) => r.aeToAm.newCustomers,
      },
      { label: t(locale, 'handoffs.onboarded'), key: 'onboarded', align: 'end', show: (r) => f.number(r.aeToAm.onboarded), raw: (r) => r.aeToAm.onboarded },
      {
        label: t(locale, 'handoffs.followOn'),
        key: 'follow_on_deals',
        align: 'end',
        show: (r) => f.number(r.aeToAm.followOnDeals),
        raw: (r) => r.aeToAm.followOnDeals,
      },
    ],
    rows,
  );
}

export { dealTable };
