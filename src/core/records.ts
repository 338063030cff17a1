/**
 * The canonical records every later stage works on. Ingest + validation turn CRM rows into
 * these; nothing downstream sees a CSV string again.
 *
 * Dates are local calendar dates `YYYY-MM-DD` in the settings' time zone (timestamps are
 * converted before truncation), so string order is date order. Money is in the reporting
 * currency, major units, rounded to 2 decimals; sums go through `sumMoney` (integer cents).
 */
/** A local calendar date, `YYYY-MM-DD`, in the settings' time zone. */
export type IsoDate = string;

/** Where a record came from: file name relative to the data folder, 1-based physical line. */
export interface Located {
  file: string;
  line: number;
}

export const CHANNELS = ['renewal', 'upsell', 'winback', 'new'] as const;
export type Channel = (typeof CHANNELS)[number];
/**
 * The channels a deal can be counted in: the four channels, and `unset` for a deal whose export
 * gives no channel when tavla does not infer one (settings `channelInference`).
 */
export const CHANNEL_BUCKETS = [...CHANNELS, 'unset'] as const;
export type ChannelBucket = (typeof CHANNEL_BUCKETS)[number];

const DEAL_STATUSES = ['open', 'won', 'lost'] as const;
export type DealStatus = (typeof DEAL_STATUSES)[number];

/** Salesforce-style forecast categories; `omitted` deals are left out of the forecast. */
export const FORECAST_CATEGORIES = ['pipeline', 'best_case', 'commit', 'closed', 'omitted'] as const;
export type ForecastCategory = (typeof FORECAST_CATEGORIES)[number];

export const ACTIVITY_TYPES = ['call', 'email', 'meeting_booked', 'meeting_held', 'proposal', 'task', 'note'] as const;
export type ActivityType = (typeof ACTIVITY_TYPES)[number];

/**
 * The hats of the linked KPI chain (domain §4) and the specialist roles (domain §5).
 * One person may wear several.
 */
export const HATS = [
  'sales_director',
  'team_lead',
  'founder',
  'prospector',
  'online_manager',
  'campaign_manager',
  'sdr_outbound',
  'sdr_inbound',
  'account_executive',
  'account_manager',
  'nurture_owner',
] as const;
export type Hat = (typeof HATS)[number];

/** The close date of an open deal exported without one: after every period, never slipped. */
export const NO_CLOSE_DATE: IsoDate = '9999-12-31';

/** The created date of a deal exported without one: its age and cycle time are unknown ("–"). */
export const NO_CREATED_DATE: IsoDate = '';

/**
 * The fields of a deal that live in a column store (src/speed/stored-deal.ts), each named by one
 * entry of deals.csv's column table (src/schemas/deals.ts; a field missing there or here is a
 * type error). All but `forecastCategory` are the cell as read.
 */
export interface DealColumnFields {
  product?: string;
  contractStart?: IsoDate;
  contractEnd?: IsoDate;
  termMonths?: number;
  forecastCategory?: ForecastCategory;
  source?: string;
  lostReason?: string;
  /** The SDR who booked the first meeting / handed the opportunity over. */
  sdrId?: string;
  /** Last modification in the CRM. */
  updated?: IsoDate;
  /** The lead this deal was made from (leads.csv `id`), when the export names it. */
  leadId?: string;
  nextStep?: string;
}

export interface Deal extends Located, DealColumnFields {
  id: string;
  name: string;
  /** Empty string when the export names no account ("no account", a data-quality issue). */
  accountId: string;
  /** Empty string when the export has no owner (a data-quality issue, not a rejection). */
  ownerId: string;
  stageId: string;
  status: DealStatus;
  /** Contract value in the reporting currency. For multi-year contracts: the whole contract. */
  amount: number;
  /** Amount and currency as exported, before conversion. */
  amountOriginal: number;
  currency: string;
  /** `NO_CREATED_DATE` ('') when the export has none: counted as existing, of unknown age. */
  created: IsoDate;
  /**
   * Expected close date for open deals; the signing date for won deals; lost date for lost. An
   * open deal exported without one has `NO_CLOSE_DATE` (after every period) and `closeMissing`.
   */
  close: IsoDate;
  /** An open deal exported without an amount: `amount` is 0, shown as "amount not set". */
  amountMissing?: boolean;
  /** An open deal exported without an expected close date. */
  closeMissing?: boolean;
  /** Channel as given by the export (after the settings' value map), if any. */
  channelGiven?: Channel;
}

export interface Account extends Located {
  id: string;
  name: string;
  orgNumber?: string;
  ownerId: string;
  teamId?: string;
  segment?: string;
  country?: string;
  created?: IsoDate;
}

/**
 * The fields of an activity that activities.csv gives as they are, each named by one entry of
 * its column table (src/schemas/activities.ts; a field missing there or here is a type error).
 */
export interface ActivityColumnFields {
  durationMinutes?: number;
  leadId?: string;
}

export interface Activity extends Located, ActivityColumnFields {
  id: string;
  type: ActivityType;
  date: IsoDate;
  ownerId: string;
  accountId?: string;
  dealId?: string;
}

export interface User extends Located {
  id: string;
  name: string;
  email?: string;
  teamId: string;
  hats: Hat[];
  start?: IsoDate;
  end?: IsoDate;
}

export const TARGET_SCOPES = ['company', 'team', 'seller'] as const;
export type TargetScope = (typeof TARGET_SCOPES)[number];

/**
 * `volume:<channel>` and `volume:total` are sales volume in the reporting currency;
 * `activity:<type>` counts activities; `customers_worked` counts distinct accounts;
 * `revenue` is invoiced amount.
 */
export type TargetMeasure = `volume:${Channel | 'total'}` | `activity:${ActivityType}` | 'customers_worked' | 'revenue';

/** A target period: `FY2026` (fiscal year by its starting calendar year), `2026-03`, `2026-W47`. */
export interface Target extends Located {
  period: string;
  /** `total`: the value is for the whole period; `weekly`: the value is a goal for each ISO week in it. */
  cadence: 'total' | 'weekly';
  scope: TargetScope;
  /** Team id or user id; empty for company scope. */
  scopeId: string;
  measure: TargetMeasure;
  value: number;
}

/** Top-of-funnel counts per ISO week, optionally per team. */
export interface FunnelWeek extends Located {
  /** ISO week `2026-W47`. */
  week: string;
  teamId?: string;
  visits: number;
  leads: number;
  /** Leads not ready to buy, handed to the nurture pool this week. */
  nurture: number;
}

export interface Invoice extends Located {
  id: string;
  accountId: string;
  dealId?: string;
  date: IsoDate;
  amount: number;
}

/** A deal after the model's joins: its channel (given or inferred, with the reason). */
export interface ModelDeal extends Deal {
  channel: ChannelBucket;
  /** Human-readable reason code for the channel, e.g. `given`, `first-won-deal`, `continues-contract`. */
  channelReason: ChannelReason;
  /** Sales volume per contract year; equals `amount` for contracts of one year or less. */
  annualAmount: number;
  /** Contract years the amount was divided by (1 when unknown or ≤ 12 months). */
  contractYears: number;
  /** The owner's team, else the account's team, else `''`. */
  teamId: string;
}

export type ChannelReason =
  | 'given'
  | 'first-deal'
  | 'continues-contract'
  | 'active-customer'
  | 'passive-customer'
  /** No channel in the export and none inferred (inference off, or too little history). */
  | 'not-set';
