/**
 * Budget reconciliation: does the company's budget equal the sum of the teams' budgets, and the
 * sum of the sellers' budgets — per measure, year to date and for the full year — and if not, by
 * how much and why (domain §1, §2; the monthly review's "results vs budget").
 *
 * @summary
 * - Reads the budgets that `target-attainment` computed for each scope (`budgetYtd`,
 *   `fullYearTarget` of its rows), so the figures reconciled are the very figures the pages show.
 * - Per measure and period: company = the company's budget; Σ teams = the sum over teams with a
 *   budget for the measure; Σ sellers = the same over sellers. A scope without a budget for the
 *   measure is left out of the sum (not counted as 0), and `parts` says how many were summed;
 *   a sum with no parts is null.
 * - Difference = Σ − company (so company + difference = Σ); share = difference ÷ company.
 *   Null when either side is null; share null when the company budget is 0.
 * - Reason: `over-allocation` when the difference is above 0 (the parts promise more than the
 *   whole), `unallocated` when below 0 (part of the company budget is given to nobody),
 *   `balanced` at 0, `no-company-budget` / `no-budget-below` when a side is missing.
 *   `withoutTeam` is the part of Σ sellers held by people who are in no team of the report: it is
 *   in Σ sellers but in no team's budget.
 * - Budgets are summed in cents, exactly, in any order.
 *
 * @example
 * reconcileBudgets({
 *   company: [row('volume:total', 100, 400)],
 *   teams: [[row('volume:total', 60, 240)], [row('volume:total', 50, 200)]],
 *   sellers: [{ rows: [row('volume:total', 70, 280)], inTeam: true }, { rows: [row('volume:total', 20, 80)], inTeam: false }],
 * }, ['volume:total']);
 * //=> [{ measure: 'volume:total', period: 'year-to-date', company: 100,
 * //      teams: { sum: 110, parts: 2, difference: 10, share: 0.1, reason: 'over-allocation' },
 * //      sellers: { sum: 90, parts: 2, difference: -10, share: -0.1, reason: 'unallocated' }, withoutTeam: 20 },
 * //    { measure: 'volume:total', period: 'full-year', company: 400, teams: { sum: 440, …, share: 0.1 }, … }]
 */
import type { AttainmentMeasure, AttainmentRow } from './target-attainment.ts';
import { ratio, sumMoney } from './money.ts';

export type ReconciliationPeriod = 'year-to-date' | 'full-year';
export type ReconciliationReason = 'over-allocation' | 'unallocated' | 'balanced' | 'no-company-budget' | 'no-budget-below';

export interface LevelSum {
  sum: number | null;
  /** How many teams or sellers had a budget for the measure. */
  parts: number;
  difference: number | null;
  share: number | null;
  reason: ReconciliationReason;
}

export interface ReconciliationRow {
  measure: AttainmentMeasure;
  period: ReconciliationPeriod;
  company: number | null;
  teams: LevelSum;
  sellers: LevelSum;
  /** The part of Σ sellers held by people in no team (null when none of them has a budget). */
  withoutTeam: number | null;
}

export interface ReconciliationInput {
  company: readonly AttainmentRow[];
  teams: readonly (readonly AttainmentRow[])[];
  sellers: readonly { rows: readonly AttainmentRow[]; inTeam: boolean }[];
}

type Pick = (row: AttainmentRow) => number | null;

const PICK: Record<ReconciliationPeriod, Pick> = {
  'year-to-date': (row) => row.budgetYtd,
  'full-year': (row) => row.fullYearTarget,
};

function valuesOf(scopes: readonly (readonly AttainmentRow[])[], measure: AttainmentMeasure, pick: Pick): number[] {
  return scopes.flatMap((rows) => {
    const value = rows.find((row) => row.measure === measure);
    const picked = value === undefined ? null : pick(value);
    return picked === null ? [] : [picked];
  });
}

function levelSum(company: number | null, values: readonly number[]): LevelSum {
  const sum = values.length === 0 ? null : sumMoney(values);
  if (company === null || sum === null) {
    return { sum, parts: values.length, difference: null, share: null, reason: company === null ? 'no-company-budget' : 'no-budget-below' };
  }
  const difference = sumMoney([sum, -company]);
  const reason: ReconciliationReason = difference > 0 ? 'over-allocation' : difference < 0 ? 'unallocated' : 'balanced';
  return { sum, parts: values.length, difference, share: ratio(difference, company), reason };
}

/** One row per measure × period (year to date, then full year), in the order of `measures`. */
export function reconcileBudgets(input: ReconciliationInput, measures: readonly AttainmentMeasure[]): ReconciliationRow[] {
  const rows: ReconciliationRow[] = [];
  for (const measure of measures) {
    for (const period of ['year-to-date', 'full-year'] as const) {
      const pick = PICK[period];
      const own = input.company.find((row) => row.measure === measure);
      const company = own === undefined ? null : pick(own);
      const teamValues = valuesOf(input.teams, measure, pick);
      const sellerValues = valuesOf(
        input.sellers.map((s) => s.rows),
        measure,
        pick,
      );
      const outside = valuesOf(
        input.sellers.filter((s) => !s.inTeam).map((s) => s.rows),
        measure,
        pick,
      );
      if (company === null && teamValues.length === 0 && sellerValues.length === 0) continue;
      rows.push({
        measure,
        period,
        company,
        teams: levelSum(company, teamValues),
        sellers: levelSum(company, sellerValues),
        withoutTeam: outside.length === 0 ? null : sumMoney(outside),
      });
    }
  }
  return rows;
}
