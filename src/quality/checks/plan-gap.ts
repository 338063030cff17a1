/**
 * PlanGap: the parts of a plan sum to less than the whole (domain §1: seller targets must cover the
 * company target). Only `cadence: total` rows are compared, and only within the same period string
 * and measure (FY2026 is not compared with 2026-03). Rows with the same scope and scope id are summed
 * and located at the first of them.
 * - team row vs the seller rows whose user (users.csv) is in that team — when the group has seller rows;
 * - company row vs all team rows, or, when the group has no team rows, all seller rows.
 * The issue sits on the team/company row, field `value`, with no owner.
 */
import type { Target } from '../../model/types.ts';
import type { Issue } from '../../validate/issue.ts';
import type { QualityInput } from '../input.ts';
import { makeIssue } from '../rules.ts';

interface Whole {
  row: Target;
  cents: number;
}

const cents = (value: number) => Math.round(value * 100);

/** scopeId → summed value and first row, in order of first appearance. */
function byScopeId(rows: Target[]): Map<string, Whole> {
  const wholes = new Map<string, Whole>();
  for (const row of rows) {
    const seen = wholes.get(row.scopeId);
    if (seen) seen.cents += cents(row.value);
    else wholes.set(row.scopeId, { row, cents: cents(row.value) });
  }
  return wholes;
}

export function planGaps({ records }: QualityInput): Issue[] {
  const teamOf = new Map(records.users.map((user) => [user.id, user.teamId]));
  const groups = new Map<string, Target[]>();
  for (const target of records.targets) {
    if (target.cadence !== 'total') continue;
    const key = `${target.period}\u0000${target.measure}`;
    groups.set(key, [...(groups.get(key) ?? []), target]);
  }
  const issues: Issue[] = [];
  const gap = (whole: Whole, parts: 'seller' | 'team', sumCents: number) => {
    if (sumCents >= whole.cents) return;
    const { row } = whole;
    issues.push(
      makeIssue(
        'PlanGap',
        {
          period: row.period,
          measure: row.measure,
          level: row.scope === 'team' ? 'team' : 'company',
          scopeId: row.scopeId,
          target: whole.cents / 100,
          parts,
          sum: sumCents / 100,
          gap: (whole.cents - sumCents) / 100,
        },
        { file: row.file, line: row.line, field: 'value' },
      ),
    );
  };
  for (const rows of groups.values()) {
    const sellers = rows.filter((row) => row.scope === 'seller');
    const teams = byScopeId(rows.filter((row) => row.scope === 'team'));
    const companies = byScopeId(rows.filter((row) => row.scope === 'company'));
    const sellerCents = (inTeam?: string) =>
      sellers
        .filter((row) => inTeam === undefined || teamOf.get(row.scopeId) === inTeam)
        .reduce((sum, row) => sum + cents(row.value), 0);
    if (sellers.length > 0) {
      for (const [teamId, team] of teams) gap(team, 'seller', sellerCents(teamId));
    }
    for (const company of companies.values()) {
      if (teams.size > 0) gap(company, 'team', [...teams.values()].reduce((sum, team) => sum + team.cents, 0));
      else if (sellers.length > 0) gap(company, 'seller', sellerCents());
    }
  }
  return issues;
}
