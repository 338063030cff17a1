/**
 * Assembles the report from the model: cuts the records per company, team and seller, runs
 * the metrics once per cut, builds the weekly and monthly meeting entries from records grouped
 * once by week and month, and publishes quality issues and rejected rows with people resolved.
 */
import { reconcileBudgets } from '../metrics/budget-reconciliation.ts';
import { channelNotSetShare, inferredChannelShare } from '../metrics/inferred-channel-share.ts';
import { channelMix } from '../metrics/channel-mix.ts';
import type { MetricContext } from '../metrics/context.ts';
import { funnel } from '../metrics/funnel.ts';
import { openDeals } from '../metrics/open-pipeline.ts';
import { handoffs } from '../metrics/handoffs.ts';
import { planCheck, planVerdict } from '../metrics/plan-check.ts';
import { volumeVsRevenue } from '../metrics/revenue.ts';
import { ATTAINMENT_MEASURES, targetAttainment, totalRow } from '../metrics/target-attainment.ts';
import type { Model } from '../model/build-model.ts';
import { addTo, groupBy } from '../model/group-by.ts';
import { NO_CREATED_DATE, type ModelDeal, type Target } from '../core/records.ts';
import { fiscalYearOf, fiscalYearRange, monthOf, monthRange, monthsBetween } from '../periods/fiscal.ts';
import { salesVolume, salesVolumeByMonth, sumVolumes, wonInRange, type SalesVolumeMonth } from '../metrics/sales-volume.ts';
import { addWeeks, isoWeekOf, isoWeeksBetween } from '../periods/iso-week.ts';
import type { FileAccount } from '../core/file-account.ts';
import { ruleOf } from '../core/rules.ts';
import { issuesByCode, issuesByTeam, overallScore, scoreByOwner } from '../quality/score.ts';
import type { Issue } from '../core/issue.ts';
import { dealList, type DealLineContext, type DealRows } from './deal-lines.ts';
import { monthFigures, type ScopeForMonth } from './month-figures.ts';
import { people, uniqueSlugs } from './people.ts';
import { scrubPeople, unlistedPersonIds } from './scrub-people.ts';
import { reportPeriods } from './periods-of-report.ts';
import { scopeFigures, type ScopeRecords } from './scope-figures.ts';
import type { PublishedIssue, Report, SiteModel } from './site-model.ts';
import { weekFigures } from './week-figures.ts';
import { meetingsSection } from './meetings-section.ts';
import { closedDeals, currentState, makeSnapshot, qualityScoresOf } from '../history/snapshot.ts';
import type { Snapshot } from '../history/types.ts';
import { historySection } from './history-section.ts';
import { leadFunnelSection } from './lead-funnel-section.ts';

export interface ReportInput {
  model: Model;
  files: FileAccount[];
  rejected: Issue[];
  quality: Issue[];
  /** Snapshots of earlier builds (any order) and the hash of this build's inputs. */
  history?: { snapshots: Snapshot[]; problems: string[]; inputHash: string };
}

