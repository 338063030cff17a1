/**
 * The linked funnel's one join: every lead with the deal it became, and every deal that no lead
 * became, as a path through the links leads → qualified → meetings → deals → won.
 *
 * @summary
 * - A lead names its deal (`deal_id`) or a deal names its lead (`lead_id`); both resolve. A deal
 *   claimed by two leads goes to the first in file order (`conflicts` counts the others); an id
 *   that names no record is counted in `unresolved` and the path goes on without it.
 * - The date of each link, dropped when after `asOf`: leads = the lead's created date;
 *   qualified = its qualified date; meetings = its meeting date, else the earliest held meeting
 *   (`meeting_held` activity) on its deal (a deal without a lead has no meetings link: it
 *   enters at deals); deals = the deal's created date, else the lead's
 *   converted date; won = the won deal's close date, else the lead's won date.
 * - A path has reached a link when it has the link's date or a later link's date (a deal made
 *   from a lead without a qualified date was qualified all the same), so every later count is a
 *   subset of the one before it. A deal without a lead enters at the deals link.
 * - Closed: won, or its deal lost, or (without a deal) the lead's status turned it down; all
 *   as of `asOf`. Every other path is still open.
 * - Source: the lead's source, else the deal's; `''` when both are blank.
 * - A link is known when at least one path has its own date for it; an unknown link has no
 *   count (no export carries it).
 *
 * @example
 * leadPaths({ leads: [lead({ id: 'L1', created: '2026-01-05', source: 'web', dealId: 'D1' })],
 *   deals: [deal({ id: 'D1', created: '2026-01-20', status: 'won', close: '2026-02-01', amount: 90 })],
 *   activities: [] }, '2026-03-31')
 * //=> { paths: [{ leadId: 'L1', dealId: 'D1', source: 'web', entry: 0, reached: 4, closed: true,
 * //       dates: ['2026-01-05', undefined, undefined, '2026-01-20', '2026-02-01'], wonAmount: 90, … }],
 * //     known: [true, false, false, true, true], leads: 1, deals: 1, unresolved: 0, conflicts: 0 }
 */
import type { Activity, Deal, IsoDate } from '../core/records.ts';
import type { Lead } from '../schemas/leads.ts';

export const LEAD_LINKS = ['leads', 'qualified', 'meetings', 'deals', 'won'] as const;
export type LeadLinkId = (typeof LEAD_LINKS)[number];
export const DEALS_LINK = 3;
export const WON_LINK = 4;

export interface LeadPath {
  leadId?: string;
  dealId?: string;
  /** `''`: no source on the lead or its deal. */
  source: string;
  /** The link the path starts at: 0 for a lead, 3 for a deal without a lead. */
  entry: number;
  /** Each link's own date, up to `asOf`. */
  dates: (IsoDate | undefined)[];
  /** The furthest link reached by `asOf`; -1 for a lead created after it (not in any count). */
  reached: number;
  closed: boolean;
  /** Who owned the lead (the SDR); the deal's SDR for a deal without a lead. */
  leadOwner: string;
  /** Who owned the deal; the lead's owner when there is no deal. */
  dealOwner: string;
  /** The won deal's amount (reporting currency); 0 when not won by `asOf`. */
  wonAmount: number;
}

export interface LeadPaths {
  paths: LeadPath[];
  known: boolean[];
  leads: number;
  deals: number;
  /** A `deal_id` or `lead_id` naming no record of the other file. */
  unresolved: number;
  /** Deals claimed by more than one lead: the later leads' claims. */
  conflicts: number;
}

export interface LeadPathInput {
  leads: readonly Lead[];
  deals: readonly Deal[];
  activities: readonly Activity[];
}

function firstMeetings(activities: readonly Activity[], asOf: IsoDate): Map<string, IsoDate> {
  const first = new Map<string, IsoDate>();
  for (const a of activities) {
    if (a.type !== 'meeting_held' || !a.dealId || a.date > asOf) continue;
    const known = first.get(a.dealId);
    if (known === undefined || a.date < known) first.set(a.dealId, a.date);
  }
  return first;
}

