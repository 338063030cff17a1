/** The monthly business review's tables: results vs budget year to date, then the opportunities. */
import { t } from '../i18n/index.ts';
import type { AttainmentRow } from '../metrics/target-attainment.ts';
import type { MonthFigures } from '../report/month-figures.ts';
import type { DealRows } from '../report/deal-lines.ts';
import { buildTable } from './build-table.ts';
import { SELLER_PAGE_ROWS } from './board-pack.ts';
import { dealTable } from './deal-table.ts';
import type { Fmt } from './format-context.ts';
import type { ViewTable } from './table.ts';
import { measureLabel } from './labels.ts';
import { reconciliationTable, unitOfMeasure } from './reconciliation-view.ts';

function resultColumns<T>(f: Fmt, row: (x: T) => AttainmentRow | undefined) {
  const { locale } = f;
  return [
    {
      label: t(locale, 'common.actual'),
      key: 'result_ytd',
      align: 'end' as const,
      show: (x: T) => f.money(row(x)?.resultYtd),
      raw: (x: T) => row(x)?.resultYtd ?? null,
    },
    {
      label: t(locale, 'metric.budget'),
      key: 'budget_ytd',
      align: 'end' as const,
      show: (x: T) => f.money(row(x)?.budgetYtd),
      raw: (x: T) => row(x)?.budgetYtd ?? null,
    },
    {
      label: t(locale, 'metric.attainment'),
      key: 'attainment',
      align: 'end' as const,
      show: (x: T) => f.percent(row(x)?.attainment),
      raw: (x: T) => row(x)?.attainment ?? null,
    },
    {
      label: `${t(locale, 'metric.pace')} / ${t(locale, 'metric.target')}`,
      key: 'pace_vs_target',
      align: 'end' as const,
      show: (x: T) => f.percent(row(x)?.paceVsTarget),
      raw: (x: T) => row(x)?.paceVsTarget ?? null,
    },
  ];
}

export interface MonthView {
  results: ViewTable[];
  opportunities: ViewTable[];
}

/** Deal lines per list on a month's page: four lists beside the board pack stay within the page budget. */
const MONTH_DEAL_ROWS = 15;

/** `rows`: the site model's deal rows, for deal lists whose CSV holds every deal. */
export function monthView(month: MonthFigures, f: Fmt, rows?: DealRows): MonthView {
  const { locale } = f;
  const id = `month-${month.month}`;
  return {
    results: [
      buildTable(
        {
          id: `${id}-company`,
          title: t(locale, 'meeting.monthly.company'),
          description: t(locale, 'meeting.monthly.through', { date: f.date(month.through) }),
        },
        [
          {
            label: t(locale, 'channel.label'),
            key: 'measure',
            show: (r: AttainmentRow) => measureLabel(f.locale, r.measure),
            raw: (r: AttainmentRow) => r.measure,
          },
          {
            label: t(locale, 'unit.label'),
            key: 'unit',
            show: (r: AttainmentRow) => unitOfMeasure(locale, r.measure),
            raw: (r: AttainmentRow) => (r.measure === 'revenue' ? 'invoiced' : 'annual_volume'),
          },
          ...resultColumns<AttainmentRow>(f, (r) => r),
        ],
        month.company.rows,
      ),
      reconciliationTable(`${id}-reconciliation`, month.reconciliation, f, t(locale, 'reconcile.monthDesc', { date: f.date(month.through) })),
      buildTable(
        {
          id: `${id}-teams`,
          title: `${t(locale, 'nav.teams')} (${t(locale, 'unit.annualVolume').toLowerCase()})`,
          description: t(locale, 'meeting.monthly.through', { date: f.date(month.through) }),
        },
        [
          { label: t(locale, 'common.team'), key: 'team', show: (r: MonthFigures['teams'][number]) => r.name, raw: (r: MonthFigures['teams'][number]) => r.id },
          ...resultColumns<MonthFigures['teams'][number]>(f, (r) => r.total),
        ],
        month.teams,
      ),
      buildTable(
        {
          id: `${id}-sellers`,
          title: `${t(locale, 'nav.sellers')} (${t(locale, 'unit.annualVolume').toLowerCase()})`,
          description: t(locale, 'meeting.monthly.through', { date: f.date(month.through) }),
          pageRows: SELLER_PAGE_ROWS,
        },
        [
          {
            label: t(locale, 'common.seller'),
            key: 'seller',
            show: (r: MonthFigures['sellers'][number]) => r.person.name,
            raw: (r: MonthFigures['sellers'][number]) => r.person.name,
          },
          ...resultColumns<MonthFigures['sellers'][number]>(f, (r) => r.total),
        ],
        // A seller without a budget has no attainment: not listed (their result is in the company's).
        month.sellers.filter((s) => s.total?.budgetYtd != null),
      ),
    ],
    opportunities: [
      dealTable(`${id}-won`, t(locale, 'metric.dealsWon'), month.won, f, 'close', rows, MONTH_DEAL_ROWS),
      dealTable(`${id}-open-closing`, t(locale, 'meeting.monthly.openClosing'), month.openClosingInMonth, f, 'close', rows, MONTH_DEAL_ROWS),
      dealTable(`${id}-created`, t(locale, 'meeting.weekly.newOpportunities'), month.created, f, 'created', rows, MONTH_DEAL_ROWS),
      dealTable(`${id}-lost`, t(locale, 'metric.dealsLost'), month.lost, f, 'close', rows, MONTH_DEAL_ROWS),
    ],
  };
}
