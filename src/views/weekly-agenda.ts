/**
 * The weekly sales meeting as an agenda, the same sections every week: first screen = the week's
 * result against its target, new pipeline, won, lost and slipped value, and the five biggest
 * moves; then deals closing this and next week per seller, who is behind on activity goals, and
 * the complete lists (collapsed, largest first, each with its CSV).
 */
import { t } from '../i18n/index.ts';
import { ratio } from '../metrics/money.ts';
import type { DealLine, DealList } from '../report/deal-lines.ts';
import type { BehindOnGoal, WeekAgenda } from '../report/meeting-figures.ts';
import type { Report } from '../report/site-model.ts';
import type { WeekFigures } from '../report/week-figures.ts';
import { addWeeks, isoWeekRange } from '../periods/iso-week.ts';
import { dealColumns } from './crm-link.ts';
import { buildTable } from './build-table.ts';
import { groupDeals, outcomeOf, type DealGroup, type DealRowContext } from './deal-groups.ts';
import type { Fmt } from './format-context.ts';
import type { StatusTile } from './overview-view.ts';
import type { Routes } from './routes.ts';
import { statusOf } from './status.ts';
import type { ViewTable } from './table.ts';

export interface AgendaList {
  id: string;
  title: string;
  summary: string;
  groups: DealGroup[];
  table: ViewTable;
}

export interface WeeklyAgendaView {
  tiles: StatusTile[];
  closing: AgendaList;
  /** Per team: how many are behind (`count`) and the first of them (`rows`). */
  behind: { groups: { title: string; href?: string; count: number; rows: BehindOnGoal[] }[]; table: ViewTable };
  lists: AgendaList[];
}

/** A deal list as a CSV table: every listed deal with its outcome and lost reason. */
export function agendaDealTable(id: string, title: string, deals: readonly DealLine[], f: Fmt): ViewTable {
  const { locale } = f;
  return buildTable<DealLine>(
    { id, title },
    [
      ...dealColumns<DealLine>(f, (d) => d),
      { label: t(locale, 'common.customer'), key: 'account', show: (d) => d.account || t(locale, 'common.noAccount'), raw: (d) => d.account },
      { label: t(locale, 'common.seller'), key: 'owner', show: (d) => d.owner.name, raw: (d) => d.owner.name },
      { label: t(locale, 'common.stage'), key: 'stage', show: (d) => outcomeOf(d, f), raw: (d) => (d.status === 'open' ? d.stage : d.status) },
      { label: t(locale, 'common.value'), key: 'amount', align: 'end', show: (d) => f.money(d.amount), raw: (d) => d.amount },
      { label: t(locale, 'common.closeDate'), key: 'close_date', show: (d) => f.date(d.close), raw: (d) => d.close },
      { label: t(locale, 'common.reason'), key: 'lost_reason', show: (d) => d.lostReason ?? '', raw: (d) => d.lostReason ?? null },
    ],
    deals,
  );
}

function behindTable(id: string, rows: readonly BehindOnGoal[], f: Fmt): ViewTable {
  const { locale } = f;
  return buildTable<BehindOnGoal>(
    { id, title: t(locale, 'agenda.behind') },
    [
      { label: t(locale, 'common.seller'), key: 'seller', show: (r) => r.person.name, raw: (r) => r.person.name },
      { label: t(locale, 'common.activity'), key: 'type', show: (r) => t(locale, `activity.${r.type}`), raw: (r) => r.type },
      { label: t(locale, 'common.actual'), key: 'actual', align: 'end', show: (r) => f.number(r.actual), raw: (r) => r.actual },
      { label: t(locale, 'common.goal'), key: 'goal', align: 'end', show: (r) => f.number(r.goal), raw: (r) => r.goal },
      { label: t(locale, 'common.share'), key: 'share', align: 'end', show: (r) => f.percent(r.share), raw: (r) => r.share },
    ],
    rows,
  );
}

/** The CSV tables of a week's agenda (also listed by all-tables for the downloads). */
export function agendaTables(week: WeekFigures, agenda: WeekAgenda, f: Fmt) {
  const id = `week-${week.week.toLowerCase()}`;
  const { locale } = f;
  return {
    closing: agendaDealTable(`${id}-closing`, t(locale, 'agenda.closing'), agenda.closing.deals, f),
    slipped: agendaDealTable(`${id}-slipped`, t(locale, 'agenda.slippedList'), agenda.slipped.deals, f),
    behind: behindTable(`${id}-behind`, agenda.behind, f),
    won: agendaDealTable(`${id}-agenda-won`, t(locale, 'metric.dealsWon'), week.won.deals, f),
    lost: agendaDealTable(`${id}-agenda-lost`, t(locale, 'metric.dealsLost'), week.lost.deals, f),
    created: agendaDealTable(`${id}-agenda-created`, t(locale, 'meeting.weekly.newOpportunities'), week.created.deals, f),
  };
}

