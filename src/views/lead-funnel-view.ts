/**
 * The funnel-by-source page of one period (src/report/lead-funnel-section.ts): the cohort
 * tables (by source, where each source loses its leads, days between links, by owner, monthly
 * cohorts) and, apart from them, the period table; the notes saying what each missing export
 * would fill. Cohort and period figures never share a table or a chart.
 */
import { leadLossChart } from '../charts/lead-loss-chart.ts';
import { t, type MessageKey } from '../i18n/index.ts';
import type { LeadFunnelRow, LeadLinkFigures } from '../metrics/lead-funnel-by-source.ts';
import type { LeadCohortMonth } from '../metrics/lead-funnel-cohort-months.ts';
import { LEAD_LINKS, type LeadLinkId } from '../metrics/lead-funnel-paths.ts';
import type { LeadPeriodRow } from '../metrics/lead-funnel-period.ts';
import type { LeadFunnelPeriodEntry, LeadFunnelSection } from '../report/lead-funnel-section.ts';
import type { Report } from '../report/site-model.ts';
import { buildTable, type ColumnDef } from './build-table.ts';
import type { Fmt } from './format-context.ts';
import type { ViewTable } from './table.ts';
import type { Routes } from './routes.ts';

const LINK_KEY: Record<LeadLinkId, MessageKey> = {
  leads: 'leadFunnel.link.leads',
  qualified: 'leadFunnel.link.qualified',
  meetings: 'leadFunnel.link.meetings',
  deals: 'leadFunnel.link.deals',
  won: 'leadFunnel.link.won',
};
const FIX_KEY: Record<LeadLinkId, MessageKey> = {
  leads: 'leadFunnel.fix.leads',
  qualified: 'leadFunnel.fix.qualified',
  meetings: 'leadFunnel.fix.meetings',
  deals: 'leadFunnel.fix.deals',
  won: 'leadFunnel.fix.won',
};

/** The period's name: "Last 12 months", "FY2025", "Whole export". */
export function leadPeriodName(entry: Pick<LeadFunnelPeriodEntry, 'kind' | 'label'>, f: Fmt): string {
  if (entry.kind === 'trailing') return t(f.locale, 'leadFunnel.period.trailing');
  if (entry.kind === 'all') return t(f.locale, 'leadFunnel.period.all');
  return entry.label;
}

const sourceName = (source: string, f: Fmt) => source || t(f.locale, 'leadFunnel.noSource');
const linkName = (id: LeadLinkId, f: Fmt) => t(f.locale, LINK_KEY[id]);
const tableId = (entry: LeadFunnelPeriodEntry, part: string) => `lead-funnel-${entry.slug}-${part}`;

/** The links some export carries: the others get no column (the page's notes name the export that would fill them). */
const shownLinks = (known: readonly boolean[]) => LEAD_LINKS.map((id, k) => ({ id, k })).filter(({ k }) => known[k]);

/** Count and conversion columns of the known links; the first has no conversion. */
function linkColumns(known: readonly boolean[], f: Fmt): ColumnDef<LeadFunnelRow>[] {
  return shownLinks(known).flatMap(({ id, k }, i) => {
    const at = (r: LeadFunnelRow): LeadLinkFigures => r.links[k]!;
    const count: ColumnDef<LeadFunnelRow> = { label: linkName(id, f), key: id, align: 'end', show: (r) => f.number(at(r).count), raw: (r) => at(r).count };
    if (i === 0) return [count];
    const label = t(f.locale, 'leadFunnel.conversionTo', { link: linkName(id, f) });
    return [count, { label, key: `${id}_conversion`, align: 'end', show: (r) => f.percent(at(r).conversion), raw: (r) => at(r).conversion }];
  });
}

