/** Activities against weekly goals, as a table and a chart of the leading indicators. */
import { lineChart } from '../charts/index.ts';
import { t } from '../i18n/index.ts';
import type { ActivityGoalRow, PersonGoalRow } from '../metrics/activity-goals.ts';
import { buildTable } from './build-table.ts';
import type { Fmt } from './format-context.ts';
import type { ViewTable } from './table.ts';

/** The share axis stops at 200 % of the goal: the figures near the goal stay readable. */
export const SHARE_CAP = 200;

export function activityGoalTable(id: string, rows: readonly ActivityGoalRow[], f: Fmt, title?: string): ViewTable {
  const { locale } = f;
  const heading = title ?? t(locale, 'chart.activityGoals');
  const weeks = [...new Set(rows.map((r) => r.week))];
  return buildTable(
    {
      id,
      definition: 'activity-goals',
      title: heading,
      description: t(locale, 'chart.activityGoals.desc'),
      chart:
        rows.length === 0
          ? undefined
          : () =>
              lineChart(
                rows.map((r) => ({
                  week: r.week,
                  value: r.share === null ? null : r.share * 100,
                  series: t(locale, `activity.${r.type}`),
                  href: f.links?.week(r.week),
                })),
                { locale, title: heading, weeks, goal: 100, goalLabel: t(locale, 'common.goal'), percent: true, cap: SHARE_CAP },
              ),
    },
    [
      { label: t(locale, 'common.week'), key: 'week', show: (r) => f.week(r.week, true), raw: (r) => r.week },
      { label: t(locale, 'activity.label'), key: 'type', show: (r) => t(locale, `activity.${r.type}`), raw: (r) => r.type },
      { label: t(locale, 'common.actual'), key: 'actual', align: 'end', show: (r) => f.number(r.actual), raw: (r) => r.actual },
      { label: t(locale, 'common.goal'), key: 'goal', align: 'end', show: (r) => f.number(r.goal), raw: (r) => r.goal },
      { label: t(locale, 'common.share'), key: 'share', align: 'end', show: (r) => f.percent(r.share), raw: (r) => r.share },
      { label: t(locale, 'activity.holders'), key: 'goal_holders', align: 'end', show: (r) => f.number(r.holders), raw: (r) => r.holders },
      { label: t(locale, 'activity.outside'), key: 'not_counted', align: 'end', show: (r) => f.number(r.outside), raw: (r) => r.outside },
    ],
    rows,
  );
}

/** Per person and type: activities in the weeks they held the goal, against the goal. */
export function activityPersonTable(
  id: string,
  rows: readonly PersonGoalRow[],
  f: Fmt,
  name: (personId: string) => string,
  weeks: readonly string[],
  /** At most this many rows on the page (the weekly page of a large company); the CSV has all. */
  pageRows?: number,
): ViewTable {
  const { locale } = f;
  const span =
    weeks.length === 0 ? '' : weeks.length === 1 ? f.week(weeks[0]!, true) : `${f.week(weeks[0]!, true)} – ${f.week(weeks[weeks.length - 1]!, true)}`;
  return buildTable<PersonGoalRow>(
    {
      id,
      definition: 'activity-goals',
      title: t(locale, 'chart.activityGoalsByPerson', { weeks: span }),
      description: t(locale, 'chart.activityGoalsByPerson.desc'),
      pageRows,
    },
    [
      { label: t(locale, 'common.seller'), key: 'seller', show: (r) => name(r.personId), raw: (r) => name(r.personId) },
      { label: t(locale, 'activity.label'), key: 'type', show: (r) => t(locale, `activity.${r.type}`), raw: (r) => r.type },
      { label: t(locale, 'common.actual'), key: 'actual', align: 'end', show: (r) => f.number(r.actual), raw: (r) => r.actual },
      { label: t(locale, 'common.goal'), key: 'goal', align: 'end', show: (r) => f.number(r.goal), raw: (r) => r.goal },
      { label: t(locale, 'common.share'), key: 'share', align: 'end', show: (r) => f.percent(r.share), raw: (r) => r.share },
    ],
    rows,
  );
}
