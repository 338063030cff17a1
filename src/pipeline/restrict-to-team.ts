/**
 * Least data per audience: a build restricted to one market team keeps only that team's
 * people, the deals and activities they own, the accounts of the team (by account team or
 * owner) and of its deals, its targets (team and seller rows, no company rows), its funnel rows
 * and the invoices of its accounts. Rejected rows are kept with their location and rule but
 * without the message, which may quote another team's data.
 */
import { restrictFacts } from '../model/activity-facts.ts';
import type { Records } from '../model/records.ts';
import type { Issue } from '../core/issue.ts';

export interface Restricted {
  records: Records;
  rejected: Issue[];
}

export function restrictToTeam(records: Records, rejected: readonly Issue[], teamId: string): Restricted {
  const people = new Set(records.users.filter((u) => u.teamId === teamId).map((u) => u.id));
  const deals = records.deals.filter((d) => people.has(d.ownerId));
  const dealAccounts = new Set(deals.map((d) => d.accountId));
  const accounts = records.accounts.filter((a) => a.teamId === teamId || people.has(a.ownerId) || dealAccounts.has(a.id));
  const accountIds = new Set(accounts.map((a) => a.id));
  return {
    records: {
      users: records.users.filter((u) => people.has(u.id)),
      deals,
      accounts,
      activities: records.activities.filter((a) => people.has(a.ownerId)),
      activityFacts: restrictFacts(records.activityFacts, people, new Set(deals.map((d) => d.id))),
      targets: records.targets.filter((t) => (t.scope === 'team' && t.scopeId === teamId) || (t.scope === 'seller' && people.has(t.scopeId))),
      funnel: records.funnel.filter((f) => f.teamId === teamId),
      invoices: records.invoices.filter((i) => accountIds.has(i.accountId)),
    },
    rejected: rejected.map(({ code, file, line, column, field }) => ({
      code,
      file,
      line,
      column,
      field,
      message: 'withheld in a team-restricted build',
    })),
  };
}
