/**
 * Forecast by category for one period, with Salesforce's cumulative roll-up.
 *
 * @summary
 * - Puts a deal in the period by its close date (`close` in [period.start, period.end]):
 *   open deals (status `open`, created on or before `asOf`) by their expected close date, won
 *   deals by their signing date (on or before `asOf`). Lost deals are left out.
 * - Category of an open deal: its own `forecastCategory`, else its stage's, else `pipeline`.
 *   An open deal marked `closed` counts as `commit` (it is not closed until it is won). Won
 *   deals are always `closed`. `omitted` deals are shown in their own bucket and in no roll-up.
 * - Cumulative views (Salesforce "cumulative forecast rollups"): closed = closed;
 *   commit = closed + commit; bestCase = commit view + best_case; pipeline ("Open Pipeline")
 *   = commit + best_case + pipeline, open deals only, no closed.
 * - Values are `amount` (contract value); each bucket also sums `annualAmount` (annual volume, the
 *   unit budgets are in). The cumulative views are contract value. Channel: all; the caller passes
 *   one channel's deals.
 *
 * @example
 * forecastCategories([
 *   deal({ id: 'd1', status: 'won', close: '2026-02-10', amount: 100 }),
 *   deal({ id: 'd2', stageId: 'negotiation', close: '2026-03-31', amount: 200 }), // commit by stage
 *   deal({ id: 'd3', stageId: 'qualification', forecastCategory: 'best_case', close: '2026-03-15', amount: 50 }),
 * ], { start: '2026-01-01', end: '2026-03-31' }, { settings, asOf: '2026-02-15' })
 * //=> { period: { start: '2026-01-01', end: '2026-03-31' },
 * //     categories: { pipeline: { count: 0, amount: 0 }, best_case: { count: 1, amount: 50 },
 * //       commit: { count: 1, amount: 200 }, closed: { count: 1, amount: 100 }, omitted: { count: 0, amount: 0 } },
 * //     cumulative: { closed: 100, commit: 300, bestCase: 350, pipeline: 250 } }
 */
import type { Deal, ForecastCategory, ModelDeal } from '../core/records.ts';
import type { DateRange } from '../periods/calendar.ts';
import { inRange } from '../periods/calendar.ts';
import { stageOf, type MetricContext } from './context.ts';
import { sumMoney } from './money.ts';

export interface ForecastBucket {
  count: number;
  /** Σ contract value. */
  amount: number;
  /** Σ annual volume: the budget's unit. */
  annualAmount: number;
}

export interface ForecastCategories {
  period: DateRange;
  categories: Record<ForecastCategory, ForecastBucket>;
  cumulative: { closed: number; commit: number; bestCase: number; pipeline: number };
}

/** The forecast category a deal counts in, or `undefined` for lost deals. */
export function forecastCategoryOf(deal: Deal, ctx: MetricContext): ForecastCategory | undefined {
  if (deal.status === 'won') return 'closed';
  if (deal.status === 'lost') return undefined;
  const category = deal.forecastCategory ?? stageOf(ctx.settings, deal.stageId)?.forecastCategory ?? 'pipeline';
  return category === 'closed' ? 'commit' : category;
}

export function forecastCategories(deals: readonly ModelDeal[], period: DateRange, ctx: MetricContext): ForecastCategories {
  const amounts: Record<ForecastCategory, number[]> = { pipeline: [], best_case: [], commit: [], closed: [], omitted: [] };
  const annual: Record<ForecastCategory, number[]> = { pipeline: [], best_case: [], commit: [], closed: [], omitted: [] };
  for (const deal of deals) {
    if (!inRange(deal.close, period)) continue;
    if (deal.status === 'won' && deal.close > ctx.asOf) continue;
    if (deal.status === 'open' && deal.created > ctx.asOf) continue;
    const category = forecastCategoryOf(deal, ctx);
    if (category) {
      amounts[category].push(deal.amount);
      annual[category].push(deal.annualAmount);
    }
  }
  const bucket = (category: ForecastCategory): ForecastBucket => ({
    count: amounts[category].length,
    amount: sumMoney(amounts[category]),
    annualAmount: sumMoney(annual[category]),
  });
  const categories = {
    pipeline: bucket('pipeline'),
    best_case: bucket('best_case'),
    commit: bucket('commit'),
    closed: bucket('closed'),
    omitted: bucket('omitted'),
  };
  const { closed, commit, best_case: bestCase, pipeline } = categories;
  return {
    period: { start: period.start, end: period.end },
    categories,
    cumulative: {
      closed: closed.amount,
      commit: sumMoney([closed.amount, commit.amount]),
      bestCase: sumMoney([closed.amount, commit.amount, bestCase.amount]),
      pipeline: sumMoney([commit.amount, bestCase.amount, pipeline.amount]),
    },
  };
}
