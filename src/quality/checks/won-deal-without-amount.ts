/** WonDealWithoutAmount: a won deal (deal.status `won`) whose amount in the reporting currency is ≤ 0. */
import type { Issue } from '../../core/issue.ts';
import type { QualityInput } from '../input.ts';
import { makeIssue } from '../../core/rules.ts';

export function wonDealWithoutAmount({ records }: QualityInput): Issue[] {
  return records.deals
    .filter((deal) => deal.status === 'won' && !(deal.amount > 0))
    .map((deal) =>
      makeIssue(
        'WonDealWithoutAmount',
        { amount: deal.amount },
        { file: deal.file, line: deal.line, field: 'amount', recordId: deal.id, ownerId: deal.ownerId },
      ),
    );
}
