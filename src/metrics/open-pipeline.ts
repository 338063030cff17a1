/**
 * Open pipeline: the open deals as of the report date, counted and summed per stage.
 *
 * @summary
 * - Value: Σ `amount` (contract value) of the deals with status `open` created on or before
 *   `asOf`. Count: the number of those deals. No ratio, no period: a snapshot as of `asOf`; the
 *   close date does not matter here (see `coverage` and `slipped-deals` for that).
 * - One row per open stage of `settings.stages`, in that order, also when empty. An open deal in
 *   a stage that is not an open stage of the settings (a contradiction in the export) gets a row
 *   of its own after them, so the rows always add up to the total.
 * - Channel attribution: all channels; the caller passes one channel's deals for a channel view.
 * - An open deal exported without an amount is counted (and in its stage) but adds nothing to the
 *   value: `withoutAmount` counts such deals, shown as "amount not set" beside the sums.
 *
 * @example
 * openPipeline([
 *   deal({ id: 'd1', stageId: 'proposal', status: 'open', amount: 100 }),
 *   deal({ id: 'd2', stageId: 'proposal', status: 'open', amount: 50 }),
 *   deal({ id: 'd3', stageId: 'won', status: 'won', amount: 70 }),
 * ], { settings, asOf: '2026-03-31' })
 * //=> { asOf: '2026-03-31', count: 2, amount: 150, withoutAmount: 0, stages: [
 * //     { stageId: 'qualification', label: 'Qualification', count: 0, amount: 0, withoutAmount: 0 },
 * //     { stageId: 'meeting', label: 'Needs analysis', count: 0, amount: 0, withoutAmount: 0 },
 * //     { stageId: 'proposal', label: 'Proposal', count: 2, amount: 150, withoutAmount: 0 },
 * //     { stageId: 'negotiation', label: 'Negotiation', count: 0, amount: 0, withoutAmount: 0 } ] }
 */
import type { Deal, IsoDate } from '../core/records.ts';
import type { Settings } from '../settings/schema.ts';
import { stageOf, type MetricContext } from './context.ts';
import { dealStateAsOf } from './deal-state.ts';
import { sumMoney } from './money.ts';

export interface PipelineStageRow {
  stageId: string;
  label: string;
  count: number;
  amount: number;
  /** Deals of `count` whose amount the export left empty (not in `amount`). */
  withoutAmount: number;
}

export interface OpenPipeline {
  asOf: IsoDate;
  count: number;
  amount: number;
  /** Deals of `count` whose amount the export left empty (not in `amount`). */
  withoutAmount: number;
  stages: PipelineStageRow[];
}

/** How many of the deals the export gave no amount. */
export function countWithoutAmount(deals: readonly Deal[]): number {
  let count = 0;
  for (const deal of deals) if (deal.amountMissing) count++;
  return count;
}

/** The deals open as of `asOf`: status `open` and created on or before `asOf` (`dealStateAsOf`). */
export function openDeals<D extends Deal>(deals: readonly D[], asOf: IsoDate): D[] {
  return deals.filter((deal) => dealStateAsOf(deal, asOf) === 'open');
}

/** Deals grouped by stage: the open stages of the settings in order, then unexpected stages. */
export function groupByOpenStage<D extends Deal>(
  deals: readonly D[],
  settings: Settings,
): { stageId: string; label: string; probability: number; deals: D[] }[] {
  const groups = settings.stages
    .filter((stage) => stage.status === 'open')
    .map((stage) => ({ stageId: stage.id, label: stage.label ?? stage.id, probability: stage.probability, deals: [] as D[] }));
  for (const deal of deals) {
    let group = groups.find((candidate) => candidate.stageId === deal.stageId);
    if (!group) {
      const stage = stageOf(settings, deal.stageId);
      group = { stageId: deal.stageId, label: stage?.label ?? deal.stageId, probability: stage?.probability ?? 0, deals: [] };
      groups.push(group);
    }
    group.deals.push(deal);
  }
  return groups;
}

export function openPipeline(deals: readonly Deal[], ctx: MetricContext): OpenPipeline {
  const open = openDeals(deals, ctx.asOf);
  const stages = groupByOpenStage(open, ctx.settings).map((group) => ({
    stageId: group.stageId,
    label: group.label,
    count: group.deals.length,
    amount: sumMoney(group.deals.map((deal) => deal.amount)),
    withoutAmount: countWithoutAmount(group.deals),
  }));
  return {
    asOf: ctx.asOf,
    count: open.length,
    amount: sumMoney(open.map((deal) => deal.amount)),
    withoutAmount: countWithoutAmount(open),
    stages,
  };
}
