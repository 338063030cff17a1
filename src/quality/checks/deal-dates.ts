/**
 * PastCloseDate: an open deal whose close date is strictly before as-of (closing on as-of is fine).
 * CloseBeforeCreated: any deal (open, won or lost) whose close date is strictly before its created date.
 * Both are located at the deal row, field `close_date`, owned by the deal's owner.
 */
import type { Issue } from '../../core/issue.ts';
import { daysBetween, type QualityInput } from '../input.ts';
import { makeIssue } from '../../core/rules.ts';

export function pastCloseDate({ records, asOf }: QualityInput): Issue[] {
  return records.deals
    .filter((deal) => deal.status === 'open' && deal.close < asOf)
    .map((deal) =>
      makeIssue(
        'PastCloseDate',
        { close: deal.close, asOf, days: daysBetween(deal.close, asOf) },
        { file: deal.file, line: deal.line, field: 'close_date', recordId: deal.id, ownerId: deal.ownerId },
      ),
    );
}

export function closeBeforeCreated({ records }: QualityInput): Issue[] {
  return records.deals
    .filter((deal) => deal.close < deal.created)
    .map((deal) =>
      makeIssue(
        'CloseBeforeCreated',
        { created: deal.created, close: deal.close },
        { file: deal.file, line: deal.line, field: 'close_date', recordId: deal.id, ownerId: deal.ownerId },
      ),
    );
}
