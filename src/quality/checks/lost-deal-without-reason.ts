/** LostDealWithoutReason (info): a lost deal (deal.status `lost`) with an empty or blank lost reason. */
import type { Issue } from '../../core/issue.ts';
import type { QualityInput } from '../input.ts';
import { makeIssue } from '../../core/rules.ts';

export function lostDealWithoutReason({ records }: QualityInput): Issue[] {
  return records.deals
    .filter((deal) => deal.status === 'lost' && !deal.lostReason?.trim())
    .map((deal) =>
      makeIssue(
        'LostDealWithoutReason',
        { name: deal.name },
        { file: deal.file, line: deal.line, field: 'lost_reason', recordId: deal.id, ownerId: deal.ownerId },
      ),
    );
}
