/**
 * Makes the snapshot of one build: what the report showed as of `model.asOf`, kept compact
 * (see ./types.ts). Pure: the figures are copied from the report, never recomputed, so a
 * snapshot says exactly what the pages said.
 *
 * @summary
 * - Deals: the deals open as of asOf (status `open`, created on or before asOf), sorted by id,
 *   each as [id, name, account name (the id when the account is unknown), owner id, team id,
 *   stage id, amount, close date].
 * - Key figures for the company and every team (by team id); per-seller figures are read by no
 *   page and not kept:
 *   volumeYtd = volume.yearToDate.annualVolume; budgetYtd / attainment = the `volume:total` row
 *   of targets; openCount / openAmount = pipeline.open; weighted = pipeline.weighted.weighted;
 *   coverage = pipeline.coverage.coverage.
 * - Ids: with `initialsOnly` the report's people carry pseudonyms, so the keys are taken from the
 *   model, by position: `report.teams[i]` is `model.teams[i]` (that is how buildReport makes
 *   them; a report whose teams or sellers do not match the model's throws).
 * - Quality: the score per owner id is passed in (`qualityScoresOf(records, issues)` makes it),
 *   because the report's `quality.byOwner` holds pseudonyms and cannot name owners who are not
 *   users. Snapshots therefore hold real owner ids and deal names: keep them out of the
 *   published site.
 */
import { totalRow } from '../metrics/target-attainment.ts';
import type { Model } from '../model/build-model.ts';
import type { ModelDeal } from '../core/records.ts';
import type { Records } from '../model/records.ts';
import { openDeals } from '../metrics/open-pipeline.ts';
import { scoreByOwner } from '../quality/score.ts';
import type { ScopeFigures } from '../report/scope-figures.ts';
import type { Report } from '../report/site-model.ts';
import type { Issue } from '../core/issue.ts';
import type { ClosedDeal, CurrentState } from './changes.ts';
import type { KeyFigures, Snapshot, SnapshotDeal } from './types.ts';

/** The key figures of one scope, copied from its report figures. */
export function keyFigures(figures: ScopeFigures): KeyFigures {
  const total = totalRow(figures.targets);
  return {
    volumeYtd: figures.volume.yearToDate.annualVolume,
    budgetYtd: total?.budgetYtd ?? null,
    attainment: total?.attainment ?? null,
    openCount: figures.pipeline.open.count,
    openAmount: figures.pipeline.open.amount,
    weighted: figures.pipeline.weighted.weighted,
    coverage: figures.pipeline.coverage.coverage,
  };
}

/** Data-quality score (0..1) per owner id, as the quality page computes it. */
export function qualityScoresOf(records: Records, issues: readonly Issue[]): Record<string, number | null> {
  return Object.fromEntries(scoreByOwner(records, issues).map((entry) => [entry.ownerId, entry.score]));
}

const byIdOrder = (a: { id: string }, b: { id: string }): number => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

function accountName(model: Model, deal: ModelDeal): string {
  return model.accountById.get(deal.accountId)?.name ?? deal.accountId;
}

/** The open deals as of `model.asOf`, as snapshot rows sorted by id. */
export function snapshotDeals(model: Model): SnapshotDeal[] {
  return openDeals(model.deals, model.asOf)
    .sort(byIdOrder)
    .map((deal) => [deal.id, deal.name, accountName(model, deal), deal.ownerId, deal.teamId, deal.stageId, deal.amount, deal.close]);
}

/** The won and lost deals of the model, sorted by id, for `changesSince` / `compareSnapshots`. */
export function closedDeals(model: Model): ClosedDeal[] {
  return model.deals
    .filter((deal): deal is ModelDeal & { status: 'won' | 'lost' } => deal.status !== 'open')
    .sort(byIdOrder)
    .map((deal) => ({
      id: deal.id,
      status: deal.status,
      close: deal.close,
      name: deal.name,
      account: accountName(model, deal),
      ownerId: deal.ownerId,
      teamId: deal.teamId,
      amount: deal.amount,
      stageId: deal.stageId,
    }));
}

/** The model's state for `changesSince`: open deals as of asOf and the closed deals. */
export function currentState(model: Model): CurrentState {
  return { asOf: model.asOf, openDeals: snapshotDeals(model), closedDeals: closedDeals(model) };
}

export function makeSnapshot(model: Model, report: Report, inputHash: string, qualityByOwnerId: Record<string, number | null>): Snapshot {
  if (report.teams.length !== model.teams.length || report.sellers.length !== model.users.length) {
    throw new Error('makeSnapshot: the report was not built from this model (teams or sellers differ)');
  }
  if (report.meta.asOf !== model.asOf) {
    throw new Error(`makeSnapshot: the report is as of ${report.meta.asOf}, the model as of ${model.asOf}`);
  }
  return {
    schemaVersion: 1,
    asOf: model.asOf,
    inputHash,
    company: keyFigures(report.company),
    teams: Object.fromEntries(report.teams.map((team, i) => [model.teams[i]!.id, keyFigures(team.figures)])),
    qualityScore: { ...qualityByOwnerId },
    deals: snapshotDeals(model),
  };
}
