/**
 * The 1:1 page of one person: this month's deals won and lost with reasons, the deals to talk
 * about (past their close date, without recent activity, the largest open), activities against
 * the weekly goals and the person's own data-quality issues. An SDR's page leads with what an
 * SDR does: meetings booked, calls and deals handed over.
 */
import { t } from '../i18n/index.ts';
import type { ActivityType } from '../core/records.ts';
import type { DealLine } from '../report/deal-lines.ts';
import type { PublishedIssue, Report, SellerEntry } from '../report/site-model.ts';
import { dealRow, groupDeals, type DealGroup, type DealRowContext } from './deal-groups.ts';
import type { Fmt } from './format-context.ts';
import type { StatusTile } from './overview-view.ts';
import type { Routes } from './routes.ts';
import { statusOf } from './status.ts';
import { crmDealHref } from './crm-link.ts';
import { findList } from './quality-lists.ts';
import { listCsvId } from './quality-view.ts';

export const TALK_ROWS = 5;
/** The seller's own data-quality issues shown on the 1:1 page; the owner list and its CSV hold all. */
const ONE_ISSUE_ROWS = 5;

export interface OwnIssues {
  /** Every check issue the person owns (the owner list's length). */
  count: number;
  /** The first `ONE_ISSUE_ROWS` of them, in the owner list's order. */
  rows: PublishedIssue[];
  /** The person's full list (paged) and its CSV. */
  href: string;
  csvHref: string;
}

export interface OneOnOneView {
  isSdr: boolean;
  sdrTiles: StatusTile[];
  wonLost: DealGroup[];
  talk: DealGroup[];
  issues: OwnIssues;
}

/** The person's own check issues, from their owner list (the same list the quality pages show). */
function ownIssues(report: Report, seller: SellerEntry, f: Fmt, routes: Routes): OwnIssues {
  const list = findList(report, 'owner', seller.person.slug);
  const issues = list?.issues ?? [];
  return {
    count: issues.length,
    rows: issues.slice(0, ONE_ISSUE_ROWS),
    href: routes.qualityList(f.locale, 'owner', seller.person.slug),
    csvHref: routes.csv(f.locale, listCsvId({ kind: 'owner', slug: seller.person.slug })),
  };
}

function activityTile(seller: SellerEntry, type: ActivityType, f: Fmt, limit: number): StatusTile {
  const { locale } = f;
  const rows = seller.figures.activities.goalsRecentWeeks.filter((r) => r.type === type);
  const last = rows.at(-1);
  return {
    title: t(locale, `activity.${type}`),
    href: '#activity-goals',
    value: last ? t(locale, 'agenda.actualOfGoal', { actual: f.number(last.actual), goal: f.number(last.goal) }) : '–',
    sub: last ? t(locale, 'one.lastWeek', { week: f.week(last.week) }) : t(locale, 'one.noGoal'),
    status: last ? statusOf(last.share, limit) : undefined,
  };
}

export function oneOnOne(report: Report, seller: SellerEntry, f: Fmt, routes: Routes): OneOnOneView {
  const { locale } = f;
  const limit = report.meetings.attention.attainmentBelow;
  const ctx: DealRowContext = { f, crmDealUrl: report.meetings.crmDealUrl, sellerHref: (slug) => routes.seller(locale, slug) };
  const month = report.meetings.sellers.find((m) => m.id === seller.person.id);
  const isSdr = seller.hats.some((h) => h === 'sdr_outbound' || h === 'sdr_inbound');
  const open = new Map(seller.openDeals.deals.map((d) => [d.id, d]));
  const pipeline = seller.figures.pipeline;
  const row = (d: { id: string; name: string; amount: number; annualAmount: number; stageId: string }, date: string, note: string) => {
    const line = open.get(d.id);
    if (line) return { ...dealRow(line, ctx), reason: note };
    const stage = report.meta.stages.find((s) => s.id === d.stageId)?.label ?? d.stageId;
    return {
      name: d.name,
      href: crmDealHref(report.meetings.crmDealUrl, d.id),
      account: '',
      owner: seller.person.name,
      stage,
      value: f.money(d.amount),
      annual: f.money(d.annualAmount),
      date,
      reason: note,
    };
  };
  const group = (key: string, title: string, rows: DealGroup['rows'], count: number, amount: number): DealGroup => ({
    key,
    title,
    rows,
    amount,
    summary: `${f.number(count)} · ${f.money(amount)}`,
    hidden: 0,
  });
  const largest: DealLine[] = seller.openDeals.deals.slice(0, TALK_ROWS);
  const wonLost = month
    ? groupDeals(
        [...month.won.deals, ...month.lost.deals],
        (d) => ({ key: d.status, title: t(locale, d.status === 'won' ? 'metric.dealsWon' : 'metric.dealsLost') }),
        ctx,
      )
    : [];
  return {
    isSdr,
    sdrTiles: isSdr
      ? [
          activityTile(seller, 'meeting_booked', f, limit),
          activityTile(seller, 'call', f, limit),
          { title: t(locale, 'one.handedOver'), href: `${routes.section(locale, 'funnel')}#handoffs`, value: f.number(month?.handedOver ?? 0) },
        ]
      : [],
    wonLost,
    talk: [
      group(
        'overdue',
        t(locale, 'one.overdue'),
        pipeline.slipped.deals.slice(0, TALK_ROWS).map((d) => row(d, f.date(d.close), t(locale, 'pipeline.daysOverdue') + ': ' + f.number(d.daysOverdue))),
        pipeline.slipped.count,
        pipeline.slipped.amount,
      ),
      group(
        'stalled',
        t(locale, 'one.stalled'),
        pipeline.stalled.deals.slice(0, TALK_ROWS).map((d) => row(d, f.date(d.lastTouch), t(locale, 'pipeline.daysSince') + ': ' + f.number(d.daysSinceTouch))),
        pipeline.stalled.count,
        pipeline.stalled.amount,
      ),
      group(
        'largest',
        t(locale, 'one.largest'),
        largest.map((d) => dealRow(d, ctx)),
        seller.openDeals.count,
        seller.openDeals.amount,
      ),
    ].filter((g) => g.rows.length > 0),
    issues: ownIssues(report, seller, f, routes),
  };
}