/**
 * Pairs leads with deals both ways; a deal goes to the first lead that claims it. Deals are
 * marked taken by their place in `deals` (a million deals need no set of objects).
 */
function pairs(input: LeadPathInput) {
  const { leads, deals } = input;
  const taken = new Uint8Array(deals.length);
  const dealOf: (Deal | undefined)[] = new Array(leads.length).fill(undefined);
  let unresolved = 0;
  let conflicts = 0;
  if (leads.length === 0) {
    for (const d of deals) if (d.leadId !== undefined) unresolved++;
    return { dealOf, taken, unresolved, conflicts };
  }
  const leadIds = new Set(leads.map((l) => l.id));
  const claimedBy = new Map<string, number>(); // lead id → the first deal naming it
  deals.forEach((d, i) => {
    if (d.leadId === undefined) return;
    if (!leadIds.has(d.leadId)) unresolved++;
    else if (!claimedBy.has(d.leadId)) claimedBy.set(d.leadId, i);
  });
  const named = leads.some((l) => l.dealId !== undefined) ? new Map(deals.map((d, i) => [d.id, i])) : undefined;
  leads.forEach((l, n) => {
    const byLead = l.dealId === undefined ? undefined : named!.get(l.dealId);
    if (l.dealId !== undefined && byLead === undefined) unresolved++;
    const i = byLead ?? claimedBy.get(l.id);
    if (i === undefined) return;
    if (taken[i] === 1) {
      conflicts++;
      return;
    }
    taken[i] = 1;
    dealOf[n] = deals[i];
  });
  return { dealOf, taken, unresolved, conflicts };
}

// An empty date (a deal exported without created date) is no date.
const upTo = (date: IsoDate | undefined, asOf: IsoDate) => (date !== undefined && date !== '' && date <= asOf ? date : undefined);

function pathOf(l: Lead | undefined, d: Deal | undefined, meetings: Map<string, IsoDate>, asOf: IsoDate): LeadPath {
  const won = d ? (d.status === 'won' ? upTo(d.close, asOf) : undefined) : upTo(l?.won, asOf);
  const dates = [
    upTo(l?.created, asOf),
    upTo(l?.qualified, asOf),
    upTo(l?.meeting, asOf) ?? (l && d ? meetings.get(d.id) : undefined),
    upTo(d?.created, asOf) ?? upTo(l?.converted, asOf),
    won,
  ];
  let reached = -1;
  dates.forEach((date, k) => {
    if (date !== undefined) reached = k;
  });
  if (l && dates[0] === undefined) reached = -1;
  const lost = d !== undefined && d.status === 'lost' && d.close <= asOf;
  return {
    leadId: l?.id,
    dealId: d?.id,
    source: l?.source ?? d?.source ?? '',
    entry: l ? 0 : DEALS_LINK,
    dates,
    reached,
    closed: won !== undefined || lost || (!d && l !== undefined && l.disqualified),
    leadOwner: l ? l.ownerId : (d?.sdrId ?? ''),
    dealOwner: d ? d.ownerId : (l?.ownerId ?? ''),
    wonAmount: won !== undefined && d ? d.amount : 0,
  };
}

export function leadPaths(input: LeadPathInput, asOf: IsoDate): LeadPaths {
  const meetings = firstMeetings(input.activities, asOf);
  const { dealOf, taken, unresolved, conflicts } = pairs(input);
  const paths = input.leads.map((l, i) => pathOf(l, dealOf[i], meetings, asOf));
  input.deals.forEach((d, i) => {
    if (taken[i] === 0) paths.push(pathOf(undefined, d, meetings, asOf));
  });
  const known = LEAD_LINKS.map((_, k) => paths.some((p) => p.dates[k] !== undefined));
  return { paths, known, leads: input.leads.length, deals: input.deals.length, unresolved, conflicts };
}
