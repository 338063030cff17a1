/**
 * Customer contact: which logged activities count as working a customer, and in which window —
 * the rule behind "customers worked" (src/metrics/customers-worked.ts). The activity log is
 * summed while it streams (src/model/activity-facts.ts), so the log's reader hands this rule to
 * the facts (`contact` of their options) instead of the facts deciding it.
 *
 * @summary
 * - A customer contact is an activity of one of the contact types: `call`, `email`,
 *   `meeting_booked`, `meeting_held`, `proposal`. `note` and `task` are not: they are records
 *   and to-dos, not contact with the customer.
 * - Window: fiscal year-to-date, the first day of as-of's fiscal year … as-of, both included
 *   (an activity dated after as-of is planned, not done).
 *
 * @example
 * CUSTOMER_CONTACT.types.has('meeting_held') //=> true
 * CUSTOMER_CONTACT.types.has('note') //=> false
 * CUSTOMER_CONTACT.window('2026-07-02', 4) // fiscal years from April
 * //=> { start: '2026-04-01', end: '2026-07-02' }
 */
import type { ActivityType } from '../core/records.ts';
import type { ContactRule } from '../model/activity-facts.ts';
import { yearToDate } from '../periods/fiscal.ts';

export const CUSTOMER_CONTACT: ContactRule = {
  types: new Set<ActivityType>(['call', 'email', 'meeting_booked', 'meeting_held', 'proposal']),
  window: (asOf, fiscalYearStartMonth) => yearToDate(asOf, fiscalYearStartMonth),
};
