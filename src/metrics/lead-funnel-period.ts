/**
 * The funnel by source, as a period view: what happened at each link in the range, whenever the
 * lead came in. No conversion is given: a deal won in the range may come from a lead of an
 * earlier range, so a ratio of two period counts is not a conversion and can pass 100 %.
 *
 * @summary
 * - Count at a link: paths (src/metrics/lead-funnel-paths.ts) with the link's own date in the
 *   range, up to `asOf` (leads created, qualified, first meeting held, deals created, deals won
 *   by close date). A link no export carries has count `null`.
 * - From earlier: of those, the paths whose first link (lead created, or deal created for a deal
 *   without a lead) is dated before the range: counted here, in the period it happened, and in
 *   the cohort view of the range the lead was created in.
 * - Won volume: Σ amount of the deals won in the range.
 * - One row per source (blank `''`), sorted by leads then deals (descending) then name; `total`
 *   is the same over every source.
 *
 * @example
 * leadFunnelPeriod(leadPaths({ leads: [lead({ id: 'L1', created: '2025-12-20', source: 'web', dealId: 'D1' })],
 *   deals: [deal({ id: 'D1', created: '2026-01-10', status: 'won', close: '2026-02-01', amount: 90 })],
 *   activities: [] }, '2026-03-31'), { start: '2026-01-01', end: '2026-12-31' }, '2026-03-31')
 * //=> { rows: [{ source: 'web', links: [{ id: 'leads', count: 0, fromEarlier: 0 }, { id: 'qualified', count: null, … }, …,
 * //       { id: 'deals', count: 1, fromEarlier: 1 }, { id: 'won', count: 1, fromEarlier: 1 }], wonAmount: 90 }], total: … }
 */
import type { IsoDate } from '../core/records.ts';
import { inRange, type DateRange } from '../periods/calendar.ts';
import { LEAD_LINKS, WON_LINK, type LeadLinkId, type LeadPath, type LeadPaths } from './lead-funnel-paths.ts';
import { sumMoney } from './money.ts';

export interface LeadPeriodLink {
  id: LeadLinkId;
  count: number | null;
  /** Of `count`, the paths that started before the range. */
  fromEarlier: number | null;
}

export interface LeadPeriodRow {
  source: string;
  links: LeadPeriodLink[];
  /** null when no export carries the won link. */
  wonAmount: number | null;
}

export interface LeadFunnelPeriod {
  range: DateRange;
  asOf: IsoDate;
  rows: LeadPeriodRow[];
  total: LeadPeriodRow;
}

function periodRow(source: string, paths: readonly LeadPath[], known: readonly boolean[], range: DateRange): LeadPeriodRow {
  const links = LEAD_LINKS.map((id, k): LeadPeriodLink => {
    if (known[k] !== true) return { id, count: null, fromEarlier: null };
    const here = paths.filter((p) => p.dates[k] !== undefined && inRange(p.dates[k]!, range));
    const earlier = here.filter((p) => (p.dates[p.entry] ?? p.dates[k]!) < range.start);
    return { id, count: here.length, fromEarlier: earlier.length };
  });
  const won = paths.filter((p) => p.dates[WON_LINK] !== undefined && inRange(p.dates[WON_LINK]!, range));
  return { source, links, wonAmount: known[WON_LINK] ? sumMoney(won.map((p) => p.wonAmount)) : null };
}

const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

export function leadFunnelPeriod(linked: LeadPaths, range: DateRange, asOf: IsoDate): LeadFunnelPeriod {
  const active = linked.paths.filter((p) => p.dates.some((date) => date !== undefined && inRange(date, range)));
  const bySource = new Map<string, LeadPath[]>();
  for (const p of active) {
    const list = bySource.get(p.source);
    if (list) list.push(p);
    else bySource.set(p.source, [p]);
  }
  const size = (row: LeadPeriodRow, k: number) => row.links[k]!.count ?? 0;
  const rows = [...bySource].map(([source, paths]) => periodRow(source, paths, linked.known, range));
  rows.sort((a, b) => size(b, 0) - size(a, 0) || size(b, 3) - size(a, 3) || byText(a.source, b.source));
  return { range: { start: range.start, end: range.end }, asOf, rows, total: periodRow('', active, linked.known, range) };
}
