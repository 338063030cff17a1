/**
 * CRM exports name owners and companies as their UI shows them: `Deal owner` = "Anna Berg",
 * `Deal - Organization` = "Nordvik AB". For records read through a preset or a mapping, an owner
 * that is not a user id but is exactly one user's name or e-mail becomes that user's id, and an
 * account reference that is not an account id but is exactly one account's name becomes its id.
 * Without a users file, people are made from the owner names (build-model.ts), as for any folder.
 * Canonical files are left as written.
 */
import type { Activity } from '../core/records.ts';
import type { Records } from '../model/records.ts';
import { valueKey } from '../schemas/cells.ts';

/** Name (or e-mail) → id, for names held by exactly one record. */
function uniqueIndex(entries: [string | undefined, string][]): Map<string, string> {
  const index = new Map<string, string>();
  const repeated = new Set<string>();
  for (const [name, id] of entries) {
    if (!name) continue;
    const key = valueKey(name);
    if (index.has(key) && index.get(key) !== id) repeated.add(key);
    else index.set(key, id);
  }
  for (const key of repeated) index.delete(key);
  return index;
}

function resolver(ids: Set<string>, byName: Map<string, string>) {
  return (value: string | undefined): string | undefined =>
    value === undefined || value === '' || ids.has(value) ? value : (byName.get(valueKey(value)) ?? value);
}

/** Owner and account resolution from the users and accounts files, each only when its file is present. */
export interface Resolvers {
  owner?: (value: string | undefined) => string | undefined;
  account?: (value: string | undefined) => string | undefined;
}

export function referenceResolvers(records: Pick<Records, 'users' | 'accounts'>, present: { users: boolean; accounts: boolean }): Resolvers {
  return {
    owner: present.users
      ? resolver(
          new Set(records.users.map((user) => user.id)),
          uniqueIndex(records.users.flatMap((user) => [[user.name, user.id] as [string, string], [user.email, user.id] as [string | undefined, string]])),
        )
      : undefined,
    account: present.accounts ? resolver(new Set(records.accounts.map((a) => a.id)), uniqueIndex(records.accounts.map((a) => [a.name, a.id]))) : undefined,
  };
}

/** One activity of a CRM export with its owner and account resolved (activities stream, so one at a time). */
export function resolveActivity(resolvers: Resolvers, activity: Activity): Activity {
  if (resolvers.owner) activity.ownerId = resolvers.owner(activity.ownerId)!;
  if (resolvers.account) activity.accountId = resolvers.account(activity.accountId);
  return activity;
}

/** Deals, accounts and leads of CRM exports with owners and accounts resolved (activities: `resolveActivity`). */
export function resolveReferences(records: Records, present: { users: boolean; accounts: boolean }, fromFiles: ReadonlySet<string>): Records {
  if (fromFiles.size === 0) return records;
  const mine = (record: { file: string }) => fromFiles.has(record.file);
  const { owner, account } = referenceResolvers(records, present);
  let { accounts } = records;
  // Deals are changed in place: a deal record keeps some fields in its file's columns
  // (src/speed/stored-deal.ts), which a copy made by spreading would leave behind.
  for (const deal of records.deals) {
    if (!mine(deal)) continue;
    if (owner) {
      deal.ownerId = owner(deal.ownerId)!;
      deal.sdrId = owner(deal.sdrId);
    }
    if (account) deal.accountId = account(deal.accountId)!;
  }
  if (owner) accounts = accounts.map((a) => (mine(a) ? { ...a, ownerId: owner(a.ownerId)! } : a));
  const leads = owner && records.leads ? records.leads.map((l) => (mine(l) ? { ...l, ownerId: owner(l.ownerId)! } : l)) : records.leads;
  return { ...records, accounts, ...(leads ? { leads } : {}) };
}
