/**
 * The report's meeting pages: every ISO week and month from the first record to the as-of date,
 * each week's and month's figures from records grouped once by week and month, then the weekly
 * agendas and monthly board packs.
 */
import { NO_CREATED_DATE, type ModelDeal } from '../core/records.ts';
import type { Model } from '../model/build-model.ts';
import { weeklyGoals } from '../metrics/activity-goals.ts';
import { addTo, groupBy } from '../model/group-by.ts';
import { fiscalYearOf, monthOf, monthRange, monthsBetween } from '../periods/fiscal.ts';
import { addWeeks, isoWeekOf, isoWeeksBetween } from '../periods/iso-week.ts';
import { largestFirst } from './deal-lines.ts';
import { meetingsSection } from './meetings-section.ts';
import { monthFigures, type MonthFigures } from './month-figures.ts';
import { monthScopes } from './month-scopes.ts';
import type { ReportParts } from './report-scopes.ts';
import type { MeetingsSection } from './site-model.ts';
import { weekFigures, type WeekFigures } from './week-figures.ts';

export interface MeetingParts {
  /** The ISO weeks and months listed, oldest first. */
  weekList: string[];
  monthList: string[];
  weeks: WeekFigures[];
  months: MonthFigures[];
  meetings: MeetingsSection;
}

export function meetingParts(parts: ReportParts): MeetingParts {
  const { model, scopes, lines, ctx } = parts;
  const firstDate = firstRecordDate(model, ctx.asOf);
  const weekList = isoWeeksBetween(firstDate, ctx.asOf);
  // Deal lists are shown largest first: grouped from the deals in that order, each list is sorted
  // already (a stable sort keeps equal deals in the model's order, as grouping the model would).
  const largestFirstDeals = [...model.deals].sort(largestFirst);
  const weeks = weekEntries(weekList, largestFirstDeals, parts);
  const dealsByMonth = dealsByMonthOf(model.deals);
  const months = monthEntries(monthsBetween({ start: firstDate, end: ctx.asOf }), dealsByMonthOf(largestFirstDeals), parts);
  const monthList = months.map((m) => m.month);
  const meetings = meetingsSection({
    model,
    largestFirstDeals,
    weeks: weekList,
    months: monthList,
    companyTargets: scopes.company.targets,
    recordsOfTeam: scopes.ofTeam,
    sellerTargets: (id) => scopes.ofSeller(id).targets,
    dealsOfMonth: (m) => dealsByMonth.get(m) ?? [],
    lines,
    ctx,
  });
  return { weekList, monthList, weeks, months, meetings };
}

/** The earliest activity or deal creation, not after as-of. */
function firstRecordDate(model: Model, asOf: string): string {
  const { firstDate: firstActivity } = model.records.activityFacts;
  let firstDate = firstActivity !== '' && firstActivity < asOf ? firstActivity : asOf;
  for (const deal of model.deals) if (deal.created !== NO_CREATED_DATE && deal.created < firstDate) firstDate = deal.created;
  return firstDate;
}

/** Each deal under its created month and, when another, its close month. */
function dealsByMonthOf(deals: readonly ModelDeal[]): Map<string, ModelDeal[]> {
  const dealsByMonth = new Map<string, ModelDeal[]>();
  for (const deal of deals) {
    const created = deal.created === NO_CREATED_DATE ? '' : monthOf(deal.created);
    const closed = monthOf(deal.close);
    if (created !== '') addTo(dealsByMonth, created, deal);
    if (closed !== created) addTo(dealsByMonth, closed, deal);
  }
  return dealsByMonth;
}

function weekEntries(weekList: readonly string[], deals: readonly ModelDeal[], { model, scopes, lines, ctx }: ReportParts): WeekFigures[] {
  const { records } = model;
  const activitiesByWeek = groupBy(records.activities, (a) => isoWeekOf(a.date));
  const closedByWeek = groupBy(
    deals.filter((d) => d.status !== 'open'),
    (d) => isoWeekOf(d.close),
  );
  // A deal without created date was created in no week or month (it is in no "new" list).
  const createdByWeek = groupBy(
    deals.filter((d) => d.created !== NO_CREATED_DATE),
    (d) => isoWeekOf(d.created),
  );
  const goals = weeklyGoals(records.activityFacts.counts, scopes.company.sellerTargets, scopes.company.sellerIds, weekList, ctx);
  return weekList.map((week) =>
    weekFigures(
      week,
      {
        activities: activitiesByWeek.get(week) ?? [],
        activitiesNextWeek: activitiesByWeek.get(addWeeks(week, 1)) ?? [],
        activityCounts: records.activityFacts.counts,
        closed: closedByWeek.get(week) ?? [],
        created: createdByWeek.get(week) ?? [],
        goals,
      },
      lines,
      ctx,
    ),
  );
}

function monthEntries(monthList: readonly string[], dealsByMonth: ReadonlyMap<string, ModelDeal[]>, parts: ReportParts): MonthFigures[] {
  const { model, scopes, persons, lines, ctx } = parts;
  const at = monthScopes(model, scopes, persons);
  return monthList.map((month) => {
    const end = monthRange(month).end;
    const through = end < ctx.asOf ? end : ctx.asOf;
    const fiscalYear = fiscalYearOf(through, model.settings.fiscalYearStartMonth);
    return monthFigures(
      month,
      {
        company: at.company(fiscalYear, through),
        teams: at.teams.map((team) => team(fiscalYear, through)),
        sellers: at.sellers.map((seller) => seller(fiscalYear, through)),
        deals: dealsByMonth.get(month) ?? [],
      },
      lines,
      ctx,
    );
  });
}
