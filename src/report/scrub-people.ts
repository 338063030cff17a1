/**
 * With `initialsOnly`, the last safeguard before anything is published: walks the whole report
 * and replaces every string that is a person's id (exactly) with their pseudonym, and every
 * occurrence of a person's full name or e-mail inside a string with their initials — whatever
 * metric or message carried it. Numbers and keys are never touched.
 */
import type { User } from '../core/records.ts';
import type { Records } from '../model/records.ts';
import type { Issue } from '../core/issue.ts';
import type { People } from './people.ts';

/**
 * Every id that names a person in the records or issues but is not in users.csv (an owner the
 * CRM's user export missed, e.g. `karl.hemligsson`): initialsOnly must hide those too.
 */
export function unlistedPersonIds(records: Records, issues: readonly Issue[], users: readonly User[]): string[] {
  const listed = new Set(users.map((user) => user.id));
  const found = new Set<string>();
  const add = (id: string | undefined): void => {
    if (id && !listed.has(id)) found.add(id);
  };
  for (const deal of records.deals) {
    add(deal.ownerId);
    add(deal.sdrId);
  }
  for (const account of records.accounts) add(account.ownerId);
  for (const activity of records.activities) add(activity.ownerId);
  for (const owner of records.activityFacts.owners) add(owner);
  for (const target of records.targets) if (target.scope === 'seller') add(target.scopeId);
  for (const issue of issues) add(issue.ownerId);
  return [...found].sort();
}

export function scrubPeople<T>(value: T, users: readonly User[], people: People, unlisted: readonly string[] = []): T {
  const ids = new Map(users.map((user) => [user.id, people.ref(user.id).id]));
  // Unlisted people get `unknown-N` in place of their id, in order of the sorted ids.
  const unknown = unlisted.filter((id) => !ids.has(id)).map((id, i) => [id, `unknown-${i + 1}`] as [string, string]);
  for (const [id, alias] of unknown) ids.set(id, alias);
  const listedTexts = users.flatMap((user) => {
    const ref = people.ref(user.id);
    return [
      [user.name, ref.name],
      ...(user.email ? [[user.email, ref.id]] : []),
      // Ids made of a name (anna.lindqvist) also appear inside messages.
      ...(user.id.length >= 5 && /[a-z]/i.test(user.id) ? [[user.id, ref.id]] : []),
    ] as [string, string][];
  });
  const unlistedTexts = unknown.filter(([id]) => id.length >= 5 && /[a-z]/i.test(id));
  const texts = [...unlistedTexts, ...listedTexts].filter(([from]) => from.trim().length >= 3).sort((a, b) => b[0].length - a[0].length);

  const scrubString = (text: string): string => {
    const exact = ids.get(text);
    if (exact !== undefined) return exact;
    let out = text;
    for (const [from, to] of texts) if (out.includes(from)) out = out.split(from).join(to);
    return out;
  };
  const walk = (node: unknown): unknown => {
    if (typeof node === 'string') return scrubString(node);
    if (Array.isArray(node)) return node.map(walk);
    if (node && typeof node === 'object') {
      return Object.fromEntries(Object.entries(node).map(([key, child]) => [key, walk(child)]));
    }
    return node;
  };
  return walk(value) as T;
}
