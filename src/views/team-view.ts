/**
 * The team lead's table: per seller of the team, budget and result year to date, attainment
 * with status, pace against the full-year target, pipeline coverage and last week's activities
 * against the weekly goals — lowest attainment first, people without a budget last.
 */
import { t } from '../i18n/index.ts';
import type { ActivityGoalRow } from '../metrics/activity-goals.ts';
import { ratio, sumMoney } from '../metrics/money.ts';
import { totalRow } from '../metrics/target-attainment.ts';
import type { Report, SellerEntry } from '../report/site-model.ts';
import type { Fmt } from './format-context.ts';
import type { Routes } from './routes.ts';
import { statusOf, statusText } from './status.ts';

/** Σ actual ÷ Σ goal over the activity types of the latest week with goals; null without goals. */
export function lastWeekActivityShare(rows: readonly ActivityGoalRow[]): { week: string; actual: number; goal: number; share: number | null } | null {
  const weeks = [...new Set(rows.filter((r) => r.goal > 0).map((r) => r.week))].sort();
  const week = weeks.at(-1);
  if (week === undefined) return null;
  const ofWeek = rows.filter((r) => r.week === week && r.goal > 0);
  const actual = sumMoney(ofWeek.map((r) => r.actual));
  const goal = sumMoney(ofWeek.map((r) => r.goal));
  return { week, actual, goal, share: ratio(actual, goal) };
}

export function teamSellerTable(report: Report, sellers: readonly SellerEntry[], f: Fmt, routes: Routes) {
  const { locale } = f;
  const limit = report.meetings.attention.attainmentBelow;
  const rows = sellers
    .map((s) => ({ s, total: totalRow(s.figures.targets), activity: lastWeekActivityShare(s.figures.activities.goalsRecentWeeks) }))
    .sort((a, b) => (a.total?.attainment ?? Infinity) - (b.total?.attainment ?? Infinity) || a.s.person.name.localeCompare(b.s.person.name, 'sv'));
  const coverage = (s: SellerEntry) => s.figures.pipeline.coverage.coverage;
  return {
    columns: [
      { label: t(locale, 'common.seller') },
      { label: t(locale, 'hat.label') },
      { label: t(locale, 'pack.col.ytdBudget'), align: 'end' as const },
      { label: t(locale, 'pack.col.ytdResult'), align: 'end' as const },
      { label: t(locale, 'metric.attainment'), align: 'end' as const },
      { label: t(locale, 'status.label') },
      { label: `${t(locale, 'metric.pace')} / ${t(locale, 'metric.target')}`, align: 'end' as const },
      { label: t(locale, 'metric.coverage'), align: 'end' as const },
      { label: t(locale, 'chart.activityGoals'), align: 'end' as const },
    ],
    rows: rows.map(({ s, total, activity }) => ({
      href: routes.seller(locale, s.person.slug),
      label: s.person.name,
      cells: [
        s.hats.map((h) => t(locale, `hat.${h}`)).join(', '),
        f.moneyCompact(total?.budgetYtd ?? null),
        f.moneyCompact(total?.resultYtd ?? null),
        f.percent(total?.attainment ?? null),
        statusText(locale, statusOf(total?.attainment, limit)),
        f.percent(total?.paceVsTarget ?? null),
        coverage(s) === null ? '–' : t(locale, 'unit.coverage', { value: f.number(coverage(s), 1) }),
        activity === null ? '–' : `${f.percent(activity.share)} (${f.week(activity.week)})`,
      ],
    })),
  };
}