export function buildReport({ model, files, rejected, quality, history }: ReportInput): SiteModel {
  const { settings, asOf, records } = model;
  const ctx: MetricContext = { settings, asOf };
  const periods = reportPeriods(asOf, settings.fiscalYearStartMonth);
  const persons = people(model.users, settings.initialsOnly);
  const dealRows: DealRows = {};
  const lines: DealLineContext = {
    settings,
    accountName: (id) => model.accountById.get(id)?.name ?? id,
    person: (id) => persons.ref(id),
    rows: dealRows,
  };

  const activitiesByOwner = groupBy(records.activities, (a) => a.ownerId);
  const dealsByOwner = groupBy(model.deals, (d) => d.ownerId);
  const dealsByTeam = groupBy(model.deals, (d) => d.teamId);
  const targetsByScope = groupBy(records.targets, (t) => `${t.scope}:${t.scopeId}`);
  const accountOwner = new Map(records.accounts.map((a) => [a.id, a.ownerId]));
  const invoicesByOwner = groupBy(records.invoices, (i) => accountOwner.get(i.accountId) ?? '');
  const sellerTargetsOf = (ids: readonly string[]): Target[] => ids.flatMap((id) => targetsByScope.get(`seller:${id}`) ?? []);
  const teamOfUser = new Map(model.users.map((u) => [u.id, u.teamId]));

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
  const sellerRecords = (id: string): ScopeRecords => ({
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
  const companyRecords: ScopeRecords = {
    deals: model.deals,
    activities: records.activities,
    activityFacts: records.activityFacts,
    activityOwners: [...records.activityFacts.owners],
    targets: targetsByScope.get('company:') ?? [],
    sellerTargets: sellerTargetsOf(allIds),
    invoices: records.invoices,
    sellerIds: allIds,
  };

  // Each team's records are gathered once, for its figures and its month-end attainment.
  const recordsOfTeam = new Map(model.teams.map((team) => [team.id, teamRecords(team.id, team.memberIds)]));
  const teamSlugs = uniqueSlugs(model.teams.map((team) => team.id));
  const teams = model.teams.map((team) => ({
    id: team.id,
    slug: teamSlugs.get(team.id)!,
    name: team.name,
    members: team.memberIds.map((id) => persons.ref(id)),
    figures: scopeFigures(recordsOfTeam.get(team.id)!, periods, ctx),
  }));
  // Volume beside revenue counts the deals won in year-to-date only: only those are grouped.
  const wonYtdByAccount = groupBy(
    wonInRange(model.deals, periods.yearToDate),
    (d) => d.accountId,
  );
  const accountsByOwner = groupBy(records.accounts, (a) => a.ownerId);
  const invoicesByAccount = groupBy(records.invoices, (i) => i.accountId);
  /** Account managers / KAMs see sales volume and invoiced revenue side by side, per customer. */
  const volumeAndRevenue = (userId: string) => {
    const owned = accountsByOwner.get(userId) ?? [];
    if (owned.length === 0) return null;
    const ids = owned.map((a) => a.id);
    const result = volumeVsRevenue(
      ids.flatMap((id) => wonYtdByAccount.get(id) ?? []),
      ids.flatMap((id) => invoicesByAccount.get(id) ?? []),
      ids,
      periods.yearToDate,
    );
    return {
      ...result,
      accounts: result.accounts
        .map((row) => ({ ...row, name: lines.accountName(row.accountId) }))
        .sort((a, b) => b.revenue + b.annualVolume - (a.revenue + a.annualVolume) || a.name.localeCompare(b.name, 'sv')),
    };
  };
  const sellers = model.users.map((user) => ({
    person: persons.ref(user.id),
    teamId: user.teamId,
    teamName: model.teams.find((t) => t.id === user.teamId)?.name ?? '—',
    hats: user.hats,
    figures: scopeFigures(sellerRecords(user.id), periods, ctx),
    // The same open deals as the seller's open pipeline (one rule: `openDeals`).
    openDeals: dealList(openDeals(dealsByOwner.get(user.id) ?? [], asOf), lines, 50),
    volumeAndRevenue: volumeAndRevenue(user.id),
  }));

  // Meeting pages: every ISO week and month from the first record to the as-of date.
  let firstDate = records.activityFacts.firstDate !== '' && records.activityFacts.firstDate < asOf ? records.activityFacts.firstDate : asOf;
  for (const deal of model.deals) if (deal.created !== NO_CREATED_DATE && deal.created < firstDate) firstDate = deal.created;
  const weekList = isoWeeksBetween(firstDate, asOf);
  const activitiesByWeek = groupBy(records.activities, (a) => isoWeekOf(a.date));
  const closedByWeek = groupBy(model.deals.filter((d) => d.status !== 'open'), (d) => isoWeekOf(d.close));
  // A deal without created date was created in no week or month (it is in no "new" list).
  const createdByWeek = groupBy(model.deals.filter((d) => d.created !== NO_CREATED_DATE), (d) => isoWeekOf(d.created));
  const companySellerTargets = companyRecords.sellerTargets;
  const weeks = weekList.map((week) =>
    weekFigures(
      week,
      {
        activities: activitiesByWeek.get(week) ?? [],
        activitiesNextWeek: activitiesByWeek.get(addWeeks(week, 1)) ?? [],
        activityCounts: records.activityFacts.counts,
        closed: closedByWeek.get(week) ?? [],
        created: createdByWeek.get(week) ?? [],
        sellerTargets: companySellerTargets,
        sellerIds: allIds,
      },
      lines,
      ctx,
    ),
  );
  const dealsByMonth = new Map<string, ModelDeal[]>();
  for (const deal of model.deals) {
    const created = deal.created === NO_CREATED_DATE ? '' : monthOf(deal.created);
    const closed = monthOf(deal.close);
    if (created !== '') addTo(dealsByMonth, created, deal);
    if (closed !== created) addTo(dealsByMonth, closed, deal);
  }
  // Month-end attainment reads won deals only, and only those of the month's fiscal year: the
  // company's won deals are grouped by fiscal year once, and a year's are split by team and by
  // owner when first asked for — the same deals, in the same order, as filtering each team's and
  // seller's own deals. Each scope sums its months once; a month-end year-to-date is then the sum
  // of its whole months (the current month is summed directly).
  const fiscalStart = settings.fiscalYearStartMonth;
  const wonOfYear = groupBy(
    model.deals.filter((d) => d.status === 'won'),
    (d) => String(fiscalYearOf(d.close, fiscalStart)),
  );
  const splitOfYear = new Map<string, { byTeam: Map<string, ModelDeal[]>; byOwner: Map<string, ModelDeal[]> }>();
  const splitYear = (fiscalYear: number) => {
    const key = String(fiscalYear);
    let split = splitOfYear.get(key);
    if (split === undefined) {
      const deals = wonOfYear.get(key) ?? [];
      splitOfYear.set(key, (split = { byTeam: groupBy(deals, (d) => d.teamId), byOwner: groupBy(deals, (d) => d.ownerId) }));
    }
    return split;
  };
  const wonByFiscalYear = <S extends ScopeForMonth>(scope: S, wonIn: (fiscalYear: number) => ModelDeal[]) => {
    const monthly = new Map<number, SalesVolumeMonth[]>();
    return (fiscalYear: number, through: string): S => {
      const deals = wonIn(fiscalYear);
      const year = fiscalYearRange(fiscalYear, fiscalStart);
      const ytd = { start: year.start, end: through };
      let months = monthly.get(fiscalYear);
      if (months === undefined) monthly.set(fiscalYear, (months = salesVolumeByMonth(deals, year)));
      const volumeYtd =
        through === monthRange(monthOf(through)).end
          ? sumVolumes(months.filter((m) => m.month <= monthOf(through)), ytd)
          : salesVolume(deals, ytd);
      return { ...scope, deals, volumeYtd };
    };
  };
  const monthScopes = {
    company: wonByFiscalYear(companyRecords, (y) => wonOfYear.get(String(y)) ?? []),
    teams: teams.map((team) =>
      wonByFiscalYear({ id: team.id, name: team.name, ...recordsOfTeam.get(team.id)! }, (y) => splitYear(y).byTeam.get(team.id) ?? []),
    ),
    sellers: model.users
      .map((user) => ({ userId: user.id, seller: { person: persons.ref(user.id), teamId: user.teamId, ...sellerRecords(user.id) } }))
      .filter(({ seller }) => seller.targets.length > 0 || seller.deals.length > 0)
      .map(({ userId, seller }) => wonByFiscalYear(seller, (y) => splitYear(y).byOwner.get(userId) ?? [])),
  };
  const months = monthsBetween({ start: firstDate, end: asOf }).map((month) => {
    const end = monthRange(month).end;
    const through = end < asOf ? end : asOf;
    const fiscalYear = fiscalYearOf(through, fiscalStart);
    return monthFigures(
      month,
      {
        company: monthScopes.company(fiscalYear, through),
        teams: monthScopes.teams.map((team) => team(fiscalYear, through)),
        sellers: monthScopes.sellers.map((seller) => seller(fiscalYear, through)),
        deals: dealsByMonth.get(month) ?? [],
      },
      lines,
      ctx,
    );
  });

  // Each team's activities in the log's order (a user is in one team: `Team.memberIds`).
  const activitiesOfTeam = groupBy(records.activities, (a) => teamOfUser.get(a.ownerId) ?? '');

  const publish = (issue: Issue): PublishedIssue => {
    const rule = ruleOf(issue.code);
    return {
      code: issue.code,
      title: rule?.title ?? issue.code,
      severity: rule?.severity ?? 'error',
      file: issue.file,
      line: issue.line,
      column: issue.column,
      field: issue.field,
      message: issue.message,
      recordId: issue.recordId,
      owner: issue.ownerId ? persons.ref(issue.ownerId) : undefined,
      hint: rule?.hint ?? '',
      args: issue.args,
    };
  };
  const issuesOfOwner = groupBy(quality, (i) => i.ownerId ?? '');
  const overall = overallScore(records, quality);
  const teamIssues = issuesByTeam(quality, model.users);
  const allIssues = [...rejected, ...quality];

  const company = scopeFigures(companyRecords, periods, ctx);
  const plan = planCheck(records.targets, model.users, ctx);
  const teamIds = new Set(model.teams.map((team) => team.id));
  const report: Report = {
    schemaVersion: 1,
    meta: {
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
    },
    files,
    company,
    teams,
    sellers,
    reconciliation: reconcileBudgets(
      {
        company: company.targets.rows,
        teams: teams.map((team) => team.figures.targets.rows),
        sellers: sellers.map((seller) => ({ rows: seller.figures.targets.rows, inTeam: teamIds.has(seller.teamId) })),
      },
      ATTAINMENT_MEASURES,
    ),
    channelMix: {
      bySeller: channelMix(model.deals, periods.yearToDate, { groupBy: 'seller', keys: allIds }),
      byTeam: channelMix(model.deals, periods.yearToDate, { groupBy: 'team', keys: model.teams.map((t) => t.id) }),
    },
    planCheck: plan,
    planVerdict: planVerdict(plan),
    funnel: {
      yearToDate: funnel({ funnel: records.funnel, activities: records.activities, deals: model.deals, users: model.users }, periods.yearToDate, ctx),
      teams: teams.map((team) => {
        const members = new Set(model.teams.find((t) => t.id === team.id)!.memberIds);
        return {
          teamId: team.id,
          funnel: funnel(
            {
              funnel: records.funnel.filter((f) => f.teamId === team.id),
              activities: activitiesOfTeam.get(team.id) ?? [],
              deals: dealsByTeam.get(team.id) ?? [],
              users: model.users.filter((u) => members.has(u.id)),
            },
            periods.yearToDate,
            ctx,
          ),
        };
      }),
    },
    leadFunnel: leadFunnelSection(
      { leads: records.leads, deals: model.deals, activities: records.activities, aggregateFunnel: model.present.funnel },
      { asOf, trailing: periods.trailingYear, fiscalYearStartMonth: settings.fiscalYearStartMonth, name: (id) => persons.ref(id).name },
    ),
    handoffs: handoffs({ deals: model.deals, activities: records.activities, users: model.users, accounts: records.accounts }, periods.yearToDate, ctx),
    weeks,
    months,
    meetings: meetingsSection({ model, weeks: weekList, months: months.map((m) => m.month), companyTargets: companyRecords.targets, recordsOfTeam, sellerTargets: (id) => sellerRecords(id).targets, dealsOfMonth: (m) => dealsByMonth.get(m) ?? [], lines, ctx }),
    quality: {
      overallScore: overall.score,
      byOwner: scoreByOwner(records, quality).map((s) => ({
        person: persons.ref(s.ownerId),
        teamId: teamOfUser.get(s.ownerId) ?? '',
        scored: s.scored,
        clean: s.clean,
        score: s.score,
        issues: issuesOfOwner.get(s.ownerId)?.length ?? 0,
      })),
      byTeam: model.teams.map((t) => ({ teamId: t.id, name: t.name, issues: teamIssues.get(t.id)?.length ?? 0 })),
      byCode: [...issuesByCode(allIssues)].map(([code, count]) => {
        const rule = ruleOf(code);
        return { code, title: rule?.title ?? code, severity: rule?.severity ?? 'error', kind: rule?.kind ?? 'rejection', count };
      }),
      issues: quality.map(publish),
    },
    rejected: rejected.map(publish),
    history: null,
  };
  const snapshot = makeSnapshot(model, report, history?.inputHash ?? '', qualityScoresOf(records, quality));
  if (history) {
    const earlier = history.snapshots.filter((s) => s.asOf !== snapshot.asOf);
    report.history = historySection({
      snapshots: [...earlier, snapshot].sort((a, b) => (a.asOf < b.asOf ? -1 : 1)),
      problems: history.problems,
      current: currentState(model),
      closed: closedDeals(model),
      stageOrder: settings.stages.map((s) => s.id),
      fiscalYearStartMonth: settings.fiscalYearStartMonth,
      weeks: weekList,
      months: months.map((m) => m.month),
      totalThrough: (date) =>
        totalRow(targetAttainment(companyRecords, { settings, asOf: date })),
      person: (id) => persons.ref(id),
    });
  }
  if (!settings.initialsOnly) return { report, dealRows, snapshot };
  const unlisted = unlistedPersonIds(records, [...quality, ...rejected], model.users);
  return { report: scrubPeople(report, model.users, persons, unlisted), dealRows: scrubPeople(dealRows, model.users, persons, unlisted), snapshot };
}
