/**
 * PlanGap: the parts of a plan sum to less than the whole (domain §1: seller targets must cover
 * the company target). The comparison is the plan-check metric's (src/metrics/plan-check.ts:
 * month and quarter targets of the parts are summed up to the whole's period), so the data-quality
 * page and the channels page always report the same gaps. Each failing row becomes one issue on
 * the first target row of the whole (team or company), field `value`, with no owner.
 *
 * Not flagged: a gap within settings.planGapTolerance (the larger of `amount`, for money measures,
 * and `share` × the whole target: broken-down targets are rounded), and a company target that no
 * team breaks down while the sellers' targets cover it (revenue planned per account manager, not
 * per team: the domain's rule is that seller targets cover the company target).
 */
import type { Issue } from '../../core/issue.ts';
import { planCheck, type PlanCheckRow } from '../../metrics/plan-check.ts';
import type { Settings } from '../../settings/schema.ts';
import type { QualityInput } from '../input.ts';
import { makeIssue } from '../../core/rules.ts';

type GapRow = Pick<PlanCheckRow, 'measure' | 'target' | 'gap'>;

/** True when the parts fall short of the whole by more than the tolerance allows. */
export function isPlanGap(row: GapRow, tolerance: Settings['planGapTolerance']): boolean {
  if (row.gap >= 0) return false;
  const money = row.measure.startsWith('volume:') || row.measure === 'revenue';
  return -row.gap > Math.max(money ? tolerance.amount : 0, tolerance.share * Math.abs(row.target));
}

/** Company rows whose sellers cover them (period and measure), for skipping the team level. */
function coveredBySellers(rows: readonly PlanCheckRow[], tolerance: Settings['planGapTolerance']): Set<string> {
  return new Set(
    rows.filter((r) => r.level === 'sellers-vs-company' && r.contributors > 0 && !isPlanGap(r, tolerance)).map((r) => `${r.period}\u0000${r.measure}`),
  );
}

export function planGaps({ records, settings, asOf }: QualityInput): Issue[] {
  const rows = planCheck(records.targets, records.users, { settings, asOf });
  const tolerance = settings.planGapTolerance;
  const covered = coveredBySellers(rows, tolerance);
  const issues: Issue[] = [];
  for (const row of rows) {
    if (!isPlanGap(row, tolerance)) continue;
    if (row.level === 'teams-vs-company' && row.contributors === 0 && covered.has(`${row.period}\u0000${row.measure}`)) continue;
    const wholeScope = row.level === 'sellers-vs-team' ? 'team' : 'company';
    const whole = records.targets.find(
      (t) =>
        t.cadence === 'total' &&
        t.scope === wholeScope &&
        t.period === row.period &&
        t.measure === row.measure &&
        (wholeScope === 'company' || t.scopeId === row.teamId),
    );
    if (!whole) continue;
    issues.push(
      makeIssue(
        'PlanGap',
        {
          period: row.period,
          measure: row.measure,
          level: wholeScope,
          scopeId: whole.scopeId,
          target: row.target,
          parts: row.level === 'teams-vs-company' ? 'team' : 'seller',
          sum: row.sum,
          gap: -row.gap,
        },
        { file: whole.file, line: whole.line, field: 'value' },
      ),
    );
  }
  return issues;
}
