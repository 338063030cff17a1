/**
 * The company's open deals per stage, for the lists behind the pipeline-by-stage bars: the same
 * open deals (`openDeals`) in the same stage groups (`groupByOpenStage`) as the weighted
 * pipeline's stage rows, so each list counts and sums exactly its stage row. Page-only (the site
 * model), not in report.json: the stage rows there already carry the figures.
 */
import type { ModelDeal } from '../core/records.ts';
import type { MetricContext } from '../metrics/context.ts';
import { groupByOpenStage, openDeals } from '../metrics/open-pipeline.ts';
import { dealList, type DealLineContext, type DealList } from './deal-lines.ts';
import type { ScopeRecords } from './scope-figures.ts';

export interface StageDeals {
  stageId: string;
  label: string;
  /** Every open deal of the stage counted and named (`ids`), the largest `cap` as lines. */
  deals: DealList;
}

/** Deal lines kept per stage for the page; a stage's CSV download holds all its deals. */
export const STAGE_PAGE_ROWS = 10;

export function openDealsByStage(deals: readonly ModelDeal[], ctx: MetricContext, lines: DealLineContext, cap = STAGE_PAGE_ROWS): StageDeals[] {
  return groupByOpenStage(openDeals(deals, ctx.asOf), ctx.settings).map((group) => ({
    stageId: group.stageId,
    label: group.label,
    deals: dealList(group.deals, lines, cap),
  }));
}

/** Each team's open deals per stage (by team id), from the same records as the team's figures. */
export function openDealsByStageOfTeams(ofTeam: ReadonlyMap<string, ScopeRecords>, ctx: MetricContext, lines: DealLineContext): Record<string, StageDeals[]> {
  const byTeam: Record<string, StageDeals[]> = {};
  for (const [teamId, records] of ofTeam) byTeam[teamId] = openDealsByStage(records.deals, ctx, lines);
  return byTeam;
}
