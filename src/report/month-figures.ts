/**
 * The monthly business review (domain §6): results against budget year-to-date at the end of
 * the month — company, each team, each seller — then the month's deals and the opportunities
 * expected to close in it. For the current month "end" is the as-of date.
 */
import { reconcileBudgets, type ReconciliationRow } from '../metrics/budget-reconciliation.ts';
import type { MetricContext } from '../metrics/context.ts';
import { targetAttainment, totalRow, type AttainmentRow, type TargetAttainment } from '../metrics/target-attainment.ts';
import { inRange, type DateRange } from '../periods/calendar.ts';
import { monthRange } from '../periods/fiscal.ts';
import type { SalesVolume } from '../metrics/sales-volume.ts';
import type { Invoice, ModelDeal, Target } from '../core/records.ts';
import { dealList, type DealLineContext, type DealList } from './deal-lines.ts';
import type { PersonRef } from './people.ts';

export interface ScopeForMonth {
  /** The scope's won deals; at least those won in the fiscal year of the month's `through` date. */
  deals: readonly ModelDeal[];
  /** The scope's sales volume over year-to-date at `through`, when the caller has summed it already. */
  volumeYtd?: SalesVolume;
  targets: readonly Target[];
  invoices: readonly Invoice[];
}

export interface MonthFigures {
  month: string;
  range: DateRange;
  /** The date the year-to-date figures run to: the month's last day, or as-of in the current month. */
  through: string;
  current: boolean;
  company: TargetAttainment;
  teams: { id: string; name: string; total: AttainmentRow | undefined }[];
  sellers: { person: PersonRef; teamId: string; total: AttainmentRow | undefined }[];
  /** The total budget at `through`: company vs Σ teams vs Σ sellers (`volume:total`). */
  reconciliation: ReconciliationRow[];
  won: DealList;
  lost: DealList;
  created: DealList;
  /** Deals still open (as known today) whose expected close date is in the month. */
  openClosingInMonth: DealList;
}

export interface MonthInput {
  company: ScopeForMonth;
  teams: ({ id: string; name: string } & ScopeForMonth)[];
  /** The sellers to list (the caller leaves out people without targets or deals). */
  sellers: ({ person: PersonRef; teamId: string } & ScopeForMonth)[];
  /** Deals closed or created in the month, or expected to close in it. */
  deals: readonly ModelDeal[];
}

export function monthFigures(month: string, input: MonthInput, lines: DealLineContext, ctx: MetricContext): MonthFigures {
  const range = monthRange(month);
  const through = range.end < ctx.asOf ? range.end : ctx.asOf;
  const atMonthEnd: MetricContext = { ...ctx, asOf: through };
  const attainment = (scope: ScopeForMonth) => targetAttainment(scope, atMonthEnd, scope.volumeYtd);
  // The month's deal lists, sorted out in one pass over its deals (each list in their order).
  const won: ModelDeal[] = [];
  const lost: ModelDeal[] = [];
  const created: ModelDeal[] = [];
  const openClosing: ModelDeal[] = [];
  for (const d of input.deals) {
    const closesInMonth = inRange(d.close, range);
    if (closesInMonth && d.status === 'won') won.push(d);
    if (closesInMonth && d.status === 'lost') lost.push(d);
    if (inRange(d.created, range)) created.push(d);
    if (closesInMonth && d.status === 'open') openClosing.push(d);
  }
  const company = attainment(input.company);
  const teams = input.teams.map((team) => ({ id: team.id, name: team.name, total: totalRow(attainment(team)) }));
  const sellers = input.sellers.map((seller) => ({ person: seller.person, teamId: seller.teamId, total: totalRow(attainment(seller)) }));
  const teamIds = new Set(input.teams.map((team) => team.id));
  const rowsOf = (total: AttainmentRow | undefined) => (total === undefined ? [] : [total]);
  return {
    month,
    range,
    through,
    current: inRange(ctx.asOf, range),
    company,
    teams,
    sellers,
    reconciliation: reconcileBudgets(
      {
        company: company.rows,
        teams: teams.map((team) => rowsOf(team.total)),
        sellers: sellers.map((seller) => ({ rows: rowsOf(seller.total), inTeam: teamIds.has(seller.teamId) })),
      },
      ['volume:total'],
    ),
    won: dealList(won, lines),
    lost: dealList(lost, lines),
    created: dealList(created, lines),
    openClosingInMonth: dealList(openClosing, lines),
  };
}
