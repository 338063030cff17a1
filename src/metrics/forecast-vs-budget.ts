/**
 * Forecast against the period's budget, in the budget's unit (annual sales volume): closed, then
 * commit, then best case stacked, and what remains to budget.
 *
 * @summary
 * - Deals and categories as `forecastCategories` (won in the period up to as-of = closed; open
 *   deals by expected close date and their category; lost and `pipeline`/`omitted` left out of the
 *   stack), but summed as `annualAmount`, the unit budgets and attainment use.
 * - commitTotal = closed + commit; bestCaseTotal = commitTotal + best case.
 * - remaining = budget − closed (what still has to be won; negative when beaten);
 *   gapAfterCommit = budget − commitTotal. Both `null` when there is no budget.
 *
 * @example
 * forecastVsBudget([
 *   deal({ status: 'won', close: '2026-10-05', annualAmount: 100 }),
 *   deal({ stageId: 'negotiation', close: '2026-12-01', annualAmount: 50 }),   // commit
 *   deal({ stageId: 'proposal', close: '2026-12-15', annualAmount: 40 }),      // best case
 * ], { start: '2026-10-01', end: '2026-12-31' }, 300, { settings, asOf: '2026-11-20' })
 * //=> { closed: 100, commit: 50, bestCase: 40, commitTotal: 150, bestCaseTotal: 190,
 * //     budget: 300, remaining: 200, gapAfterCommit: 150 }
 */
import type { ModelDeal } from '../core/records.ts';
import type { DateRange } from '../periods/calendar.ts';
import { inRange } from '../periods/calendar.ts';
import type { MetricContext } from './context.ts';
import { forecastCategoryOf } from './forecast-categories.ts';
import { sumMoney } from './money.ts';

export interface ForecastVsBudget {
  period: DateRange;
  closed: number;
  commit: number;
  bestCase: number;
  commitTotal: number;
  bestCaseTotal: number;
  budget: number | null;
  remaining: number | null;
  gapAfterCommit: number | null;
}

type ForecastDeal = Pick<ModelDeal, 'status' | 'close' | 'created' | 'annualAmount' | 'stageId' | 'forecastCategory'>;

export function forecastVsBudget(deals: readonly ForecastDeal[], period: DateRange, budget: number | null, ctx: MetricContext): ForecastVsBudget {
  const sums = { closed: [] as number[], commit: [] as number[], best_case: [] as number[] };
  for (const deal of deals) {
    if (!inRange(deal.close, period)) continue;
    if (deal.status === 'won' && deal.close > ctx.asOf) continue;
    if (deal.status === 'open' && deal.created > ctx.asOf) continue;
    const category = forecastCategoryOf(deal as ModelDeal, ctx);
    if (category === 'closed' || category === 'commit' || category === 'best_case') sums[category].push(deal.annualAmount);
  }
  const closed = sumMoney(sums.closed);
  const commit = sumMoney(sums.commit);
  const bestCase = sumMoney(sums.best_case);
  const commitTotal = sumMoney([closed, commit]);
  return {
    period: { start: period.start, end: period.end },
    closed,
    commit,
    bestCase,
    commitTotal,
    bestCaseTotal: sumMoney([commitTotal, bestCase]),
    budget,
    remaining: budget === null ? null : sumMoney([budget, -closed]),
    gapAfterCommit: budget === null ? null : sumMoney([budget, -commitTotal]),
  };
}