function sourcesTable(entry: LeadFunnelPeriodEntry, known: readonly boolean[], f: Fmt): ViewTable {
  const { total, rows } = entry.cohort;
  const columns: ColumnDef<LeadFunnelRow>[] = [
    { label: t(f.locale, 'leadFunnel.source'), key: 'source', show: (r) => sourceName(r.source, f), raw: (r) => r.source },
    ...linkColumns(known, f),
    { label: t(f.locale, 'leadFunnel.leadToWon'), key: 'lead_to_won', align: 'end', show: (r) => f.percent(r.leadToWon), raw: (r) => r.leadToWon },
    { label: t(f.locale, 'leadFunnel.open'), key: 'open', align: 'end', show: (r) => f.number(r.open), raw: (r) => r.open },
    { label: t(f.locale, 'leadFunnel.withoutLead'), key: 'deals_without_lead', align: 'end', show: (r) => f.number(r.withoutLead), raw: (r) => r.withoutLead },
    { label: t(f.locale, 'leadFunnel.wonVolume'), key: 'won_volume', align: 'end', show: (r) => f.money(r.wonAmount), raw: (r) => r.wonAmount },
  ];
  const table = buildTable({ id: tableId(entry, 'sources'), title: t(f.locale, 'leadFunnel.sources.title'), definition: 'lead-funnel-cohort' }, columns, rows);
  return { ...table, footer: [t(f.locale, 'common.total'), ...columns.slice(1).map((c) => c.show(total))] };
}

function lossTable(entry: LeadFunnelPeriodEntry, known: readonly boolean[], f: Fmt): ViewTable {
  const ks = LEAD_LINKS.map((_, k) => k).filter((k) => known[k]);
  const rows = entry.cohort.rows.filter((r) => (r.links[0]!.count ?? 0) > 0);
  const title = t(f.locale, 'leadFunnel.losses.title');
  const segment = (k: number) =>
    k === LEAD_LINKS.length - 1 ? linkName('won', f) : t(f.locale, 'leadFunnel.stoppedAt', { link: linkName(LEAD_LINKS[k]!, f) });
  return buildTable<LeadFunnelRow>(
    {
      id: tableId(entry, 'losses'),
      title,
      description: t(f.locale, 'leadFunnel.losses.desc', { asOf: f.date(entry.cohort.asOf) }),
      definition: 'lead-funnel-cohort',
      chart:
        rows.length === 0
          ? undefined
          : () =>
              leadLossChart(
                rows.slice(0, 12).map((r) => ({ label: sourceName(r.source, f), stopped: ks.map((k) => r.stoppedAt[k]!) })),
                {
                  locale: f.locale,
                  title,
                  segments: ks.map(segment),
                  endsWon: known[LEAD_LINKS.length - 1] === true,
                },
              ),
    },
    [
      { label: t(f.locale, 'leadFunnel.source'), key: 'source', show: (r) => sourceName(r.source, f), raw: (r) => r.source },
      ...ks.map((k): ColumnDef<LeadFunnelRow> => ({
        label: segment(k),
        key: `stopped_at_${LEAD_LINKS[k]}`,
        align: 'end',
        show: (r) => f.number(r.stoppedAt[k]),
        raw: (r) => r.stoppedAt[k]!,
      })),
    ],
    rows,
  );
}

function daysTable(entry: LeadFunnelPeriodEntry, known: readonly boolean[], f: Fmt): ViewTable {
  return buildTable<LeadFunnelRow>(
    { id: tableId(entry, 'days'), title: t(f.locale, 'leadFunnel.days.title'), definition: 'lead-funnel-cohort' },
    [
      { label: t(f.locale, 'leadFunnel.source'), key: 'source', show: (r) => sourceName(r.source, f), raw: (r) => r.source },
      ...shownLinks(known)
        .slice(1)
        .map(({ id, k }): ColumnDef<LeadFunnelRow> => ({
          label: t(f.locale, 'leadFunnel.days.to', { link: linkName(id, f) }),
          key: `median_days_to_${id}`,
          align: 'end',
          show: (r) => f.number(r.links[k]!.medianDays, 1),
          raw: (r) => r.links[k]!.medianDays,
        })),
    ],
    [...entry.cohort.rows, entry.cohort.total].map((r, i, all) => (i === all.length - 1 ? { ...r, source: t(f.locale, 'common.total') } : r)),
  );
}

