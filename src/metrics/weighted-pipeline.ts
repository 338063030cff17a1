/**
 * Weighted pipeline: the open pipeline with every deal's amount multiplied by its stage's
 * win probability — what the pipeline is "worth" on average.
 *
 * @summary
 * - Weighted value: Σ `amount` × `probability` of the deal's stage (settings `stages`), each
 *   product rounded to the cent, over the deals with status `open` created on or before `asOf`.
 *   A deal in a stage unknown to the settings weighs 0. Unweighted count and amount beside it.
 * - No period: a snapshot as of `asOf`, whatever the close date (see `forecast-categories` for
 *   one period's deals).
 * - Per open stage in settings order (every open stage present), then the total.
 * - Channel attribution: all channels; the caller passes one channel's deals for a channel view.
 *
 * @example
 * weightedPipeline([
 *   deal({ id: 'd1', stageId: 'qualification', status: 'open', amount: 1000 }), // × 0.1 = 100
 *   deal({ id: 'd2', stageId: 'negotiation', status: 'open', amount: 500 }),    // × 0.8 = 400
 *   deal({ id: 'd3', stageId: 'lost', status: 'lost', amount: 900 }),           // not open
 * ], { settings, asOf: '2026-03-31' })
 * //=> { asOf: '2026-03-31', count: 2, amount: 1500, weighted: 500, stages: [
 * //     { stageId: 'qualification', label: 'Qualification', probability: 0.1, count: 1, amount: 1000, weighted: 100 },
 * //     { stageId: 'meeting', … count: 0, amount: 0, weighted: 0 },
 * //     { stageId: 'proposal', … count: 0, amount: 0, weighted: 0 },
 * //     { stageId: 'negotiation', label: 'Negotiation', probability: 0.8, count: 1, amount: 500, weighted: 400 } ] }
 */
import type { Deal, IsoDate } from '../core/records.ts';
import type { MetricContext } from './context.ts';
import { sumMoney } from './money.ts';
import { countWithoutAmount, groupByOpenStage, openDeals } from './open-pipeline.ts';

export interface WeightedStageRow {
  stageId: string;
  label: string;
  probability: number;
  count: number;
  amount: number;
  weighted: number;
  /** Deals of `count` whose amount the export left empty (they weigh nothing). */
  withoutAmount: number;
}

export interface WeightedPipeline {
  asOf: IsoDate;
  count: number;
  amount: number;
  weighted: number;
  /** Deals of `count` whose amount the export left empty. */
  withoutAmount: number;
  stages: WeightedStageRow[];
}

export function weightedPipeline(deals: readonly Deal[], ctx: MetricContext): WeightedPipeline {
  const stages = groupByOpenStage(openDeals(deals, ctx.asOf), ctx.settings).map((group) => ({
    stageId: group.stageId,
    label: group.label,
    probability: group.probability,
    count: group.deals.length,
    amount: sumMoney(group.deals.map((deal) => deal.amount)),
    // Rounded per deal, as a CRM shows each deal's weighted amount.
    weighted: sumMoney(group.deals.map((deal) => Math.round(deal.amount * group.probability * 100) / 100)),
    withoutAmount: countWithoutAmount(group.deals),
  }));
  return {
    asOf: ctx.asOf,
    count: stages.reduce((total, stage) => total + stage.count, 0),
    amount: sumMoney(stages.map((stage) => stage.amount)),
    weighted: sumMoney(stages.map((stage) => stage.weighted)),
    withoutAmount: stages.reduce((total, stage) => total + stage.withoutAmount, 0),
    stages,
  };
}
