/**
 * How people appear in the output. Every name and page address of a person goes through here,
 * so the initials-only setting reaches every page, chart, download and report.json.
 */
import type { User } from '../core/records.ts';

export interface PersonRef {
  id: string;
  /** Address segment of the person's page. */
  slug: string;
  name: string;
}

/**
 * Names in Swedish order, as `a.localeCompare(b, 'sv')` gives it: one collator made once
 * (`localeCompare` with a locale sets one up on every call, which lists of thousands feel).
 */
export const compareNames: (a: string, b: string) => number = new Intl.Collator('sv').compare;

/** `Anna-Karin Lindqvist` → `A-K L`; `Per Åberg` → `P Å`. */
export function initials(name: string): string {
  return name
    .trim()
    .split(/\s+/)
    .map((word) =>
      word
        .split('-')
        .map((part) => Array.from(part)[0]?.toUpperCase() ?? '')
        .join('-'),
    )
    .join(' ');
}

/** Lower-case ASCII address segment: `Åsa Öberg` → `asa-oberg`. */
export function slugify(text: string): string {
  const slug = text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[æÆ]/g, 'ae')
    .replace(/[øØ]/g, 'o')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return slug || 'x';
}

/**
 * One address segment per id, never shared: ids that slugify alike (`malmo` and `Malmö`) get
 * `-2`, `-3` … in the order of the sorted ids (`order: 'given'`: in the order given, as stages
 * keep theirs), so each keeps its own page.
 */
export function uniqueSlugs(ids: readonly string[], order: 'sorted' | 'given' = 'sorted'): Map<string, string> {
  const slugs = new Map<string, string>();
  const taken = new Set<string>();
  const distinct = [...new Set(ids)];
  for (const id of order === 'sorted' ? distinct.sort() : distinct) {
    const base = slugify(id);
    let slug = base;
    for (let n = 2; taken.has(slug); n++) slug = `${base}-${n}`;
    taken.add(slug);
    slugs.set(id, slug);
  }
  return slugs;
}

export interface People {
  ref(id: string): PersonRef;
  all: PersonRef[];
}

/**
 * With `initialsOnly`, names become initials and addresses become `person-N` (ids often hold
 * the full name, e.g. `anna.lindqvist`); otherwise the name and a slug of the id.
 */
export function people(users: readonly User[], initialsOnly: boolean): People {
  const refs = new Map<string, PersonRef>();
  const taken = new Set<string>();
  const sorted = [...users].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  sorted.forEach((user, index) => {
    let slug = initialsOnly ? `person-${index + 1}` : slugify(user.id);
    while (taken.has(slug)) slug = `${slug}-${index + 1}`;
    taken.add(slug);
    refs.set(user.id, { id: initialsOnly ? slug : user.id, slug, name: initialsOnly ? initials(user.name) : user.name });
  });
  const unknown = (id: string): PersonRef =>
    id === '' ? { id: '', slug: '', name: '—' } : { id: initialsOnly ? '?' : id, slug: '', name: initialsOnly ? '?' : id };
  return { ref: (id) => refs.get(id) ?? unknown(id), all: sorted.map((user) => refs.get(user.id)!) };
}
