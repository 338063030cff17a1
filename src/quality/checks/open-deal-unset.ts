/**
 * OpenDealWithoutAmount / OpenDealWithoutCloseDate: an open deal the export gave no amount or no
 * expected close date. The deal is kept (its stage, owner and age are pipeline facts); the issue
 * names its owner, who can fill the field in.
 */
import type { Issue } from '../../core/issue.ts';
import type { QualityInput } from '../input.ts';
import { makeIssue } from '../../core/rules.ts';

export function openDealUnset({ records }: QualityInput): Issue[] {
  const issues: Issue[] = [];
  for (const deal of records.deals) {
    if (deal.status !== 'open') continue;
    const at = { file: deal.file, line: deal.line, recordId: deal.id, ownerId: deal.ownerId };
    if (deal.amountMissing) issues.push(makeIssue('OpenDealWithoutAmount', { name: deal.name }, { ...at, field: 'amount' }));
    if (deal.closeMissing) issues.push(makeIssue('OpenDealWithoutCloseDate', { name: deal.name }, { ...at, field: 'close_date' }));
  }
  return issues;
}
