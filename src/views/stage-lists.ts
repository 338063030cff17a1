/**
 * The pipeline page's open deals per stage, behind the pipeline-by-stage bars: one group per
 * stage with deals, largest first, each at its own anchor (`#stage-<slug>`) with its largest deals
 * on the page and a CSV download holding every deal of the stage. The lists are the site model's
 * `openByStage` (the same deals as the stage rows), so a group's count and value are its row's.
 */
import { t } from '../i18n/index.ts';
import type { DealRows } from '../report/deal-lines.ts';
import { uniqueSlugs } from '../report/people.ts';
import type { StageDeals } from '../report/stage-deals.ts';
import { dealRow, type DealGroup, type DealRowContext } from './deal-groups.ts';
import { dealTable } from './deal-table.ts';
import type { Fmt } from './format-context.ts';
import type { Routes } from './routes.ts';
import type { ViewTable } from './table.ts';

export { STAGE_PAGE_ROWS } from '../report/stage-deals.ts';

/**
 * Address segment of each stage, by stage id: `proposal` → `proposal`, `Bokat möte` →
 * `bokat-mote`; ids that slugify alike get `-2`, `-3` in stage order, so every anchor is its own.
 */
export function stageSlugs(stageIds: readonly string[]): Map<string, string> {
  return uniqueSlugs(stageIds, 'given');
}

/**
 * The anchor of a stage's list: `stage-proposal` on the pipeline page, `team-malmo-stage-proposal`
 * on a team's page (`scope`: the team's table id prefix).
 */
export function stageAnchor(slug: string, scope?: string): string {
  return scope ? `${scope}-stage-${slug}` : `stage-${slug}`;
}

/** The id of a stage's CSV download: `pipeline-stage-proposal`, `team-malmo-stage-proposal`. */
function stageCsvId(slug: string, scope?: string): string {
  return scope ? `${scope}-stage-${slug}` : `pipeline-stage-${slug}`;
}

/**
 * The stages with open deals as collapsed groups, the largest value first (then by name). `scope`:
 * a team's id prefix for its page's lists; `slugIds`: the stage ids whose order gives the slugs
 * (the company's, so a team's anchors match the ones its bars link to).
 */
export function stageGroups(
  stages: readonly StageDeals[],
  ctx: DealRowContext,
  routes: Routes,
  scope?: { prefix: string; slugIds: readonly string[] },
): DealGroup[] {
  const { f } = ctx;
  const slugs = stageSlugs(scope?.slugIds ?? stages.map((s) => s.stageId));
  return stages
    .filter((stage) => stage.deals.count > 0)
    .map((stage): DealGroup => {
      const slug = slugs.get(stage.stageId)!;
      return {
        key: stage.stageId,
        id: stageAnchor(slug, scope?.prefix),
        title: stage.label,
        amount: stage.deals.amount,
        summary: `${f.number(stage.deals.count)} · ${f.money(stage.deals.amount)}`,
        rows: stage.deals.deals.map((d) => dealRow(d, ctx)),
        hidden: stage.deals.count - stage.deals.deals.length,
        csvHref: routes.csv(f.locale, stageCsvId(slug, scope?.prefix)),
      };
    })
    .sort((a, b) => b.amount - a.amount || a.title.localeCompare(b.title, 'sv'));
}

/** Each stage's CSV download: every open deal of the stage, largest first. */
export function stageTables(stages: readonly StageDeals[], f: Fmt, rows?: DealRows, scope?: { prefix: string; slugIds: readonly string[] }): ViewTable[] {
  const slugs = stageSlugs(scope?.slugIds ?? stages.map((s) => s.stageId));
  return stages.map((stage) =>
    dealTable(stageCsvId(slugs.get(stage.stageId)!, scope?.prefix), `${t(f.locale, 'metric.dealsOpen')} · ${stage.label}`, stage.deals, f, 'close', rows),
  );
}
