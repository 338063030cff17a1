/**
 * The funnel by source, as a cohort: the leads created in the range (and deals without a lead
 * created in it), followed through every link up to `asOf`, one row per source.
 *
 * @summary
 * - Cohort: the paths (src/metrics/lead-funnel-paths.ts) whose first link (lead created, or deal
 *   created for a deal without a lead) is dated in the range, up to `asOf`.
 * - Count at a link: the cohort's paths that reached it by `asOf`. A link no export carries has
 *   count `null` (shown "–"), as do leads, qualified and meetings when there is no lead at all.
 * - Conversion at a link: of the paths at the previous known link, the share that reached this
 *   one. Deals without a lead join at the deals link and are not in the leads → deals
 *   conversion, so no conversion exceeds 100 %. The first known link has none.
 * - Median days: over the paths with both links' own dates, the middle number of days from the
 *   previous known link to this one (mean of the two middle ones for an even count).
 * - Lead → won: of the cohort's leads, the share won by `asOf` (deals without a lead left out);
 *   null when no export carries the won link.
 *   Stopped at: per link, the cohort's leads whose furthest link is that one, open or closed;
 *   they add up to the leads and show where a source loses its leads.
 * - Open: cohort paths neither won, lost nor turned down as of `asOf`: right-censored, their
 *   cohort can still convert. Won volume: Σ amount of the cohort's deals won by `asOf`.
 * - One row per source, blank as `''` ("(none)"), sorted by leads then deals (descending),
 *   then name; `total` is the same figures over every source, so the rows add up to it.
 *
 * @example
 * leadFunnelBySource(leadPaths({ leads: [lead({ id: 'L1', created: '2026-01-05', source: 'web', dealId: 'D1' }),
 *   lead({ id: 'L2', created: '2026-01-06', source: 'web' })], deals: [deal({ id: 'D1', created: '2026-01-20',
 *   status: 'won', close: '2026-02-01', amount: 90 })], activities: [] }, '2026-03-31'),
 *   { start: '2026-01-01', end: '2026-12-31' }, '2026-03-31')
 * //=> { rows: [{ source: 'web', links: [{ id: 'leads', count: 2, … }, { id: 'qualified', count: null, … },
 * //       { id: 'meetings', count: null, … }, { id: 'deals', count: 1, conversion: 0.5, medianDays: 15 },
 * //       { id: 'won', count: 1, conversion: 1, medianDays: 12 }], open: 1, wonAmount: 90, withoutLead: 0 }], total: … }
 */
import type { IsoDate } from '../core/records.ts';
import { dayNumber, inRange, type DateRange } from '../periods/calendar.ts';
import { LEAD_LINKS, WON_LINK as WON, type LeadLinkId, type LeadPath, type LeadPaths } from './lead-funnel-paths.ts';
import { ratio, sumMoney } from './money.ts';

export interface LeadLinkFigures {
  id: LeadLinkId;
  /** null: no export carries this link. */
  count: number | null;
  /** Of the paths at the previous known link, the share that reached this one; null for the first. */
  conversion: number | null;
  medianDays: number | null;
}

export interface LeadFunnelRow {
  /** `''`: no source given. */
  source: string;
  links: LeadLinkFigures[];
  open: number;
  /** null when no export carries the won link. */
  wonAmount: number | null;
  /** Deals in the cohort that came from no lead. */
  withoutLead: number;
  /** Won ÷ leads, over the cohort's leads only (deals without a lead left out). */
  leadToWon: number | null;
  /** Per link, the cohort's leads whose furthest link by `asOf` is that one (they add up to the leads). */
  stoppedAt: number[];
}

export interface LeadFunnelCohort {
  range: DateRange;
  asOf: IsoDate;
  rows: LeadFunnelRow[];
  total: LeadFunnelRow;
}

/** The middle of the numbers (mean of the two middle ones); null when there are none. */
export function median(values: number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

/** The funnel figures of one group of paths. */
export function funnelRow(source: string, paths: readonly LeadPath[], known: readonly boolean[]): LeadFunnelRow {
  const leads = paths.filter((p) => p.entry === 0 && p.reached >= 0);
  let previous = -1;
  const links = LEAD_LINKS.map((id, k): LeadLinkFigures => {
    if (known[k] !== true) return { id, count: null, conversion: null, medianDays: null };
    const count = paths.filter((p) => p.entry <= k && p.reached >= k).length;
    let conversion: number | null = null;
    let medianDays: number | null = null;
    if (previous >= 0) {
      const from = previous;
      const before = paths.filter((p) => p.entry <= from && p.reached >= from);
      conversion = ratio(before.filter((p) => p.reached >= k).length, before.length);
      const days = before
        .filter((p) => p.dates[from] !== undefined && p.dates[k] !== undefined)
        .map((p) => dayNumber(p.dates[k]!) - dayNumber(p.dates[from]!));
      medianDays = median(days);
    }
    previous = k;
    return { id, count, conversion, medianDays };
  });
  return {
    source,
    links,
    open: paths.filter((p) => p.reached >= 0 && !p.closed).length,
    wonAmount: known[WON] ? sumMoney(paths.map((p) => p.wonAmount)) : null,
    withoutLead: paths.filter((p) => p.entry > 0 && p.reached >= p.entry).length,
    leadToWon: known[WON] ? ratio(leads.filter((p) => p.reached === WON).length, leads.length) : null,
    stoppedAt: LEAD_LINKS.map((_, k) => leads.filter((p) => p.reached === k).length),
  };
}

/** The cohort of a range: paths whose first link is dated in it (up to `asOf`, by construction). */
export function cohortOf(paths: readonly LeadPath[], range: DateRange): LeadPath[] {
  return paths.filter((p) => {
    const start = p.dates[p.entry];
    return p.reached >= p.entry && start !== undefined && inRange(start, range);
  });
}

const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

export function leadFunnelBySource(linked: LeadPaths, range: DateRange, asOf: IsoDate): LeadFunnelCohort {
  const cohort = cohortOf(linked.paths, range);
  const bySource = new Map<string, LeadPath[]>();
  for (const p of cohort) {
    const list = bySource.get(p.source);
    if (list) list.push(p);
    else bySource.set(p.source, [p]);
  }
  const size = (row: LeadFunnelRow, k: number) => row.links[k]!.count ?? 0;
  const rows = [...bySource].map(([source, paths]) => funnelRow(source, paths, linked.known));
  rows.sort((a, b) => size(b, 0) - size(a, 0) || size(b, 3) - size(a, 3) || byText(a.source, b.source));
  return { range: { start: range.start, end: range.end }, asOf, rows, total: funnelRow('', cohort, linked.known) };
}
