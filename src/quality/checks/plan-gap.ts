/**
 * PlanGap: the parts of a plan sum to less than the whole (domain §1: seller targets must cover
 * the company target). The comparison is the plan-check metric's (src/metrics/plan-check.ts:
 * month and quarter targets of the parts are summed up to the whole's period), so the data-quality
 * page and the channels page always report the same gaps. Each failing row becomes one issue on
 * the first target row of the whole (team or company), field `value`, with no owner.
 */
import { planCheck } from '../../metrics/plan-check.ts';
import type { Issue } from '../../core/issue.ts';
import type { QualityInput } from '../input.ts';
import { makeIssue } from '../rules.ts';

export function planGaps({ records, settings, asOf }: QualityInput): Issue[] {
  const rows = planCheck(records.targets, records.users, { settings, asOf });
  const issues: Issue[] = [];
  for (const row of rows) {
    if (row.ok) continue;
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
