/**
 * Deal lists grouped for a meeting (per seller, per team): each group with its count and value
 * in the summary line, groups and deals largest first, every deal linking to its CRM record when
 * the setting gives an address. Cells are formatted here; the component only lays them out.
 */
import { t } from '../i18n/index.ts';
import type { DealLine } from '../report/deal-lines.ts';
import { sumMoney } from '../metrics/money.ts';
import { crmDealHref } from './crm-link.ts';
import type { Fmt } from './format-context.ts';

export interface DealRow {
  name: string;
  href?: string;
  account: string;
  owner: string;
  ownerHref?: string;
  stage: string;
  /** Contract value. */
  value: string;
  /** Annual sales volume (contract value per contract year). */
  annual: string;
  date: string;
  reason?: string;
}

export interface DealGroup {
  key: string;
  /** The group's anchor on the page, when something links to it (a chart's bar). */
  id?: string;
  title: string;
  href?: string;
  /** The group's own CSV download with every deal of the group, when it has one. */
  csvHref?: string;
  /** "3 · 1,2 mnkr". */
  summary: string;
  amount: number;
  /** The group's largest deals, at most `GROUP_PAGE_ROWS`; the list's CSV holds them all. */
  rows: DealRow[];
  /** Deals of the group not shown on the page (in the CSV). */
  hidden: number;
}

/** Deals a group shows on the page, so a week with many deals keeps the page small. */
const GROUP_PAGE_ROWS = 10;

export interface DealRowContext {
  f: Fmt;
  crmDealUrl: string | null;
  sellerHref: (slug: string) => string | undefined;
}

/** The stage column: the outcome for closed deals (won, lost), else the stage. */
export function outcomeOf(d: DealLine, f: Fmt): string {
  if (d.status === 'won') return t(f.locale, 'meeting.weekly.move.won');
  if (d.status === 'lost') return t(f.locale, 'meeting.weekly.move.lost');
  return d.stage;
}

export function dealRow(d: DealLine, ctx: DealRowContext): DealRow {
  const { f } = ctx;
  return {
    name: d.name,
    href: crmDealHref(ctx.crmDealUrl, d.id),
    account: d.account || t(f.locale, 'common.noAccount'),
    owner: d.owner.name,
    ownerHref: d.owner.slug ? ctx.sellerHref(d.owner.slug) : undefined,
    stage: outcomeOf(d, f),
    // An open deal exported without an amount or a close date shows that, never "0 kr" or a made-up day.
    value: d.amountMissing ? t(f.locale, 'common.amountNotSet') : f.money(d.amount),
    annual: d.amountMissing ? t(f.locale, 'common.amountNotSet') : f.money(d.annualAmount),
    date: d.closeMissing || d.close === '' ? '–' : f.date(d.close),
    reason: d.status === 'lost' ? (d.lostReason ?? t(f.locale, 'common.noReason')) : undefined,
  };
}

/** Groups deals by a key (owner, team), largest group first; deals keep their order (largest first). */
export function groupDeals(
  deals: readonly DealLine[],
  keyOf: (d: DealLine) => { key: string; title: string; href?: string },
  ctx: DealRowContext,
  pageRows = GROUP_PAGE_ROWS,
): DealGroup[] {
  const groups = new Map<string, { title: string; href?: string; deals: DealLine[] }>();
  for (const deal of deals) {
    const { key, title, href } = keyOf(deal);
    const group = groups.get(key) ?? { title, href, deals: [] };
    group.deals.push(deal);
    groups.set(key, group);
  }
  return [...groups]
    .map(([key, g]) => {
      const amount = sumMoney(g.deals.map((d) => d.amount));
      return {
        key,
        title: g.title,
        href: g.href,
        amount,
        summary: `${ctx.f.number(g.deals.length)} · ${ctx.f.money(amount)}`,
        rows: g.deals.slice(0, pageRows).map((d) => dealRow(d, ctx)),
        hidden: Math.max(0, g.deals.length - pageRows),
      };
    })
    .sort((a, b) => b.amount - a.amount || a.title.localeCompare(b.title, 'sv'));
}
