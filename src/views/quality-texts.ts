/**
 * The words of a data-quality rule in the reader's language: its name, the problem text of one
 * issue and the fix hint. The only place the pages take rule text from.
 */
import type { Locale } from '../i18n/index.ts';
import type { PublishedIssue } from '../report/site-model.ts';
import { ruleOf } from '../quality/rules.ts';

export function ruleTitle(_locale: Locale, code: string): string {
  return ruleOf(code)?.title ?? code;
}

export function ruleHint(_locale: Locale, code: string): string {
  return ruleOf(code)?.hint ?? '';
}

export function issueText(_locale: Locale, issue: PublishedIssue): string {
  return issue.message;
}
