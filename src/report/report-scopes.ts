/**
 * The records of each cut of the company — the company itself, each market team, each seller —
 * grouped once from the model. Every part of the report reads its cuts from here.
 */
import type { ModelDeal, Target } from '../core/records.ts';
import type { MetricContext } from '../metrics/context.ts';
import type { Model } from '../model/build-model.ts';
import { groupBy } from '../model/group-by.ts';
import type { DealLineContext } from './deal-lines.ts';
import type { People } from './people.ts';
import type { ReportPeriods } from './periods-of-report.ts';
import type { ScopeRecords } from './scope-figures.ts';

export interface ReportScopes {
  company: ScopeRecords;
  /** Each team's records, gathered once for its figures, its funnel and its month-end attainment. */
  ofTeam: ReadonlyMap<string, ScopeRecords>;
  /** One seller's records (a new object on each call). */
  ofSeller(id: string): ScopeRecords;
  dealsByOwner: ReadonlyMap<string, ModelDeal[]>;
  dealsByTeam: ReadonlyMap<string, ModelDeal[]>;
}

/** What every part of the report is built from. */
export interface ReportParts {
  model: Model;
  scopes: ReportScopes;
  persons: People;
  periods: ReportPeriods;
  /** Deal lists resolve names through this and add their rows to its `rows`. */
  lines: DealLineContext;
  ctx: MetricContext;
}

export function reportScopes(model: Model): ReportScopes {
  const { records } = model;
  const activitiesByOwner = groupBy(records.activities, (a) => a.ownerId);
  const dealsByOwner = groupBy(model.deals, (d) => d.ownerId);
  const dealsByTeam = groupBy(model.deals, (d) => d.teamId);
  const targetsByScope = groupBy(records.targets, (t) => `${t.scope}:${t.scopeId}`);
  const accountOwner = new Map(records.accounts.map((a) => [a.id, a.ownerId]));
  const invoicesByOwner = groupBy(records.invoices, (i) => accountOwner.get(i.accountId) ?? '');
  const sellerTargetsOf = (ids: readonly string[]): Target[] => ids.flatMap((id) => targetsByScope.get(`seller:${id}`) ?? []);

  const teamRecords = (teamId: string, memberIds: string[]): ScopeRecords => ({
    deals: dealsByTeam.get(teamId) ?? [],
    activities: memberIds.flatMap((id) => activitiesByOwner.get(id) ?? []),
    activityFacts: records.activityFacts,
    activityOwners: memberIds,
    targets: targetsByScope.get(`team:${teamId}`) ?? [],
    sellerTargets: sellerTargetsOf(memberIds),
    invoices: memberIds.flatMap((id) => invoicesByOwner.get(id) ?? []),
    sellerIds: memberIds,
  });
  const ofSeller = (id: string): ScopeRecords => ({
    deals: dealsByOwner.get(id) ?? [],
    activities: activitiesByOwner.get(id) ?? [],
    activityFacts: records.activityFacts,
    activityOwners: [id],
    targets: targetsByScope.get(`seller:${id}`) ?? [],
    sellerTargets: targetsByScope.get(`seller:${id}`) ?? [],
    invoices: invoicesByOwner.get(id) ?? [],
    sellerIds: [id],
  });
  const allIds = model.users.map((u) => u.id);
  const company: ScopeRecords = {
    deals: model.deals,
    activities: records.activities,
    activityFacts: records.activityFacts,
    activityOwners: [...records.activityFacts.owners],
    targets: targetsByScope.get('company:') ?? [],
    sellerTargets: sellerTargetsOf(allIds),
    invoices: records.invoices,
    sellerIds: allIds,
  };
  const ofTeam = new Map(model.teams.map((team) => [team.id, teamRecords(team.id, team.memberIds)]));
  return { company, ofTeam, ofSeller, dealsByOwner, dealsByTeam };
}
