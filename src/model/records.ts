/**
 * Everything validated, as read: the records of every export and the activity log's facts.
 * The record types themselves are shared vocabulary (src/core/records.ts).
 */
import type { Account, Activity, Deal, FunnelWeek, Invoice, Target, User } from '../core/records.ts';
import type { Lead } from '../schemas/leads.ts';
import type { ActivityFacts } from './activity-facts.ts';

export interface Records {
  deals: Deal[];
  accounts: Account[];
  /**
   * The activity rows kept as rows: customer meetings (booked and held) and rows a data-quality
   * check lists. Everything else in the activity log is summed into `activityFacts`.
   */
  activities: Activity[];
  /** Aggregates over every accepted activity row (src/model/activity-facts.ts). */
  activityFacts: ActivityFacts;
  users: User[];
  targets: Target[];
  funnel: FunnelWeek[];
  invoices: Invoice[];
  /** Lead-level export (leads.csv or a CRM's leads export); undefined when there is none. */
  leads?: Lead[];
}
