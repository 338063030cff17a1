/**
 * DealWithoutAccount / DealWithoutCreatedDate: a deal the export gave no account or no created
 * date. The deal is kept (only a row that cannot be a deal at all, without id or stage, is
 * rejected); the issue names its owner, who can fill the field in.
 */
import type { Issue } from '../../core/issue.ts';
import { NO_CREATED_DATE } from '../../core/records.ts';
import type { QualityInput } from '../input.ts';
import { makeIssue } from '../../core/rules.ts';

export function dealUnset({ records }: QualityInput): Issue[] {
  const issues: Issue[] = [];
  for (const deal of records.deals) {
    const at = { file: deal.file, line: deal.line, recordId: deal.id, ownerId: deal.ownerId };
    if (deal.accountId === '') issues.push(makeIssue('DealWithoutAccount', { name: deal.name }, { ...at, field: 'account_id' }));
    if (deal.created === NO_CREATED_DATE) issues.push(makeIssue('DealWithoutCreatedDate', { name: deal.name }, { ...at, field: 'created_date' }));
  }
  return issues;
}
