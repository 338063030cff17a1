/**
 * The cohort funnel by owner: at each link, who held the lead when it got there (the hats of
 * the linked chain: the lead's owner, the SDR, for leads, qualified and meetings; the deal's
 * owner, the closer, for deals and won).
 *
 * @summary
 * - Cohort and reaching a link as in src/metrics/lead-funnel-by-source.ts.
 * - Count of an owner at a link: cohort paths that reached the link and whose owner at that
 *   link (lead owner for leads/qualified/meetings, deal owner for deals/won) is the person.
 * - Conversion of an owner at a link: of the paths the person held at the previous known link,
 *   the share that reached this one (so never above 100 %); null for the first known link.
 * - Blank owner `''` is its own row. Sorted by the first known link's count, then deals, then id.
 *
 * @example
 * leadFunnelByOwner(leadPaths({ leads: [lead({ id: 'L1', created: '2026-01-05', ownerId: 's1', dealId: 'D1' }),
 *   lead({ id: 'L2', created: '2026-01-06', ownerId: 's1' })], deals: [deal({ id: 'D1', ownerId: 'c1',
 *   created: '2026-01-20', status: 'won', close: '2026-02-01' })], activities: [] }, '2026-03-31'),
 *   { start: '2026-01-01', end: '2026-12-31' })
 * //=> [{ ownerId: 's1', links: [{ id: 'leads', count: 2, conversion: null }, …, { id: 'deals', count: 0, conversion: 0.5 }, …] },
 * //    { ownerId: 'c1', links: [{ id: 'leads', count: 0, … }, …, { id: 'deals', count: 1, … }, { id: 'won', count: 1, conversion: 1 }] }]
 */
import type { DateRange } from '../periods/calendar.ts';
import { cohortOf } from './lead-funnel-by-source.ts';
import { DEALS_LINK, LEAD_LINKS, type LeadLinkId, type LeadPath, type LeadPaths } from './lead-funnel-paths.ts';
import { ratio } from './money.ts';

export interface OwnerLink {
  id: LeadLinkId;
  count: number | null;
  conversion: number | null;
}

export interface LeadOwnerRow {
  ownerId: string;
  links: OwnerLink[];
}

const ownerAt = (p: LeadPath, k: number) => (k < DEALS_LINK ? p.leadOwner : p.dealOwner);
const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

export function leadFunnelByOwner(linked: LeadPaths, range: DateRange): LeadOwnerRow[] {
  const cohort = cohortOf(linked.paths, range);
  const known = LEAD_LINKS.map((_, k) => k).filter((k) => linked.known[k]);
  // Per owner and link: the paths the owner held there (one pass over the cohort per link).
  const held = new Map<string, LeadPath[][]>();
  for (const k of known) {
    for (const p of cohort) {
      if (p.entry > k || p.reached < k) continue;
      const owner = ownerAt(p, k);
      let lists = held.get(owner);
      if (!lists) held.set(owner, (lists = LEAD_LINKS.map(() => [])));
      lists[k]!.push(p);
    }
  }
  const rows = [...held].map(([ownerId, lists]): LeadOwnerRow => {
    let previous = -1;
    const links = LEAD_LINKS.map((id, k): OwnerLink => {
      if (!linked.known[k]) return { id, count: null, conversion: null };
      const conversion = previous < 0 ? null : ratio(lists[previous]!.filter((p) => p.reached >= k).length, lists[previous]!.length);
      previous = k;
      return { id, count: lists[k]!.length, conversion };
    });
    return { ownerId, links };
  });
  const first = known[0] ?? -1;
  const size = (row: LeadOwnerRow, k: number) => (k < 0 ? 0 : (row.links[k]!.count ?? 0));
  return rows.sort((a, b) => size(b, first) - size(a, first) || size(b, DEALS_LINK) - size(a, DEALS_LINK) || byText(a.ownerId, b.ownerId));
}
