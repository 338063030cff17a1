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
import { ratio } from './money.ts';

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
  const sorted = Float64Array.from(values).sort(); // a typed array sorts numerically
  const middle = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

/** The figures of one row, added up path by path (one pass fills every row and the total). */
class RowTally {
  readonly #shown: number[];
  readonly #known: readonly boolean[];
  readonly #count = LEAD_LINKS.map(() => 0);
  readonly #before = LEAD_LINKS.map(() => 0);
  readonly #after = LEAD_LINKS.map(() => 0);
  readonly #stoppedAt = LEAD_LINKS.map(() => 0);
  readonly #days: number[][] = LEAD_LINKS.map(() => []);
  #leads = 0;
  #wonLeads = 0;
  #open = 0;
  #withoutLead = 0;
  #cents = 0;

  constructor(known: readonly boolean[]) {
    this.#known = known;
    this.#shown = LEAD_LINKS.map((_, k) => k).filter((k) => known[k]);
  }

  add(p: LeadPath): void {
    if (p.reached >= 0 && !p.closed) this.#open++;
    if (p.entry > 0 && p.reached >= p.entry) this.#withoutLead++;
    if (p.entry === 0 && p.reached >= 0) {
      this.#leads++;
      this.#stoppedAt[p.reached]!++;
      if (p.reached === WON) this.#wonLeads++;
    }
    this.#cents += Math.round(p.wonAmount * 100);
    const shown = this.#shown;
    for (let j = 0; j < shown.length; j++) {
      const k = shown[j]!;
      if (p.entry <= k && p.reached >= k) this.#count[k]!++;
      if (j === 0) continue;
      // Of the paths at the previous known link: how many got here, and in how many days.
      const from = shown[j - 1]!;
      if (p.entry > from || p.reached < from) continue;
      this.#before[k]!++;
      if (p.reached >= k) this.#after[k]!++;
      const start = p.dates[from];
      const end = p.dates[k];
      if (start !== undefined && end !== undefined) this.#days[k]!.push(dayNumber(end) - dayNumber(start));
    }
  }

  row(source: string): LeadFunnelRow {
    const known = this.#known;
    const links = LEAD_LINKS.map((id, k): LeadLinkFigures => {
      if (known[k] !== true) return { id, count: null, conversion: null, medianDays: null };
      const first = k === this.#shown[0];
      return {
        id,
        count: this.#count[k]!,
        conversion: first ? null : ratio(this.#after[k]!, this.#before[k]!),
        medianDays: first ? null : median(this.#days[k]!),
      };
    });
    return {
      source,
      links,
      open: this.#open,
      wonAmount: known[WON] ? this.#cents / 100 : null,
      withoutLead: this.#withoutLead,
      leadToWon: known[WON] ? ratio(this.#wonLeads, this.#leads) : null,
      stoppedAt: [...this.#stoppedAt],
    };
  }
}

/** The funnel figures of one group of paths. */
export function funnelRow(source: string, paths: readonly LeadPath[], known: readonly boolean[]): LeadFunnelRow {
  const tally = new RowTally(known);
  for (const p of paths) tally.add(p);
  return tally.row(source);
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
  const total = new RowTally(linked.known);
  const bySource = new Map<string, RowTally>();
  for (const p of linked.paths) {
    const start = p.dates[p.entry];
    if (p.reached < p.entry || start === undefined || !inRange(start, range)) continue; // cohortOf
    let tally = bySource.get(p.source);
    if (!tally) bySource.set(p.source, (tally = new RowTally(linked.known)));
    tally.add(p);
    total.add(p);
  }
  const size = (row: LeadFunnelRow, k: number) => row.links[k]!.count ?? 0;
  const rows = [...bySource].map(([source, tally]) => tally.row(source));
  rows.sort((a, b) => size(b, 0) - size(a, 0) || size(b, 3) - size(a, 3) || byText(a.source, b.source));
  return { range: { start: range.start, end: range.end }, asOf, rows, total: total.row('') };
}
