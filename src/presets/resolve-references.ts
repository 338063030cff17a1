/**
 * CRM exports name owners and companies as their UI shows them: `Deal owner` = "Anna Berg",
 * `Deal - Organization` = "Nordvik AB". For records read through a preset or a mapping, an owner
 * that is not a user id but is exactly one user's name or e-mail becomes that user's id, and an
 * account reference that is not an account id but is exactly one account's name becomes its id.
 * Without a users file, people are made from the owner names (build-model.ts), as for any folder.
 * Canonical files are left as written.
 */
import type { Records } from '../model/types.ts';
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

export function resolveReferences(
  records: Records,
  present: { users: boolean; accounts: boolean },
  fromFiles: ReadonlySet<string>,
): Records {
  if (fromFiles.size === 0) return records;
  const mine = (record: { file: string }) => fromFiles.has(record.file);
  let { deals, accounts, activities } = records;
  if (present.users) {
    const owner = resolver(
      new Set(records.users.map((user) => user.id)),
      uniqueIndex(records.users.flatMap((user) => [[user.name, user.id] as [string, string], [user.email, user.id] as [string | undefined, string]])),
    );
    deals = deals.map((deal) => (mine(deal) ? { ...deal, ownerId: owner(deal.ownerId)!, sdrId: owner(deal.sdrId) } : deal));
    accounts = accounts.map((account) => (mine(account) ? { ...account, ownerId: owner(account.ownerId)! } : account));
    activities = activities.map((activity) => (mine(activity) ? { ...activity, ownerId: owner(activity.ownerId)! } : activity));
  }
  if (present.accounts) {
    const account = resolver(
      new Set(records.accounts.map((a) => a.id)),
      uniqueIndex(records.accounts.map((a) => [a.name, a.id])),
    );
    deals = deals.map((deal) => (mine(deal) ? { ...deal, accountId: account(deal.accountId)! } : deal));
    activities = activities.map((activity) => (mine(activity) ? { ...activity, accountId: account(activity.accountId) } : activity));
  }
  return { ...records, deals, accounts, activities };
}