function tiles(week: WeekFigures, agenda: WeekAgenda, f: Fmt, limit: number): StatusTile[] {
  const { locale } = f;
  const share = agenda.target === null ? null : ratio(agenda.result, agenda.target);
  const tile = (key: 'agenda.newPipeline' | 'agenda.won' | 'agenda.lost' | 'agenda.slipped', list: DealList, anchor: string): StatusTile => ({
    title: t(locale, key),
    href: `#${anchor}`,
    value: f.moneyCompact(list.amount),
    sub: t(locale, 'agenda.deals', { count: f.number(list.count) }),
  });
  return [
    {
      title: t(locale, 'agenda.result'),
      href: '#won',
      value: f.moneyCompact(agenda.result),
      sub:
        agenda.target === null
          ? t(locale, 'agenda.noTarget')
          : t(locale, 'agenda.resultSub', { target: f.moneyCompact(agenda.target), share: f.percent(share) }),
      status: statusOf(share, limit),
    },
    tile('agenda.newPipeline', week.created, 'created'),
    tile('agenda.won', week.won, 'won'),
    tile('agenda.lost', week.lost, 'lost'),
    tile('agenda.slipped', agenda.slipped, 'slipped'),
  ];
}

/**
 * Deals closing soon are grouped per seller while the sellers fit on a projector screen; a larger
 * company gets one group per team with its largest deals, and the CSV lists every deal.
 */
const CLOSING_SELLER_GROUPS = 12;
const CLOSING_TEAM_ROWS = 5;
/** Sellers behind on a goal listed per team on the page; the CSV lists everyone. */
const BEHIND_PAGE_ROWS = 8;

export function weeklyAgenda(report: Report, week: WeekFigures, agenda: WeekAgenda, f: Fmt, routes: Routes): WeeklyAgendaView {
  const { locale } = f;
  const ctx: DealRowContext = { f, crmDealUrl: report.meetings.crmDealUrl, sellerHref: (slug) => routes.seller(locale, slug) };
  const teamOf = new Map(report.sellers.map((s) => [s.person.id, { id: s.teamId, name: s.teamName }]));
  const team = (personId: string) => teamOf.get(personId) ?? { id: '', name: t(locale, 'common.noOwner') };
  const teamKey = (d: DealLine) => {
    const x = team(d.owner.id);
    const slug = report.teams.find((tm) => tm.id === x.id)?.slug;
    return { key: x.id, title: x.name, href: slug ? routes.team(locale, slug) : undefined };
  };
  const tables = agendaTables(week, agenda, f);
  const list = (id: string, title: string, deals: DealList, table: ViewTable): AgendaList => ({
    id,
    title,
    summary: `${f.number(deals.count)} · ${f.money(deals.amount)}`,
    groups: groupDeals(deals.deals, teamKey, ctx),
    table,
  });
  const next = isoWeekRange(addWeeks(week.week, 1));
  const behindByTeam = new Map<string, BehindOnGoal[]>();
  for (const row of agenda.behind) behindByTeam.set(row.teamId, [...(behindByTeam.get(row.teamId) ?? []), row]);
  return {
    tiles: tiles(week, agenda, f, report.meetings.attention.attainmentBelow),
    closing: {
      id: 'closing',
      title: t(locale, 'agenda.closing'),
      summary: t(locale, 'agenda.closing.desc', { range: f.range(week.range.start, next.end) }),
      groups:
        new Set(agenda.closing.deals.map((d) => d.owner.id)).size <= CLOSING_SELLER_GROUPS
          ? groupDeals(
              agenda.closing.deals,
              (d) => ({ key: d.owner.id, title: d.owner.name, href: d.owner.slug ? routes.seller(locale, d.owner.slug) : undefined }),
              ctx,
            )
          : groupDeals(agenda.closing.deals, teamKey, ctx, CLOSING_TEAM_ROWS),
      table: tables.closing,
    },
    behind: {
      groups: [...behindByTeam].map(([id, rows]) => {
        const entry = report.teams.find((tm) => tm.id === id);
        return {
          title: entry?.name ?? id,
          href: entry ? routes.team(locale, entry.slug) : undefined,
          count: rows.length,
          rows: rows.slice(0, BEHIND_PAGE_ROWS),
        };
      }),
      table: tables.behind,
    },
    lists: [
      list('won', t(locale, 'metric.dealsWon'), week.won, tables.won),
      list('lost', t(locale, 'metric.dealsLost'), week.lost, tables.lost),
      list('slipped', t(locale, 'agenda.slippedList'), agenda.slipped, tables.slipped),
      list('created', t(locale, 'meeting.weekly.newOpportunities'), week.created, tables.created),
    ],
  };
}
