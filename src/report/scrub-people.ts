/**
 * With `initialsOnly`, the last safeguard before anything is published: walks the whole report
 * and replaces every string that is a person's id (exactly) with their pseudonym, and every
 * occurrence of a person's full name or e-mail inside a string with their initials — whatever
 * metric or message carried it. Numbers and keys are never touched.
 */
import type { User } from '../core/records.ts';
import type { People } from './people.ts';

export function scrubPeople<T>(value: T, users: readonly User[], people: People): T {
  const ids = new Map(users.map((user) => [user.id, people.ref(user.id).id]));
  const texts = users
    .flatMap((user) => {
      const ref = people.ref(user.id);
      return [
        [user.name, ref.name],
        ...(user.email ? [[user.email, ref.id]] : []),
        // Ids made of a name (anna.lindqvist) also appear inside messages.
        ...(user.id.length >= 5 && /[a-z]/i.test(user.id) ? [[user.id, ref.id]] : []),
      ] as [string, string][];
    })
    .filter(([from]) => from.trim().length >= 3)
    .sort((a, b) => b[0].length - a[0].length);

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
