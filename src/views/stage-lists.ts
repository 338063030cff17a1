/**
 * The pipeline page's open deals per stage, behind the pipeline-by-stage bars: one group per
 * stage with deals, largest first, each at its own anchor (`#stage-<slug>`) with its largest deals
 * on the page and a CSV download holding every deal of the stage. The lists are the site model's
 * `openByStage` (the same deals as the stage rows), so a group's count and value are its row's.
 */
import { t } from '../i18n/index.ts';
import type { DealRows } from '../report/deal-lines.ts';
import { slugify } from '../report/people.ts';
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
  const slugs = new Map<string, string>();
  const taken = new Set<string>();
  for (const id of stageIds) {
    if (slugs.has(id)) continue;
    const base = slugify(id);
    let slug = base;
    for (let n = 2; taken.has(slug); n++) slug = `${base}-${n}`;
    taken.add(slug);
    slugs.set(id, slug);
  }
  return slugs;
}

/** The anchor of a stage's list on the pipeline page: `stage-proposal`. */
export function stageAnchor(slug: string): string {
  return `stage-${slug}`;
}

/** The id of a stage's CSV download: `pipeline-stage-proposal`. */
function stageCsvId(slug: string): string {
  return `pipeline-stage-${slug}`;
}

/** The stages with open deals as collapsed groups, the largest value first (then by name). */
export function stageGroups(stages: readonly StageDeals[], ctx: DealRowContext, routes: Routes): DealGroup[] {
  const { f } = ctx;
  const slugs = stageSlugs(stages.map((s) => s.stageId));
  return stages
    .filter((stage) => stage.deals.count > 0)
    .map((stage): DealGroup => {
      const slug = slugs.get(stage.stageId)!;
      return {
        key: stage.stageId,
        id: stageAnchor(slug),
        title: stage.label,
        amount: stage.deals.amount,
        summary: `${f.number(stage.deals.count)} · ${f.money(stage.deals.amount)}`,
        rows: stage.deals.deals.map((d) => dealRow(d, ctx)),
        hidden: stage.deals.count - stage.deals.deals.length,
        csvHref: routes.csv(f.locale, stageCsvId(slug)),
      };
    })
    .sort((a, b) => b.amount - a.amount || a.title.localeCompare(b.title, 'sv'));
}

/** Each stage's CSV download: every open deal of the stage, largest first. */
export function stageTables(stages: readonly StageDeals[], f: Fmt, rows?: DealRows): ViewTable[] {
  const slugs = stageSlugs(stages.map((s) => s.stageId));
  return stages.map((stage) =>
    dealTable(stageCsvId(slugs.get(stage.stageId)!), `${t(f.locale, 'metric.dealsOpen')} · ${stage.label}`, stage.deals, f, 'close', rows),
  );
}
