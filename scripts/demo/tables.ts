/** Users, accounts and activities as CSV tables in the columns of docs/data-format.md. */
import type { DemoAccount } from './accounts.ts';
import type { ActivityPlan } from './activities.ts';
import type { DemoUser } from './company.ts';
import { iso } from './dates.ts';
import type { Table } from './write-csv.ts';

const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

export function userTable(users: DemoUser[]): Table {
  return {
    columns: ['id', 'name', 'email', 'team', 'roles', 'start_date', 'end_date'],
    rows: users.map((u) => ({
      id: u.id,
      name: u.name,
      email: `${u.id}@norrskendata.se`,
      team: u.team,
      roles: u.hats.join('|'),
      start_date: iso(u.start),
      end_date: u.end === undefined ? '' : iso(u.end),
    })),
  };
}

export function accountTable(accounts: DemoAccount[]): Table {
  return {
    columns: ['id', 'name', 'org_number', 'owner', 'team', 'segment', 'country', 'created_date'],
    rows: accounts.map((a) => ({
      id: a.id,
      name: a.name,
      org_number: a.orgNumber,
      owner: a.owner,
      team: a.team,
      segment: a.segment,
      country: a.country,
      created_date: iso(a.created),
    })),
  };
}

/** Sorted by date (then owner), numbered in that order, as a CRM export of a log would be. */
export function activityTable(plans: ActivityPlan[]): Table {
  const sorted = [...plans].sort(
    (a, b) => a.date - b.date || cmp(a.owner, b.owner) || cmp(a.type, b.type) || cmp(a.accountId, b.accountId) || cmp(a.dealId, b.dealId),
  );
  return {
    columns: ['id', 'type', 'date', 'owner', 'account_id', 'deal_id', 'duration_minutes'],
    rows: sorted.map((a, i) => ({
      id: `ACT-${String(i + 1).padStart(6, '0')}`,
      type: a.type,
      date: iso(a.date),
      owner: a.owner,
      account_id: a.accountId,
      deal_id: a.dealId,
      duration_minutes: a.durationMinutes === undefined ? '' : String(a.durationMinutes),
    })),
  };
}
