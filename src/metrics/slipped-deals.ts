/**
 * Slipped deals: open deals whose expected close date has already passed.
 *
 * @summary
 * - Slipped: open as of `asOf` (status `open`, created on or before `asOf`) with `close`
 *   before `asOf` (a deal expected to close today has not slipped yet).
 * - Listed with id, name, owner id, stage, amount (contract value), `annualAmount` (annual sales
 *   volume: the model's `annualAmount`, amount per contract year), close date and `daysOverdue` = `asOf` −
 *   `close`; most overdue first (then by id). `count` and Σ `amount` of the listed deals.
 * - No period: a snapshot as of `asOf`. Channel: all; the caller passes one channel's deals.
 *
 * @example
 * slippedDeals([
 *   deal({ id: 'd1', status: 'open', close: '2026-03-01', amount: 100 }), // 30 days overdue
 *   deal({ id: 'd2', status: 'open', close: '2026-03-31', amount: 200 }), // due today
 *   deal({ id: 'd3', status: 'won', close: '2026-02-01', amount: 300 }),  // not open
 * ], { settings, asOf: '2026-03-31' })
 * //=> { asOf: '2026-03-31', count: 1, amount: 100, deals: [ { id: 'd1', name: 'Deal d1', ownerId: 'u1',
 * //     stageId: 'qualification', amount: 100, annualAmount: 100, close: '2026-03-01', daysOverdue: 30 } ] }
 */
import type { IsoDate, ModelDeal } from '../core/records.ts';
import { daysBetween } from '../periods/calendar.ts';
import type { MetricContext } from './context.ts';
import { sumMoney } from './money.ts';
import { openDeals } from './open-pipeline.ts';

export interface SlippedDeal {
  id: string;
  name: string;
  ownerId: string;
  stageId: string;
  /** Contract value. */
  amount: number;
  /** Annual sales volume: the contract value per contract year (src/model/contract-years.ts). */
  annualAmount: number;
  close: IsoDate;
  daysOverdue: number;
}

export interface SlippedDeals {
  asOf: IsoDate;
  count: number;
  amount: number;
  deals: SlippedDeal[];
}

export function slippedDeals(deals: readonly ModelDeal[], ctx: MetricContext): SlippedDeals {
  const slipped: SlippedDeal[] = openDeals(deals, ctx.asOf)
    .filter((deal) => deal.close < ctx.asOf)
    .map((deal) => ({
      id: deal.id,
      name: deal.name,
      ownerId: deal.ownerId,
      stageId: deal.stageId,
      amount: deal.amount,
      annualAmount: deal.annualAmount,
      close: deal.close,
      daysOverdue: daysBetween(deal.close, ctx.asOf),
    }));
  slipped.sort((a, b) => b.daysOverdue - a.daysOverdue || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return { asOf: ctx.asOf, count: slipped.length, amount: sumMoney(slipped.map((deal) => deal.amount)), deals: slipped };
}
