/**
 * Joins the validated records into the model the metrics read: each deal gets its channel
 * (with the reason), annual amount and team; people and teams are indexed. When `users.csv`
 * is absent, every owner named in deals, accounts or activities becomes a person without a team,
 * so a one-person company still gets its reports.
 */
import { t, type Locale } from '../i18n/index.ts';
import type { Settings } from '../settings/schema.ts';
import { assignChannels } from './channels.ts';
import { annualAmount, contractYears } from './contract-years.ts';
import type { Account, IsoDate, ModelDeal, User } from '../core/records.ts';
import type { Records } from './records.ts';

export interface Team {
  id: string;
  /** Display name: the settings' name for the team, else the id with a capital first letter. */
  name: string;
  memberIds: string[];
}

export interface Model {
  settings: Settings;
  asOf: IsoDate;
  records: Records;
  deals: ModelDeal[];
  users: User[];
  teams: Team[];
  userById: Map<string, User>;
  accountById: Map<string, Account>;
  /** Which optional files were present (absent ones hide their reports rather than show zeros). */
  present: { accounts: boolean; users: boolean; activities: boolean; targets: boolean; funnel: boolean; invoices: boolean };
}

/**
 * A team's name: the settings' `teamNames`, else its id capitalised. The team of people without
 * one (id '': no users file, or users without a team) is "No team" in the company's language
 * unless the settings name it (`"teamNames": {"": "Sales"}`).
 */
function teamName(id: string, names: Record<string, string>, locale: Locale): string {
  return names[id] ?? (id === '' ? t(locale, 'common.noTeam') : id.charAt(0).toUpperCase() + id.slice(1));
}

/**
 * The name of a person known only by an owner id, without a users file: a Salesforce user id
 * (`0053X00000Ab1QAAS`) by its distinguishing characters (`005…Ab1QA`, unique within an org's
 * ids, else the whole id); any other owner (a name, as Pipedrive and HubSpot export) as written.
 */
export function ownerLabels(ids: readonly string[]): Map<string, string> {
  const salesforce = /^005[0-9A-Za-z]{12}(?:[0-9A-Za-z]{3})?$/;
  const short = (id: string) => `005…${id.slice(10, 15)}`;
  const counts = new Map<string, number>();
  for (const id of ids) if (salesforce.test(id)) counts.set(short(id), (counts.get(short(id)) ?? 0) + 1);
  return new Map(ids.map((id) => [id, salesforce.test(id) && counts.get(short(id)) === 1 ? short(id) : id]));
}

function usersFromOwners(records: Records): User[] {
  const ids = new Set<string>();
  for (const deal of records.deals) if (deal.ownerId) ids.add(deal.ownerId);
  for (const account of records.accounts) if (account.ownerId) ids.add(account.ownerId);
  for (const id of records.activityFacts.owners) if (id) ids.add(id);
  const sorted = [...ids].sort();
  const names = ownerLabels(sorted);
  return sorted.map((id) => ({ id, name: names.get(id)!, teamId: '', hats: [], file: 'deals.csv', line: 0 }));
}

export function buildModel(records: Records, settings: Settings, asOf: IsoDate, present: Model['present']): Model {
  const users = present.users ? records.users : usersFromOwners(records);
  const userById = new Map(users.map((user) => [user.id, user]));
  const accountById = new Map(records.accounts.map((account) => [account.id, account]));
  const channels = assignChannels(records.deals, settings);
  // The model's fields are added to the deal records themselves: a million deals are not copied.
  const deals: ModelDeal[] = records.deals.map((deal, index) => {
    const years = contractYears(deal);
    const assignment = channels[index]!;
    return Object.assign(deal, {
      channel: assignment.channel,
      channelReason: assignment.reason,
      contractYears: years,
      annualAmount: annualAmount(deal),
      // The owner's team, else the account's: an owner without a team (no users file) has '' here.
      teamId: userById.get(deal.ownerId)?.teamId || accountById.get(deal.accountId)?.teamId || '',
    });
  });
  // Teams of the users, and of deals that took their account's team (an account team nobody is in).
  // Owners named only by the deals (no users file) belong to no team of their own.
  const teamIdSet = new Set(users.map((user) => user.teamId).filter((id) => present.users || id !== ''));
  for (const deal of deals) teamIdSet.add(deal.teamId);
  const teamIds = [...teamIdSet].sort();
  const teams = teamIds.map((id) => ({
    id,
    name: teamName(id, settings.teamNames, settings.locale),
    memberIds: users.filter((user) => user.teamId === id).map((user) => user.id),
  }));
  return { settings, asOf, records, deals, users, teams, userById, accountById, present };
}
