/**
 * The linked funnel from lead-level exports, for every period a leadership team asks about: the
 * last 12 months, each fiscal year the export reaches, and the whole export. Each period has a
 * stable slug (`last-12-months`, `fy2025`, `all`) and both views, cohort and period, kept apart.
 * Also what each missing export leaves out, so the page can say which export would fill it.
 */
import { leadFunnelByOwner, type LeadOwnerRow } from '../metrics/lead-funnel-by-owner.ts';
import { leadFunnelBySource, type LeadFunnelCohort } from '../metrics/lead-funnel-by-source.ts';
import { leadCohortMonths, type LeadCohortMonth } from '../metrics/lead-funnel-cohort-months.ts';
import { leadPaths, type LeadPath } from '../metrics/lead-funnel-paths.ts';
import { leadFunnelPeriod, type LeadFunnelPeriod } from '../metrics/lead-funnel-period.ts';
import type { Activity, Deal, IsoDate } from '../core/records.ts';
import type { DateRange } from '../periods/calendar.ts';
import { fiscalYearOf, fiscalYearRange } from '../periods/fiscal.ts';
import type { Lead } from '../schemas/leads.ts';

export type LeadFunnelPeriodKind = 'trailing' | 'fiscalYear' | 'all';

export interface LeadFunnelPeriodEntry {
  /** Stable address segment: `last-12-months`, `fy2025`, `all`. */
  slug: string;
  kind: LeadFunnelPeriodKind;
  /** `FY2025` for a fiscal year; empty otherwise. */
  label: string;
  range: DateRange;
  cohort: LeadFunnelCohort;
  period: LeadFunnelPeriod;
  /** With the owner's published name. */
  owners: (LeadOwnerRow & { name: string })[];
  months: LeadCohortMonth[];
}

export interface LeadFunnelSection {
  /** Which exports the chain could be built from. */
  inputs: { leads: boolean; deals: boolean; aggregateFunnel: boolean; meetings: boolean };
  /** Per link (leads, qualified, meetings, deals, won): does any export carry it. */
  known: boolean[];
  leads: number;
  deals: number;
  /** Deals linked to a lead (either way). */
  linkedDeals: number;
  unresolved: number;
  conflicts: number;
  periods: LeadFunnelPeriodEntry[];
}

export interface LeadFunnelInput {
  leads: readonly Lead[] | undefined;
  deals: readonly Deal[];
  activities: readonly Activity[];
  aggregateFunnel: boolean;
}

/** The first day any path starts (its first link), or undefined without paths. */
function firstDay(paths: readonly LeadPath[]): IsoDate | undefined {
  let first: IsoDate | undefined;
  for (const p of paths) {
    const start = p.dates[p.entry];
    if (start !== undefined && (first === undefined || start < first)) first = start;
  }
  return first;
}

/** Last 12 months, each fiscal year from the first path's to the as-of date's (newest first), the whole export. */
export function leadFunnelRanges(first: IsoDate | undefined, asOf: IsoDate, trailing: DateRange, startMonth: number) {
  const ranges: { slug: string; kind: LeadFunnelPeriodKind; label: string; range: DateRange }[] = [
    { slug: 'last-12-months', kind: 'trailing', label: '', range: trailing },
  ];
  if (first === undefined) return ranges;
  for (let year = fiscalYearOf(asOf, startMonth); year >= fiscalYearOf(first, startMonth); year--) {
    ranges.push({ slug: `fy${year}`, kind: 'fiscalYear', label: `FY${year}`, range: fiscalYearRange(year, startMonth) });
  }
  ranges.push({ slug: 'all', kind: 'all', label: '', range: { start: first, end: asOf } });
  return ranges;
}

export interface LeadFunnelOptions {
  asOf: IsoDate;
  trailing: DateRange;
  fiscalYearStartMonth: number;
  /** A person's published name (initials when the settings ask). */
  name: (id: string) => string;
}

export function leadFunnelSection(input: LeadFunnelInput, { asOf, trailing, fiscalYearStartMonth, name }: LeadFunnelOptions): LeadFunnelSection {
  const linked = leadPaths({ leads: input.leads ?? [], deals: input.deals, activities: input.activities }, asOf);
  const ranges = leadFunnelRanges(firstDay(linked.paths), asOf, trailing, fiscalYearStartMonth);
  return {
    inputs: {
      leads: input.leads !== undefined,
      deals: input.deals.length > 0,
      aggregateFunnel: input.aggregateFunnel,
      meetings: linked.known[2] === true,
    },
    known: linked.known,
    leads: linked.leads,
    deals: linked.deals,
    linkedDeals: linked.paths.filter((p) => p.leadId !== undefined && p.dealId !== undefined).length,
    unresolved: linked.unresolved,
    conflicts: linked.conflicts,
    periods: ranges.map(({ slug, kind, label, range }) => ({
      slug,
      kind,
      label,
      range,
      cohort: leadFunnelBySource(linked, range, asOf),
      period: leadFunnelPeriod(linked, range, asOf),
      owners: leadFunnelByOwner(linked, range).map((row) => ({ ...row, name: name(row.ownerId) })),
      months: leadCohortMonths(linked, range),
    })),
  };
}
