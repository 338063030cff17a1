/**
 * Data-quality score per owner, and issue counts/groupings for the quality page.
 *
 * @summary For an owner u (non-empty user id), the scored records are the OPEN deals with
 * `ownerId === u` plus the accounts with `ownerId === u` (won/lost deals, activities and targets are
 * not scored). A scored record is clean when no issue whose rule is kind `check` with severity
 * `error` or `warning` has that record's file and line. score(u) = clean / scored, in 0..1.
 * Owners appear only when they have ≥ 1 scored record. `overallScore` uses the same rule over all
 * open deals and all accounts, unowned ones included; it is `null` when there is nothing to score.
 *
 * @example
 * // open deal D1 (u1, clean), open deal D2 (u1, PastCloseDate), account A1 (u1, clean)
 * scoreByOwner(records, issues) //=> [{ ownerId: 'u1', scored: 3, clean: 2, score: 2 / 3 }]
 */
import type { Issue } from '../core/issue.ts';
import { groupBy } from '../model/group-by.ts';
import type { User } from '../core/records.ts';
import type { Records } from '../model/records.ts';
import { compareIssues } from './run-checks.ts';
import { ruleOf } from '../core/rules.ts';

export interface OwnerScore {
  ownerId: string;
  scored: number;
  clean: number;
  score: number;
}

const at = (file: string, line: number) => `${file}\u0000${line}`;

function flaggedRows(issues: readonly Issue[]): Set<string> {
  const rows = new Set<string>();
  for (const issue of issues) {
    const rule = ruleOf(issue.code);
    if (rule?.kind === 'check' && rule.severity !== 'info') rows.add(at(issue.file, issue.line));
  }
  return rows;
}

function scoredRows(records: Records) {
  return [...records.deals.filter((deal) => deal.status === 'open'), ...records.accounts];
}

export function scoreByOwner(records: Records, issues: readonly Issue[]): OwnerScore[] {
  const flagged = flaggedRows(issues);
  const byOwner = new Map<string, OwnerScore>();
  for (const row of scoredRows(records)) {
    if (row.ownerId === '') continue;
    const entry = byOwner.get(row.ownerId) ?? { ownerId: row.ownerId, scored: 0, clean: 0, score: 0 };
    entry.scored += 1;
    if (!flagged.has(at(row.file, row.line))) entry.clean += 1;
    entry.score = entry.clean / entry.scored;
    byOwner.set(row.ownerId, entry);
  }
  return [...byOwner.values()].sort((a, b) => (a.ownerId < b.ownerId ? -1 : a.ownerId > b.ownerId ? 1 : 0));
}

export function overallScore(records: Records, issues: readonly Issue[]): { scored: number; clean: number; score: number | null } {
  const flagged = flaggedRows(issues);
  const rows = scoredRows(records);
  const clean = rows.filter((row) => !flagged.has(at(row.file, row.line))).length;
  return { scored: rows.length, clean, score: rows.length === 0 ? null : clean / rows.length };
}

function sortedMap<V>(map: Map<string, V>): Map<string, V> {
  return new Map([...map].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

/** One sort and one pass: lists are filled in place (copying a list per issue was quadratic). */
function groupIssues(issues: readonly Issue[], keyOf: (issue: Issue) => string): Map<string, Issue[]> {
  return sortedMap(groupBy([...issues].sort(compareIssues), keyOf));
}

/** Issue count per code, codes in code-unit order; codes without issues are absent. */
export function issuesByCode(issues: readonly Issue[]): Map<string, number> {
  return new Map([...groupIssues(issues, (issue) => issue.code)].map(([code, list]) => [code, list.length]));
}

/** Issues per responsible owner id; `''` holds the issues nobody owns. Keys sorted, issues in compareIssues order. */
export function issuesByOwner(issues: readonly Issue[]): Map<string, Issue[]> {
  return groupIssues(issues, (issue) => issue.ownerId ?? '');
}

/** Issues per team of their owner (users.csv `team`); `''` when no owner or the owner is not in users. */
export function issuesByTeam(issues: readonly Issue[], users: readonly User[]): Map<string, Issue[]> {
  const teamOf = new Map(users.map((user) => [user.id, user.teamId]));
  return groupIssues(issues, (issue) => teamOf.get(issue.ownerId ?? '') ?? '');
}
