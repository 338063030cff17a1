/** Activities against weekly goals, as a table and a chart of the leading indicators. */
import { lineChart } from '../charts/index.ts';
import { t } from '../i18n/index.ts';
import type { ActivityGoalRow } from '../metrics/activity-goals.ts';
import { buildTable } from './build-table.ts';
import type { Fmt } from './format-context.ts';
import type { ViewTable } from './table.ts';

export function activityGoalTable(id: string, rows: readonly ActivityGoalRow[], f: Fmt, title?: string): ViewTable {
  const { locale } = f;
  const heading = title ?? t(locale, 'chart.activityGoals');
  const weeks = [...new Set(rows.map((r) => r.week))];
  return buildTable(
    {
      id,
      title: heading,
      description: t(locale, 'chart.activityGoals.desc'),
      chart:
        rows.length === 0
          ? undefined
          : () =>
              lineChart(
                rows.map((r) => ({ week: r.week, value: r.share === null ? null : r.share * 100, series: t(locale, `activity.${r.type}`) })),
                { locale, title: heading, weeks, goal: 100, goalLabel: t(locale, 'common.goal'), percent: true },
              ),
    },
    [
      { label: t(locale, 'common.week'), key: 'week', show: (r) => f.week(r.week, true), raw: (r) => r.week },
      { label: t(locale, 'activity.label'), key: 'type', show: (r) => t(locale, `activity.${r.type}`), raw: (r) => r.type },
      { label: t(locale, 'common.actual'), key: 'actual', align: 'end', show: (r) => f.number(r.actual), raw: (r) => r.actual },
      { label: t(locale, 'common.goal'), key: 'goal', align: 'end', show: (r) => f.number(r.goal), raw: (r) => r.goal },
      { label: t(locale, 'common.share'), key: 'share', align: 'end', show: (r) => f.percent(r.share), raw: (r) => r.share },
    ],
    rows,
  );
}
