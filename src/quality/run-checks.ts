/**
 * Runs every data-quality check once, in a fixed order, and returns their issues sorted by
 * file, line, code (then field, record id, message), so output is the same on every build.
 */
import type { Issue } from '../core/issue.ts';
import { futureActivity } from './checks/future-activity.ts';
import { closeBeforeCreated, pastCloseDate } from './checks/deal-dates.ts';
import { duplicateAccounts } from './checks/duplicate-account.ts';
import { lostDealWithoutReason } from './checks/lost-deal-without-reason.ts';
import { accountWithoutOwner, openDealWithoutOwner } from './checks/owners.ts';
import { planGaps } from './checks/plan-gap.ts';
import { stalledDeals } from './checks/stalled-deal.ts';
import { staleExport } from './checks/stale-export.ts';
import { unknownAccount, unknownOwner } from './checks/unknown-references.ts';
import { wonDealWithoutAmount } from './checks/won-deal-without-amount.ts';
import { openDealUnset } from './checks/open-deal-unset.ts';
import { dealUnset } from './checks/deal-unset.ts';
import type { Check, QualityInput } from './input.ts';

export const CHECKS: readonly Check[] = [
  openDealWithoutOwner,
  accountWithoutOwner,
  pastCloseDate,
  stalledDeals,
  wonDealWithoutAmount,
  closeBeforeCreated,
  unknownAccount,
  unknownOwner,
  futureActivity,
  duplicateAccounts,
  planGaps,
  staleExport,
  lostDealWithoutReason,
  openDealUnset,
  dealUnset,
];

/** Code-unit order, not locale order: the same on every machine. */
function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export function compareIssues(a: Issue, b: Issue): number {
  return (
    cmp(a.file, b.file) ||
    a.line - b.line ||
    cmp(a.code, b.code) ||
    cmp(a.field ?? '', b.field ?? '') ||
    cmp(a.recordId ?? '', b.recordId ?? '') ||
    cmp(a.message, b.message)
  );
}

export function runChecks(input: QualityInput): Issue[] {
  return CHECKS.flatMap((check) => check(input)).sort(compareIssues);
}
