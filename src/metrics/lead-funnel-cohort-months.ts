/**
 * Monthly lead cohorts and how finished each is: of the leads created in a month, how many were
 * won by `asOf` and how many are still open (right-censored: an open lead may still convert, so
 * a recent cohort's conversion is a floor, not its final value).
 *
 * @summary
 * - One row per calendar month of the range that has leads (first link of a path with a lead,
 *   src/metrics/lead-funnel-paths.ts), up to `asOf`, oldest first.
 * - Won: the month's leads whose path reached won by `asOf`; open: neither won, lost nor turned
 *   down; conversion = won ÷ leads (never above 100 %: won is a subset of the leads).
 * - Deals without a lead are left out: they have no lead month. Without any export carrying the
 *   won link, won and conversion are null.
 *
 * @example
 * leadCohortMonths(leadPaths({ leads: [lead({ id: 'L1', created: '2026-01-05', dealId: 'D1' }),
 *   lead({ id: 'L2', created: '2026-02-06' })], deals: [deal({ id: 'D1', created: '2026-01-20', status: 'won',
 *   close: '2026-02-01' })], activities: [] }, '2026-03-31'), { start: '2026-01-01', end: '2026-12-31' })
 * //=> [{ month: '2026-01', leads: 1, won: 1, open: 0, conversion: 1 }, { month: '2026-02', leads: 1, won: 0, open: 1, conversion: 0 }]
 */
import type { DateRange } from '../periods/calendar.ts';
import { cohortOf } from './lead-funnel-by-source.ts';
import { WON_LINK, type LeadPaths } from './lead-funnel-paths.ts';
import { ratio } from './money.ts';

export interface LeadCohortMonth {
  month: string;
  leads: number;
  /** null when no export carries the won link. */
  won: number | null;
  open: number;
  conversion: number | null;
}

export function leadCohortMonths(linked: LeadPaths, range: DateRange): LeadCohortMonth[] {
  const months = new Map<string, LeadCohortMonth>();
  if (!linked.known[0]) return []; // no lead export: no lead months
  for (const p of cohortOf(linked.paths, range)) {
    if (p.entry !== 0) continue;
    const month = p.dates[0]!.slice(0, 7);
    let row = months.get(month);
    if (!row) months.set(month, (row = { month, leads: 0, won: 0, open: 0, conversion: null }));
    row.leads++;
    if (p.reached >= WON_LINK) row.won!++;
    if (!p.closed) row.open++;
  }
  return [...months.values()]
    .sort((a, b) => (a.month < b.month ? -1 : 1))
    .map((row) => (linked.known[WON_LINK] ? { ...row, conversion: ratio(row.won!, row.leads) } : { ...row, won: null }));
}