function ownersTable(entry: LeadFunnelPeriodEntry, known: readonly boolean[], f: Fmt): ViewTable {
  type Row = LeadFunnelPeriodEntry['owners'][number];
  return buildTable<Row>(
    {
      id: tableId(entry, 'owners'),
      title: t(f.locale, 'leadFunnel.owners.title'),
      description: t(f.locale, 'leadFunnel.owners.desc'),
      definition: 'lead-funnel-cohort',
    },
    [
      { label: t(f.locale, 'leadFunnel.owner'), key: 'owner', show: (r) => r.name, raw: (r) => r.name },
      ...shownLinks(known).flatMap(({ id, k }, i): ColumnDef<Row>[] => [
        { label: linkName(id, f), key: id, align: 'end', show: (r) => f.number(r.links[k]!.count), raw: (r) => r.links[k]!.count },
        ...(i === 0
          ? []
          : [
              {
                label: t(f.locale, 'leadFunnel.conversionTo', { link: linkName(id, f) }),
                key: `${id}_conversion`,
                align: 'end' as const,
                show: (r: Row) => f.percent(r.links[k]!.conversion),
                raw: (r: Row) => r.links[k]!.conversion,
              },
            ]),
      ]),
    ],
    entry.owners,
  );
}

function monthsTable(entry: LeadFunnelPeriodEntry, f: Fmt): ViewTable {
  return buildTable<LeadCohortMonth>(
    {
      id: tableId(entry, 'months'),
      title: t(f.locale, 'leadFunnel.months.title'),
      description: t(f.locale, 'leadFunnel.months.desc'),
      definition: 'lead-funnel-cohort',
    },
    [
      { label: t(f.locale, 'common.month'), key: 'month', show: (r) => f.month(r.month), raw: (r) => r.month },
      { label: linkName('leads', f), key: 'leads', align: 'end', show: (r) => f.number(r.leads), raw: (r) => r.leads },
      { label: linkName('won', f), key: 'won', align: 'end', show: (r) => f.number(r.won), raw: (r) => r.won },
      { label: t(f.locale, 'leadFunnel.leadToWon'), key: 'lead_to_won', align: 'end', show: (r) => f.percent(r.conversion), raw: (r) => r.conversion },
      { label: t(f.locale, 'leadFunnel.open'), key: 'open', align: 'end', show: (r) => f.number(r.open), raw: (r) => r.open },
    ],
    [...entry.months].reverse(),
  );
}

function periodTable(entry: LeadFunnelPeriodEntry, known: readonly boolean[], f: Fmt): ViewTable {
  const { total, rows } = entry.period;
  const columns: ColumnDef<LeadPeriodRow>[] = [
    { label: t(f.locale, 'leadFunnel.source'), key: 'source', show: (r) => sourceName(r.source, f), raw: (r) => r.source },
    ...shownLinks(known).map(({ id, k }): ColumnDef<LeadPeriodRow> => ({
      label: linkName(id, f),
      key: id,
      align: 'end',
      show: (r) => f.number(r.links[k]!.count),
      raw: (r) => r.links[k]!.count,
    })),
    {
      label: t(f.locale, 'leadFunnel.fromEarlier'),
      key: 'won_from_earlier_leads',
      align: 'end',
      show: (r) => f.number(r.links[4]!.fromEarlier),
      raw: (r) => r.links[4]!.fromEarlier,
    },
    { label: t(f.locale, 'leadFunnel.wonVolume'), key: 'won_volume', align: 'end', show: (r) => f.money(r.wonAmount), raw: (r) => r.wonAmount },
  ];
  const table = buildTable(
    { id: tableId(entry, 'period'), title: t(f.locale, 'leadFunnel.periodTable.title'), definition: 'lead-funnel-period' },
    columns,
    rows,
  );
  return { ...table, footer: [t(f.locale, 'common.total'), ...columns.slice(1).map((c) => c.show(total))] };
}

