/**
 * Customers worked: distinct accounts with customer contact this fiscal year, vs the yearly
 * `customers_worked` goal (domain §2, activity targets).
 *
 * @summary
 * - Count: distinct `accountId`s with at least one contact activity (`call`, `email`,
 *   `meeting_booked`, `meeting_held`, `proposal`) dated in fiscal year-to-date (first day of
 *   as-of's fiscal year … as-of). `note` and `task` are excluded: they are records and to-dos,
 *   not contact with the customer. Activities without an account are counted apart. The rule
 *   (types and window) is `CUSTOMER_CONTACT` (src/metrics/customer-contact.ts); the activity
 *   facts (src/model/activity-facts.ts) apply it per owner as the log streams.
 * - The scope's activities are those of its owners (a seller: one; a team: its members; the
 *   company: every owner in the log). A team's count is its distinct accounts, so an account
 *   worked by two sellers counts once.
 * - Goal: sum of the scope's `customers_worked` targets (`cadence: 'total'`) for as-of's fiscal
 *   year (`FY2026`); the caller passes the rows of one scope (or of the people it rolls up).
 * - Share = accounts worked ÷ goal; goalToDate = goal × elapsed share of the fiscal year.
 *
 * @example
 * // asOf 2026-07-02: elapsed share = 183/365
 * customersWorked(
 *   activityFactsOf([{ ownerId: 'u1', type: 'call', date: '2026-02-01', accountId: 'a1' },
 *    { ownerId: 'u1', type: 'meeting_held', date: '2026-05-01', accountId: 'a1' },
 *    { ownerId: 'u1', type: 'note', date: '2026-03-01', accountId: 'a2' }], { asOf: '2026-07-02', fiscalYearStartMonth: 1, contact: CUSTOMER_CONTACT }),
 *   ['u1'],
 *   [{ period: 'FY2026', cadence: 'total', measure: 'customers_worked', value: 40 }], ctx);
 * //=> { fiscalYear: 'FY2026', ytd: { start: '2026-01-01', end: '2026-07-02' }, accountsWorked: 1,
 * //     activitiesWithoutAccount: 0, goal: 40, share: 0.025, goalToDate: 20.05, elapsedShare: 0.50137 }
 */
import { accountsContactedBy, type ActivityFacts } from '../model/activity-facts.ts';
import type { Target } from '../core/records.ts';
import type { DateRange } from '../periods/calendar.ts';
import { elapsedShare, fiscalYearOf, fiscalYearRange } from '../periods/fiscal.ts';
import { CUSTOMER_CONTACT } from './customer-contact.ts';
import type { MetricContext } from './context.ts';
import { ratio } from './money.ts';

export interface CustomersWorked {
  /** `FY2026`. */
  fiscalYear: string;
  ytd: DateRange;
  accountsWorked: number;
  /** Contact activities in the period with no account (a data-quality signal). */
  activitiesWithoutAccount: number;
  /** Null when the scope has no `customers_worked` target for the fiscal year. */
  goal: number | null;
  share: number | null;
  goalToDate: number | null;
  elapsedShare: number;
}

export function customersWorked(
  facts: ActivityFacts,
  ownerIds: Iterable<string>,
  targets: readonly Pick<Target, 'period' | 'cadence' | 'measure' | 'value'>[],
  ctx: MetricContext,
): CustomersWorked {
  const start = ctx.settings.fiscalYearStartMonth;
  const fiscalYear = `FY${fiscalYearOf(ctx.asOf, start)}`;
  const ytd = CUSTOMER_CONTACT.window(ctx.asOf, start);
  const share = elapsedShare(fiscalYearRange(fiscalYearOf(ctx.asOf, start), start), ctx.asOf);
  if (facts.asOf !== ctx.asOf || facts.ytd.start !== ytd.start) {
    throw new Error(`activity facts gathered as of ${facts.asOf} (FY from ${facts.ytd.start}), asked as of ${ctx.asOf}`);
  }
  const owners = new Set(ownerIds);
  const accountsWorked = accountsContactedBy(facts, owners);
  let withoutAccount = 0;
  for (const id of owners) withoutAccount += facts.contactsWithoutAccountYtd.get(id) ?? 0;
  const goals = targets.filter((t) => t.measure === 'customers_worked' && t.cadence === 'total' && t.period === fiscalYear);
  const goal = goals.length > 0 ? goals.reduce((sum, t) => sum + t.value, 0) : null;
  return {
    fiscalYear,
    ytd,
    accountsWorked,
    activitiesWithoutAccount: withoutAccount,
    goal,
    share: goal === null ? null : ratio(accountsWorked, goal),
    goalToDate: goal === null ? null : Math.round(goal * share * 100) / 100,
    elapsedShare: share,
  };
}
