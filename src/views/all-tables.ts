/**
 * Every table the site shows, by id: the build writes one CSV download per table. Raw CSV
 * values do not depend on the language, so they are built once (with English labels).
 */
import type { DealRows } from '../report/deal-lines.ts';
import type { Report, SiteModel } from '../report/site-model.ts';
import type { Currency } from '../format/index.ts';
import { activityGoalTable } from './activity-view.ts';
import { dealTable, volumeRevenueTable } from './deal-table.ts';
import { fmt } from './format-context.ts';
import { monthView } from './month-view.ts';
import { qualityCsvTables, qualityTables } from './quality-view.ts';
import { scopeTables } from './scope-view.ts';
import { TABLE_SECTIONS, sectionTables } from './section-tables.ts';
import type { ViewTable } from './table.ts';
import { weekView } from './week-view.ts';
import { leadFunnelTables } from './lead-funnel-view.ts';
import { agendaTables } from './weekly-agenda.ts';
import { boardPackTables } from './board-pack.ts';
import { stageTables } from './stage-lists.ts';
import { changeCountsTable, changesTable, memoryTable } from './history-view.ts';

/**
 * `dealRows`: the site model's deal rows, so every deal list's CSV holds all its deals; from the
 * rest of the site model, the files the deals came from (issue CSVs link the deals' CRM records)
 * and the open deals per stage (the pipeline page's stage lists).
 */
export function allTables(report: Report, dealRows?: DealRows, pageOnly: PageOnly = {}): ViewTable[] {
  return [...eachTable(report, dealRows, pageOnly)];
}

/** What the CSVs read from the site model beside the report. */
export type PageOnly = Partial<Pick<SiteModel, 'dealFiles' | 'openByStage' | 'openByStageOfTeam'>>;

/** The tables one after another, made as they are asked for: the build writes each and lets it go. */
export function* eachTable(report: Report, dealRows?: DealRows, pageOnly: PageOnly = {}): Generator<ViewTable> {
  const seen = new Set<string>();
  for (const table of tableGroups(report, dealRows, pageOnly)) {
    if (seen.has(table.id)) throw new Error(`two tables share the id "${table.id}"`);
    seen.add(table.id);
    yield table;
  }
}

/** `flatMap` that makes one item's tables only when the previous item's are used up. */
function* each<T>(items: readonly T[], tablesOf: (item: T, index: number) => ViewTable[]): Generator<ViewTable> {
  for (const [i, item] of items.entries()) yield* tablesOf(item, i);
}

function* tableGroups(report: Report, dealRows: DealRows | undefined, pageOnly: PageOnly): Generator<ViewTable> {
  const f = fmt('en', report.meta.currency as Currency, report.meetings.crmDealUrl);
  yield* scopeTables(report.company, f, 'overview');
  yield* each(report.teams, (team) => scopeTables(team.figures, f, `team-${team.slug}`));
  yield* each(report.sellers, (s) => {
    const prefix = `seller-${s.person.slug}`;
    return [
      ...scopeTables(s.figures, f, prefix),
      activityGoalTable(`${prefix}-activity-goals`, s.figures.activities.goalsRecentWeeks, f),
      dealTable(`${prefix}-open-deals`, 'Open deals', s.openDeals, f, 'close', dealRows),
      ...(s.volumeAndRevenue ? [volumeRevenueTable(`${prefix}-volume-revenue`, s.volumeAndRevenue, f)] : []),
    ];
  });
  yield* each(report.weeks, (w, i) => {
    const view = weekView(w, f, dealRows);
    const agenda = report.meetings.agendas[i];
    return [...view.past, ...view.ahead, ...(agenda ? Object.values(agendaTables(w, agenda, f)) : [])];
  });
  yield* each(report.months, (m, i) => {
    const view = monthView(m, f, dealRows);
    const pack = report.meetings.packs[i];
    return [...view.results, ...view.opportunities, ...(pack ? boardPackTables(report, m, pack, f) : [])];
  });
  yield* each(TABLE_SECTIONS, (section) => sectionTables(section, report, f));
  yield* stageTables(pageOnly.openByStage ?? [], f, dealRows);
  const companyStageIds = (pageOnly.openByStage ?? []).map((s) => s.stageId);
  yield* each(report.teams, (team) => {
    const stages = pageOnly.openByStageOfTeam?.[team.id] ?? [];
    return stageTables(stages, f, dealRows, { prefix: `team-${team.slug}`, slugIds: [...companyStageIds, ...stages.map((s) => s.stageId)] });
  });
  yield* leadFunnelTables(report, f);
  yield* qualityTables(report, f);
  yield* qualityCsvTables(report, f, pageOnly.dealFiles);
  yield* each(report.history?.weeks ?? [], (w) => {
    const teamName = (id: string) => report.teams.find((x) => x.id === id)?.name ?? id;
    const stageLabel = (id: string) => report.meta.stages.find((s) => s.id === id)?.label ?? id;
    return [changeCountsTable(w, f, teamName), changesTable(w, f, teamName, stageLabel)];
  });
  yield* (report.history?.weekMemories ?? []).map((w) => memoryTable(w, f));
  yield* (report.history?.months ?? []).map((m) => memoryTable(m, f));
}