export interface LeadFunnelView {
  cohort: ViewTable[];
  period: ViewTable[];
  /** What each missing export leaves out, and how links were made. */
  notes: string[];
  cohortExplain: string;
  periodExplain: string;
}

export function leadFunnelNotes(section: LeadFunnelSection, f: Fmt): string[] {
  const notes = LEAD_LINKS.flatMap((id, k) =>
    section.known[k] ? [] : [t(f.locale, 'leadFunnel.missing', { link: linkName(id, f), fix: t(f.locale, FIX_KEY[id]) })],
  );
  if (!section.inputs.leads && section.inputs.aggregateFunnel) notes.push(t(f.locale, 'leadFunnel.aggregateOnly'));
  const unlinked = section.deals - section.linkedDeals;
  if (section.inputs.leads && unlinked > 0) notes.push(t(f.locale, 'leadFunnel.unlinkedDeals', { count: f.number(unlinked) }));
  if (section.unresolved > 0) notes.push(t(f.locale, 'leadFunnel.unresolved', { count: f.number(section.unresolved) }));
  return notes;
}

export function leadFunnelView(report: Report, entry: LeadFunnelPeriodEntry, f: Fmt): LeadFunnelView {
  const section = report.leadFunnel;
  const range = f.range(entry.range.start, entry.range.end < entry.cohort.asOf ? entry.range.end : entry.cohort.asOf);
  const won = entry.period.total.links[4]!;
  return {
    // Where leads are lost and the monthly lead cohorts need leads; the notes say which export gives them.
    cohort: [
      sourcesTable(entry, section.known, f),
      // Where leads are lost needs leads and a second link to lose them at.
      ...(section.known[0] && section.known.filter(Boolean).length > 1 ? [lossTable(entry, section.known, f)] : []),
      daysTable(entry, section.known, f),
      ownersTable(entry, section.known, f),
      ...(section.known[0] ? [monthsTable(entry, f)] : []),
    ],
    period: [periodTable(entry, section.known, f)],
    notes: leadFunnelNotes(section, f),
    cohortExplain: t(f.locale, 'leadFunnel.cohort.explain', { range, asOf: f.date(entry.cohort.asOf), open: f.number(entry.cohort.total.open) }),
    periodExplain: t(f.locale, 'leadFunnel.period.explain', { range, earlier: f.number(won.fromEarlier), won: f.number(won.count) }),
  };
}

/** Every table of every period, for the CSV downloads. */
export function leadFunnelTables(report: Report, f: Fmt): ViewTable[] {
  return report.leadFunnel.periods.flatMap((entry) => {
    const view = leadFunnelView(report, entry, f);
    return [...view.cohort, ...view.period];
  });
}

/** The funnel page's list of the funnel-by-source pages: each period with its leads, won and lead → won. */
export function leadFunnelLinks(report: Report, f: Fmt, routes: Routes) {
  return {
    columns: [
      { label: t(f.locale, 'leadFunnel.periods') },
      { label: linkName('leads', f), align: 'end' as const },
      { label: linkName('won', f), align: 'end' as const },
      { label: t(f.locale, 'leadFunnel.leadToWon'), align: 'end' as const },
    ],
    rows: report.leadFunnel.periods.map((entry) => ({
      href: routes.leadFunnel(f.locale, entry.slug),
      label: leadPeriodName(entry, f),
      cells: [f.number(entry.cohort.total.links[0]!.count), f.number(entry.cohort.total.links[4]!.count), f.percent(entry.cohort.total.leadToWon)],
    })),
  };
}
