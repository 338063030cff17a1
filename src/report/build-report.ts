/**
 * Assembles the report from the model, part by part: the company, its teams and sellers (each
 * cut's records grouped once, the metrics run once per cut), the meeting pages (weeks and months),
 * the data-quality issues and rejected rows, and what earlier builds showed.
 */
import type { FileAccount } from '../core/file-account.ts';
import type { Issue } from '../core/issue.ts';
import type { MetricContext } from '../metrics/context.ts';
import { targetAttainment, totalRow } from '../metrics/target-attainment.ts';
import type { Model } from '../model/build-model.ts';
import { closedDeals, currentState, makeSnapshot, qualityScoresOf } from '../history/snapshot.ts';
import type { Snapshot } from '../history/types.ts';
import { companyPart, reportMeta } from './company-part.ts';
import type { DealLineContext, DealRows } from './deal-lines.ts';
import { historySection, type HistorySection } from './history-section.ts';
import { publishIssue, qualitySection } from './issues-part.ts';
import { meetingParts, type MeetingParts } from './meetings-part.ts';
import { people } from './people.ts';
import { reportPeriods } from './periods-of-report.ts';
import { reportScopes, type ReportParts } from './report-scopes.ts';
import { scrubPeople, unlistedPersonIds } from './scrub-people.ts';
import { sellerEntries } from './sellers-part.ts';
import { openDealsByStage, openDealsByStageOfTeams } from './stage-deals.ts';
import type { Report, SiteModel } from './site-model.ts';
import { teamEntries } from './teams-part.ts';

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
  const persons = people(model.users, settings.initialsOnly);
  const dealRows: DealRows = {};
  const lines: DealLineContext = {
    settings,
    accountName: (id) => model.accountById.get(id)?.name ?? id,
    person: (id) => persons.ref(id),
    rows: dealRows,
  };
  const parts: ReportParts = {
    model,
    scopes: reportScopes(model),
    persons,
    periods: reportPeriods(asOf, settings.fiscalYearStartMonth),
    lines,
    ctx,
  };

  // Deal lists add their rows to `dealRows` as they are made: sellers, then weeks, months, meetings.
  const teams = teamEntries(parts);
  const sellers = sellerEntries(parts);
  const meetings = meetingParts(parts);
  const { company, ...companyWide } = companyPart(parts, teams, sellers);
  const openByStage = openDealsByStage(parts.scopes.company.deals, ctx, lines);
  const openByStageOfTeam = openDealsByStageOfTeams(parts.scopes.ofTeam, ctx, lines);
  const dealFiles = [...new Set(records.deals.map((deal) => deal.file))];
  const report: Report = {
    schemaVersion: 1,
    meta: reportMeta(model, parts.periods),
    files,
    company,
    teams,
    sellers,
    ...companyWide,
    weeks: meetings.weeks,
    months: meetings.months,
    meetings: meetings.meetings,
    quality: qualitySection(model, quality, rejected, persons),
    rejected: rejected.map((issue) => publishIssue(issue, persons)),
    history: null,
  };
  const snapshot = makeSnapshot(model, report, history?.inputHash ?? '', qualityScoresOf(records, quality));
  if (history) report.history = historyPart(parts, meetings, { ...history, snapshot });
  if (!settings.initialsOnly) return { report, dealRows, dealFiles, openByStage, openByStageOfTeam, snapshot };
  const unlisted = unlistedPersonIds(records, [...quality, ...rejected], model.users);
  const scrub = <T>(value: T): T => scrubPeople(value, model.users, persons, unlisted);
  return {
    report: scrub(report),
    dealRows: scrub(dealRows),
    dealFiles,
    openByStage: scrub(openByStage),
    openByStageOfTeam: scrub(openByStageOfTeam),
    snapshot,
  };
}

/** Earlier builds' snapshots with this one's, read as trends and changes. */
function historyPart(
  { model, scopes, persons }: ReportParts,
  meetings: MeetingParts,
  history: { snapshots: Snapshot[]; problems: string[]; snapshot: Snapshot },
): HistorySection {
  const { settings } = model;
  const earlier = history.snapshots.filter((s) => s.asOf !== history.snapshot.asOf);
  return historySection({
    snapshots: [...earlier, history.snapshot].sort((a, b) => (a.asOf < b.asOf ? -1 : 1)),
    problems: history.problems,
    current: currentState(model),
    closed: closedDeals(model),
    stageOrder: settings.stages.map((s) => s.id),
    fiscalYearStartMonth: settings.fiscalYearStartMonth,
    weeks: meetings.weekList,
    months: meetings.monthList,
    totalThrough: (date) => totalRow(targetAttainment(scopes.company, { settings, asOf: date })),
    person: (id) => persons.ref(id),
  });
}
