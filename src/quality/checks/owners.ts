/**
 * OpenDealWithoutOwner: an open deal (deal.status `open`) whose owner is empty or blank.
 * AccountWithoutOwner: an account whose owner is empty or blank.
 * Neither issue has an ownerId: nobody is responsible yet (the team lead is not known here).
 */
import type { Issue } from '../../core/issue.ts';
import type { QualityInput } from '../input.ts';
import { makeIssue } from '../../core/rules.ts';

export function openDealWithoutOwner({ records }: QualityInput): Issue[] {
  return records.deals
    .filter((deal) => deal.status === 'open' && deal.ownerId.trim() === '')
    .map((deal) => makeIssue('OpenDealWithoutOwner', { name: deal.name }, { file: deal.file, line: deal.line, field: 'owner', recordId: deal.id }));
}

export function accountWithoutOwner({ records }: QualityInput): Issue[] {
  return records.accounts
    .filter((account) => account.ownerId.trim() === '')
    .map((account) =>
      makeIssue('AccountWithoutOwner', { name: account.name }, { file: account.file, line: account.line, field: 'owner', recordId: account.id }),
    );
}
