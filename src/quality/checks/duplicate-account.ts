/**
 * DuplicateAccount: an account that matches an EARLIER account (file order) by org number digits
 * (all-zero or no digits ignored) or, failing that, by normalised name (see `normaliseAccountName`).
 * The earliest account of a group is the one kept; each later one gets one issue naming it.
 */
import type { Account } from '../../core/records.ts';
import type { Issue } from '../../core/issue.ts';
import type { QualityInput } from '../input.ts';
import { makeIssue } from '../../core/rules.ts';

const LEGAL_FORMS = new Set(['ab', 'a/s', 'aps', 'as', 'oy', 'ltd', 'inc', 'aktiebolag', 'publ']);

/** `"Nordvik Logistik AB (publ)"` → `"nordviklogistik"`: lowercase, legal forms, punctuation and spaces dropped. */
export function normaliseAccountName(name: string): string {
  return name
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}/]+/gu, ' ')
    .split(' ')
    .filter((word) => word !== '' && !LEGAL_FORMS.has(word))
    .join('')
    .replaceAll('/', '');
}

/** Org number digits, or `''` when there are none or all are zero (a placeholder). */
export function orgDigits(orgNumber: string | undefined): string {
  const digits = (orgNumber ?? '').replace(/\D/g, '');
  return /^0*$/.test(digits) ? '' : digits;
}

export function duplicateAccounts({ records }: QualityInput): Issue[] {
  const byOrg = new Map<string, Account>();
  const byName = new Map<string, Account>();
  const ordered = [...records.accounts].sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : a.line - b.line));
  const issues: Issue[] = [];
  for (const account of ordered) {
    const org = orgDigits(account.orgNumber);
    const name = normaliseAccountName(account.name);
    const sameOrg = org ? byOrg.get(org) : undefined;
    const sameName = name ? byName.get(name) : undefined;
    const other = sameOrg ?? sameName;
    if (other) {
      const by = sameOrg ? 'org_number' : 'name';
      issues.push(
        makeIssue(
          'DuplicateAccount',
          { by, otherId: other.id, otherLine: other.line },
          { file: account.file, line: account.line, field: by, recordId: account.id, ownerId: account.ownerId },
        ),
      );
    }
    if (org && !byOrg.has(org)) byOrg.set(org, account);
    if (name && !byName.has(name)) byName.set(name, account);
  }
  return issues;
}
