/**
 * UnknownAccount: a deal's or activity's non-empty account id that is not an id in accounts.csv.
 * Runs only when accounts.csv is present (a missing optional file is not every row's fault).
 * UnknownOwner: a non-empty user id not in users.csv, in deals (`owner`, `sdr`), accounts (`owner`)
 * and activities (`owner`). Runs only when users.csv is present. The issue's owner is the record's owner.
 */
import type { Issue } from '../../core/issue.ts';
import type { QualityInput } from '../input.ts';
import { makeIssue } from '../../core/rules.ts';

export function unknownAccount({ records, present }: QualityInput): Issue[] {
  if (!present.accounts) return [];
  const known = new Set(records.accounts.map((account) => account.id));
  const issues: Issue[] = [];
  const check = (row: { file: string; line: number; id: string; ownerId: string; accountId?: string }) => {
    if (!row.accountId || known.has(row.accountId)) return;
    issues.push(
      makeIssue(
        'UnknownAccount',
        { accountId: row.accountId },
        { file: row.file, line: row.line, field: 'account_id', recordId: row.id, ownerId: row.ownerId },
      ),
    );
  };
  for (const deal of records.deals) check(deal);
  for (const activity of records.activities) check(activity);
  return issues;
}

export function unknownOwner({ records, present }: QualityInput): Issue[] {
  if (!present.users) return [];
  const known = new Set(records.users.map((user) => user.id));
  const issues: Issue[] = [];
  const check = (userId: string | undefined, field: 'owner' | 'sdr', row: { file: string; line: number; id: string; ownerId: string }) => {
    if (!userId || known.has(userId)) return;
    issues.push(makeIssue('UnknownOwner', { userId }, { file: row.file, line: row.line, field, recordId: row.id, ownerId: row.ownerId }));
  };
  for (const deal of records.deals) {
    check(deal.ownerId, 'owner', deal);
    check(deal.sdrId, 'sdr', deal);
  }
  for (const account of records.accounts) check(account.ownerId, 'owner', account);
  for (const activity of records.activities) check(activity.ownerId, 'owner', activity);
  return issues;
}
