/** Which tables each section page shows, in order. */
import { t } from '../i18n/index.ts';
import type { Report } from '../report/site-model.ts';
import { activityGoalTable, activityPersonTable } from './activity-view.ts';
import { buildTable } from './build-table.ts';
import type { Fmt } from './format-context.ts';
import { scopeKpiCards, type Kpi, type KpiId } from './scope-view.ts';
import type { Routes } from './routes.ts';
import { channelTables, cohortTable, funnelTable, handoffTable, lowestFirst, pipelineTables, SECTION_SELLER_ROWS, targetTables } from './sections-view.ts';
import type { ViewTable } from './table.ts';
import { pipelineTrendTable } from './history-view.ts';

export const TABLE_SECTIONS = ['channels', 'targets', 'pipeline', 'funnel', 'activities'] as const;
export type TableSection = (typeof TABLE_SECTIONS)[number];

function activityTables(report: Report, f: Fmt): ViewTable[] {
  const { locale } = f;
  const sellers = report.sellers
    .filter((s) => s.figures.activities.timeWithCustomersYtd.meetingsHeld > 0 || s.figures.activities.customersWorked.accountsWorked > 0)
    // Fewest customers worked first: the sellers a capped page shows are the ones to talk about.
    .sort((a, b) => a.figures.activities.customersWorked.accountsWorked - b.figures.activities.customersWorked.accountsWorked);
  const goalsByPerson = [...report.company.activities.goalsByPerson].sort((a, b) => lowestFirst(a.share, b.share));
  return [
    activityGoalTable('activities-goals', report.company.activities.goalsRecentWeeks, f),
    activityPersonTable(
      'activities-goals-by-person',
      goalsByPerson,
      f,
      (id) => report.sellers.find((s) => s.person.id === id)?.person.name ?? '–',
      [...new Set(report.company.activities.goalsRecentWeeks.map((r) => r.week))],
      SECTION_SELLER_ROWS,
    ),
    buildTable(
      {
        id: 'activities-by-seller',
        definition: 'customers-worked',
        title: t(locale, 'chart.activitiesBySeller'),
        description: `${t(locale, 'def.customersWorked')} ${t(locale, 'def.timeWithCustomers')}`,
        pageRows: SECTION_SELLER_ROWS,
      },
      [
        { label: t(locale, 'common.seller'), key: 'seller', show: (s) => s.person.name, raw: (s) => s.person.name },
        {
          label: t(locale, 'metric.customersWorked'),
          key: 'customers_worked',
          align: 'end',
          show: (s) => f.number(s.figures.activities.customersWorked.accountsWorked),
          raw: (s) => s.figures.activities.customersWorked.accountsWorked,
        },
        {
          label: t(locale, 'common.goal'),
          key: 'customers_goal',
          align: 'end',
          show: (s) => f.number(s.figures.activities.customersWorked.goal),
          raw: (s) => s.figures.activities.customersWorked.goal,
        },
        {
          label: t(locale, 'funnel.meetingsHeld'),
          key: 'meetings_held',
          align: 'end',
          show: (s) => f.number(s.figures.activities.timeWithCustomersYtd.meetingsHeld),
          raw: (s) => s.figures.activities.timeWithCustomersYtd.meetingsHeld,
        },
        {
          label: t(locale, 'metric.timeWithCustomers'),
          key: 'hours',
          align: 'end',
          show: (s) => tHours(f, s.figures.activities.timeWithCustomersYtd.hours),
          raw: (s) => s.figures.activities.timeWithCustomersYtd.hours,
        },
      ],
      sellers,
    ),
  ];
}

function tHours(f: Fmt, hours: number): string {
  return `${f.number(hours, 0)} h`;
}

export function sectionTables(section: TableSection, report: Report, f: Fmt): ViewTable[] {
  switch (section) {
    case 'channels':
      return channelTables(report, f);
    case 'targets':
      return targetTables(report, f);
    case 'pipeline':
      return [...pipelineTables(report, f), ...(report.history ? [pipelineTrendTable(report.history, f)] : [])];
    case 'funnel':
      return [
        funnelTable('funnel-company', report.funnel.yearToDate, f),
        cohortTable('funnel-cohort', report.funnel.yearToDate, f),
        handoffTable(report, f),
        ...report.funnel.teams.map((x) =>
          funnelTable(
            `funnel-team-${x.teamId}`,
            x.funnel,
            f,
            `${t(f.locale, 'chart.funnel')} · ${report.teams.find((team) => team.id === x.teamId)?.name ?? x.teamId}`,
          ),
        ),
      ];
    case 'activities':
      return activityTables(report, f);
  }
}

/** The company's key figures shown above each section's tables, by id. */
const SECTION_KPIS: Record<TableSection, readonly KpiId[]> = {
  channels: ['sales-volume'],
  targets: ['sales-volume', 'attainment'],
  pipeline: ['open-pipeline', 'coverage', 'win-rate', 'deal-size', 'stalled-deals'],
  funnel: [],
  activities: ['customers-worked'],
};

/** The key figures shown above a section's tables: the company's, picked per section. */
export function sectionKpis(section: TableSection, report: Report, f: Fmt, routes: Routes): Kpi[] {
  const cards = scopeKpiCards(report.company, f, routes, report.meta);
  return SECTION_KPIS[section].map((id) => cards[id]);
}
