/**
 * The report's company-wide parts: the report's facts (`meta`), the company's figures, its
 * budgets reconciled against the teams' and sellers', the channel mix, the plan check, the funnels,
 * the lead funnel and the hand-offs.
 */
import { reconcileBudgets } from '../metrics/budget-reconciliation.ts';
import { channelMix } from '../metrics/channel-mix.ts';
import { funnel } from '../metrics/funnel.ts';
import { handoffs } from '../metrics/handoffs.ts';
import { channelNotSetShare, inferredChannelShare } from '../metrics/inferred-channel-share.ts';
import { planCheck, planVerdict } from '../metrics/plan-check.ts';
import { ATTAINMENT_MEASURES } from '../metrics/target-attainment.ts';
import type { Model } from '../model/build-model.ts';
import { groupBy } from '../model/group-by.ts';
import { leadFunnelSection } from './lead-funnel-section.ts';
import type { ReportPeriods } from './periods-of-report.ts';
import type { ReportParts } from './report-scopes.ts';
import { scopeFigures } from './scope-figures.ts';
import type { Report, SellerEntry, TeamEntry } from './site-model.ts';

/** The company-wide entries of the report, in the order report.json lists them. */
export type CompanyPart = Pick<Report, 'company' | 'reconciliation' | 'channelMix' | 'planCheck' | 'planVerdict' | 'funnel' | 'leadFunnel' | 'handoffs'>;

export function reportMeta(model: Model, periods: ReportPeriods): Report['meta'] {
  const { settings, asOf } = model;
  return {
    company: settings.company,
    currency: settings.currency,
    locale: settings.locale,
    timeZone: settings.timeZone,
    asOf,
    fiscalYear: `FY${periods.fiscalYear}`,
    fiscalYearStartMonth: settings.fiscalYearStartMonth,
    yearToDate: periods.yearToDate,
    previousYearToDate: periods.previousYearToDate,
    trailingYear: periods.trailingYear,
    quarter: { label: `FY${periods.quarter.fiscalYear}-Q${periods.quarter.quarter}`, range: periods.quarter.range },
    initialsOnly: settings.initialsOnly,
    stages: settings.stages.map((s) => ({ id: s.id, label: s.label ?? s.id, probability: s.probability, status: s.status })),
    inputs: { users: model.present.users, activities: model.present.activities, targets: model.present.targets },
    inferredChannelShare: inferredChannelShare(model.deals, periods.yearToDate),
    channelNotSetShare: channelNotSetShare(model.deals, periods.yearToDate),
    channelInference: settings.channelInference,
  };
}

export function companyPart(parts: ReportParts, teams: readonly TeamEntry[], sellers: readonly SellerEntry[]): CompanyPart {
  const { model, scopes, persons, periods, ctx } = parts;
  const { records, settings, asOf } = model;
  const company = scopeFigures(scopes.company, periods, ctx);
  const plan = planCheck(records.targets, model.users, ctx);
  const teamIds = new Set(model.teams.map((team) => team.id));
  return {
    company,
    reconciliation: reconcileBudgets(
      {
        company: company.targets.rows,
        teams: teams.map((team) => team.figures.targets.rows),
        sellers: sellers.map((seller) => ({ rows: seller.figures.targets.rows, inTeam: teamIds.has(seller.teamId) })),
      },
      ATTAINMENT_MEASURES,
    ),
    channelMix: {
      bySeller: channelMix(model.deals, periods.yearToDate, { groupBy: 'seller', keys: scopes.company.sellerIds }),
      byTeam: channelMix(model.deals, periods.yearToDate, { groupBy: 'team', keys: model.teams.map((t) => t.id) }),
    },
    planCheck: plan,
    planVerdict: planVerdict(plan),
    funnel: funnels(parts),
    leadFunnel: leadFunnelSection(
      { leads: records.leads, deals: model.deals, activities: records.activities, aggregateFunnel: model.present.funnel },
      { asOf, trailing: periods.trailingYear, fiscalYearStartMonth: settings.fiscalYearStartMonth, name: (id) => persons.ref(id).name },
    ),
    handoffs: handoffs({ deals: model.deals, activities: records.activities, users: model.users, accounts: records.accounts }, periods.yearToDate, ctx),
  };
}

/** The funnel of the company and of each team, year to date. */
function funnels({ model, scopes, periods, ctx }: ReportParts): Report['funnel'] {
  const { records } = model;
  // Each team's activities in the log's order (a user is in one team: `Team.memberIds`).
  const teamOfUser = new Map(model.users.map((u) => [u.id, u.teamId]));
  const activitiesOfTeam = groupBy(records.activities, (a) => teamOfUser.get(a.ownerId) ?? '');
  return {
    yearToDate: funnel({ funnel: records.funnel, activities: records.activities, deals: model.deals, users: model.users }, periods.yearToDate, ctx),
    teams: model.teams.map((team) => {
      const members = new Set(team.memberIds);
      return {
        teamId: team.id,
        funnel: funnel(
          {
            funnel: records.funnel.filter((f) => f.teamId === team.id),
            activities: activitiesOfTeam.get(team.id) ?? [],
            deals: scopes.dealsByTeam.get(team.id) ?? [],
            users: model.users.filter((u) => members.has(u.id)),
          },
          periods.yearToDate,
          ctx,
        ),
      };
    }),
  };
}
