/**
 * Stalled deals: open deals nobody has touched for too long (Pipedrive's "rotting" deals).
 *
 * @summary
 * - Last touch of a deal: the latest of its `created` date, its `updated` date and the date of
 *   any activity with its `dealId` (whoever logged it), counting only dates on or before `asOf`.
 *   The activity dates come from the activity facts' `lastByDeal` (src/model/activity-facts.ts).
 * - Stalled: open as of `asOf` (status `open`, created on or before `asOf`) and
 *   `asOf` − last touch ≥ N days, N = the stage's `stalledDays`, else `settings.stalledDays`.
 * - Listed with id, name, owner id, stage, amount (contract value), `annualAmount` (annual sales
 *   volume: the model's `annualAmount`, amount per contract year), last touch and days since it; longest
 *   untouched first (then by id). `count` and Σ `amount` of the listed deals.
 * - No period: a snapshot as of `asOf`. Channel: all; the caller passes one channel's deals.
 *
 * @example
 * stalledDeals([
 *   deal({ id: 'd1', status: 'open', created: '2026-01-01', amount: 100 }),                       // untouched 89 days
 *   deal({ id: 'd2', status: 'open', created: '2026-01-01', updated: '2026-03-20', amount: 200 }), // updated 11 days ago
 *   deal({ id: 'd3', status: 'open', created: '2026-01-01', amount: 300 }),                       // call 1 day ago
 * ], new Map([['d3', '2026-03-30']]), { settings, asOf: '2026-03-31' })                         // d3's call
 * //=> { asOf: '2026-03-31', count: 1, amount: 100, deals: [ { id: 'd1', name: 'Deal d1', ownerId: 'u1',
 * //     stageId: 'qualification', amount: 100, annualAmount: 100, lastTouch: '2026-01-01', daysSinceTouch: 89, stalledDays: 30 } ] }
 */
import type { IsoDate, ModelDeal } from '../core/records.ts';
import { daysBetween } from '../periods/calendar.ts';
import { stageOf, type MetricContext } from './context.ts';
import { sumMoney } from './money.ts';
import { openDeals } from './open-pipeline.ts';

export interface StalledDeal {
  id: string;
  name: string;
  ownerId: string;
  stageId: string;
  /** Contract value. */
  amount: number;
  /** Annual sales volume: the contract value per contract year (src/model/contract-years.ts). */
  annualAmount: number;
  lastTouch: IsoDate;
  daysSinceTouch: number;
  /** The threshold that applied: the stage's, else the settings' default. */
  stalledDays: number;
}

export interface StalledDeals {
  asOf: IsoDate;
  count: number;
  amount: number;
  deals: StalledDeal[];
}

export function stalledDeals(
  deals: readonly ModelDeal[],
  /** Latest activity date on or before as-of, per deal id. */
  lastActivity: ReadonlyMap<string, IsoDate>,
  ctx: MetricContext,
): StalledDeals {
  const stalled: StalledDeal[] = [];
  for (const deal of openDeals(deals, ctx.asOf)) {
    // An empty created date (exported without one) is no touch; a deal with no touch at all is not judged.
    const touches = [deal.created, deal.updated, lastActivity.get(deal.id)].filter(
      (date): date is IsoDate => date !== undefined && date !== '' && date <= ctx.asOf,
    );
    if (touches.length === 0) continue;
    const lastTouch = touches.reduce((latest, date) => (date > latest ? date : latest));
    const daysSinceTouch = daysBetween(lastTouch, ctx.asOf);
    const stalledDays = stageOf(ctx.settings, deal.stageId)?.stalledDays ?? ctx.settings.stalledDays;
    if (daysSinceTouch < stalledDays) continue;
    const { id, name, ownerId, stageId, amount } = deal;
    stalled.push({ id, name, ownerId, stageId, amount, annualAmount: deal.annualAmount, lastTouch, daysSinceTouch, stalledDays });
  }
  stalled.sort((a, b) => b.daysSinceTouch - a.daysSinceTouch || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return { asOf: ctx.asOf, count: stalled.length, amount: sumMoney(stalled.map((deal) => deal.amount)), deals: stalled };
}
