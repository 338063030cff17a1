/**
 * StalledDeal: an open deal whose latest sign of life is at least `limit` days before as-of.
 * Latest sign of life = the latest of its created date, its updated date and the date of any
 * activity with its `dealId`, counting only dates on or before as-of (the activity facts'
 * `lastByDeal`, as src/metrics/stalled-deals.ts reads it, so page and metric agree).
 * `limit` = the stage's `stalledDays`, else `settings.stalledDays`.
 */
import type { IsoDate } from '../../core/records.ts';
import type { Issue } from '../../core/issue.ts';
import { daysBetween, stageById, type QualityInput } from '../input.ts';
import { makeIssue } from '../../core/rules.ts';

export function stalledDeals({ records, settings, asOf }: QualityInput): Issue[] {
  const lastActivity: ReadonlyMap<string, IsoDate> = records.activityFacts.lastByDeal;
  const issues: Issue[] = [];
  for (const deal of records.deals) {
    if (deal.status !== 'open') continue;
    const stage = stageById(settings, deal.stageId);
    const limit = stage?.stalledDays ?? settings.stalledDays;
    const since = [deal.created, deal.updated ?? '', lastActivity.get(deal.id) ?? ''].filter((date) => date <= asOf).reduce((a, b) => (b > a ? b : a), '');
    if (since === '') continue; // created after as-of
    const days = daysBetween(since, asOf);
    if (days < limit) continue;
    issues.push(
      makeIssue(
        'StalledDeal',
        { stage: deal.stageId, days, since, limit },
        { file: deal.file, line: deal.line, field: 'updated_date', recordId: deal.id, ownerId: deal.ownerId },
      ),
    );
  }
  return issues;
}
