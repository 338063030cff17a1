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

/** The period figures of one row, added up path by path (one pass fills every row and the total). */
class PeriodTally {
  readonly #shown: number[];
  readonly #known: readonly boolean[];
  readonly #range: DateRange;
  readonly #count = LEAD_LINKS.map(() => 0);
  readonly #earlier = LEAD_LINKS.map(() => 0);
  #cents = 0;

  constructor(known: readonly boolean[], range: DateRange) {
    this.#known = known;
    this.#range = range;
    this.#shown = LEAD_LINKS.map((_, k) => k).filter((k) => known[k]);
  }

  add(p: LeadPath): void {
    for (const k of this.#shown) {
      const date = p.dates[k];
      if (date === undefined || !inRange(date, this.#range)) continue;
      this.#count[k]!++;
      if ((p.dates[p.entry] ?? date) < this.#range.start) this.#earlier[k]!++;
      if (k === WON_LINK) this.#cents += Math.round(p.wonAmount * 100);
    }
  }

  row(source: string): LeadPeriodRow {
    const known = this.#known;
    const links = LEAD_LINKS.map((id, k): LeadPeriodLink =>
      known[k] !== true ? { id, count: null, fromEarlier: null } : { id, count: this.#count[k]!, fromEarlier: this.#earlier[k]! },
    );
    return { source, links, wonAmount: known[WON_LINK] ? this.#cents / 100 : null };
  }
}

const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** A path with any link dated in the range. */
function active(p: LeadPath, range: DateRange): boolean {
  for (const date of p.dates) if (date !== undefined && inRange(date, range)) return true;
  return false;
}

export function leadFunnelPeriod(linked: LeadPaths, range: DateRange, asOf: IsoDate): LeadFunnelPeriod {
  const total = new PeriodTally(linked.known, range);
  const bySource = new Map<string, PeriodTally>();
  for (const p of linked.paths) {
    if (!active(p, range)) continue;
    let tally = bySource.get(p.source);
    if (!tally) bySource.set(p.source, (tally = new PeriodTally(linked.known, range)));
    tally.add(p);
    total.add(p);
  }
  const size = (row: LeadPeriodRow, k: number) => row.links[k]!.count ?? 0;
  const rows = [...bySource].map(([source, tally]) => tally.row(source));
  rows.sort((a, b) => size(b, 0) - size(a, 0) || size(b, 3) - size(a, 3) || byText(a.source, b.source));
  return { range: { start: range.start, end: range.end }, asOf, rows, total: total.row('') };
}
