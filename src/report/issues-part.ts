/**
 * The report's data-quality section and rejected rows: each issue with its rule's title,
 * severity and fix, and its owner as a person; scores per owner and issue counts per team and
 * rule.
 */
import type { Issue } from '../core/issue.ts';
import { ruleOf } from '../core/rules.ts';
import type { Model } from '../model/build-model.ts';
import { groupBy } from '../model/group-by.ts';
import { issuesByCode, issuesByTeam, overallScore, scoreByOwner } from '../quality/score.ts';
import type { People } from './people.ts';
import type { PublishedIssue, QualitySection } from './site-model.ts';

export function publishIssue(issue: Issue, persons: People): PublishedIssue {
  const rule = ruleOf(issue.code);
  return {
    code: issue.code,
    title: rule?.title ?? issue.code,
    severity: rule?.severity ?? 'error',
    file: issue.file,
    line: issue.line,
    column: issue.column,
    field: issue.field,
    message: issue.message,
    recordId: issue.recordId,
    owner: issue.ownerId ? persons.ref(issue.ownerId) : undefined,
    hint: rule?.hint ?? '',
    args: issue.args,
  };
}

/** Check issues (`quality`) scored and listed; rejected rows count by rule beside them. */
export function qualitySection(model: Model, quality: readonly Issue[], rejected: readonly Issue[], persons: People): QualitySection {
  const { records } = model;
  const teamOfUser = new Map(model.users.map((u) => [u.id, u.teamId]));
  const issuesOfOwner = groupBy(quality, (i) => i.ownerId ?? '');
  const teamIssues = issuesByTeam(quality, model.users);
  return {
    overallScore: overallScore(records, quality).score,
    byOwner: scoreByOwner(records, quality).map((s) => ({
      person: persons.ref(s.ownerId),
      teamId: teamOfUser.get(s.ownerId) ?? '',
      scored: s.scored,
      clean: s.clean,
      score: s.score,
      issues: issuesOfOwner.get(s.ownerId)?.length ?? 0,
    })),
    byTeam: model.teams.map((t) => ({ teamId: t.id, name: t.name, issues: teamIssues.get(t.id)?.length ?? 0 })),
    byCode: [...issuesByCode([...rejected, ...quality])].map(([code, count]) => {
      const rule = ruleOf(code);
      return { code, title: rule?.title ?? code, severity: rule?.severity ?? 'error', kind: rule?.kind ?? 'rejection', count };
    }),
    issues: quality.map((issue) => publishIssue(issue, persons)),
  };
}
