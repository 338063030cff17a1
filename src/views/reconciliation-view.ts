/**
 * The budget reconciliation as a table: per measure and period, the company budget beside the
 * sum of the teams' and of the sellers' budgets, the difference in money and in per cent, and why.
 */
import { t, type Locale } from '../i18n/index.ts';
import type { ReconciliationRow } from '../metrics/budget-reconciliation.ts';
import { buildTable } from './build-table.ts';
import type { Fmt } from './format-context.ts';
import { measureLabel } from './labels.ts';
import type { ViewTable } from './table.ts';

/** One line of the table: a reconciliation row seen from one level (teams or sellers). */
interface Line {
  row: ReconciliationRow;
  level: 'teams' | 'sellers';
}

/** The unit a measure's money is in: annual sales volume, or invoiced revenue. */
export function unitOfMeasure(locale: Locale, measure: string): string {
  return t(locale, measure === 'revenue' ? 'unit.invoiced' : 'unit.annualVolume');
}

export function reconciliationTable(id: string, rows: readonly ReconciliationRow[], f: Fmt, description: string): ViewTable {
  const { locale } = f;
  const lines: Line[] = rows.flatMap((row) => [
    { row, level: 'teams' as const },
    { row, level: 'sellers' as const },
  ]);
  const period = (line: Line) => (line.row.period === 'year-to-date' ? t(locale, 'metric.ytd') : t(locale, 'reconcile.fullYear'));
  return buildTable<Line>(
    { id, definition: 'budget-reconciliation', title: t(locale, 'reconcile.title'), description },
    [
      { label: t(locale, 'planCheck.measure'), key: 'measure', show: (l) => measureLabel(locale, l.row.measure), raw: (l) => l.row.measure },
      {
        label: t(locale, 'unit.label'),
        key: 'unit',
        show: (l) => unitOfMeasure(locale, l.row.measure),
        raw: (l) => (l.row.measure === 'revenue' ? 'invoiced' : 'annual_volume'),
      },
      { label: t(locale, 'common.period'), key: 'period', show: period, raw: (l) => l.row.period },
      { label: t(locale, 'reconcile.company'), key: 'company_budget', align: 'end', show: (l) => f.money(l.row.company), raw: (l) => l.row.company },
      { label: t(locale, 'reconcile.level'), key: 'level', show: (l) => t(locale, `reconcile.level.${l.level}`), raw: (l) => l.level },
      { label: t(locale, 'reconcile.sum'), key: 'sum', align: 'end', show: (l) => f.money(l.row[l.level].sum), raw: (l) => l.row[l.level].sum },
      {
        label: t(locale, 'reconcile.difference'),
        key: 'difference',
        align: 'end',
        show: (l) => f.money(l.row[l.level].difference),
        raw: (l) => l.row[l.level].difference,
      },
      {
        label: t(locale, 'reconcile.differenceShare'),
        key: 'difference_share',
        align: 'end',
        show: (l) => f.percent(l.row[l.level].share),
        raw: (l) => l.row[l.level].share,
      },
      {
        label: t(locale, 'reconcile.reason'),
        key: 'reason',
        show: (l) => t(locale, `reconcile.reason.${l.row[l.level].reason}`),
        raw: (l) => l.row[l.level].reason,
      },
      {
        label: t(locale, 'reconcile.withoutTeamColumn'),
        key: 'without_team',
        align: 'end',
        show: (l) => (l.level === 'sellers' ? f.money(l.row.withoutTeam) : '–'),
        raw: (l) => (l.level === 'sellers' ? l.row.withoutTeam : null),
      },
    ],
    lines,
  );
}
