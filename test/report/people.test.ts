import { describe, expect, it } from 'vitest';
import type { User } from '../../src/core/records.ts';
import { initials, people, slugify } from '../../src/report/people.ts';

const user = (id: string, name: string): User => ({ id, name, teamId: 't', hats: [], file: 'users.csv', line: 2 });

describe('people', () => {
  it('makes initials, keeping hyphenated first names', () => {
    expect(initials('Anna-Karin Lindqvist')).toBe('A-K L');
    expect(initials('  per   åberg ')).toBe('P Å');
  });

  it('makes ASCII slugs from Nordic names', () => {
    expect(slugify('Åsa Öberg')).toBe('asa-oberg');
    expect(slugify('Søren Ærø')).toBe('soren-aero');
    expect(slugify('<script>')).toBe('script');
    expect(slugify('!!!')).toBe('x');
  });

  it('shows names and id slugs by default', () => {
    const refs = people([user('b.berg', 'Bo Berg'), user('anna.l', 'Anna Lind')], false);
    expect(refs.all).toEqual([
      { id: 'anna.l', slug: 'anna-l', name: 'Anna Lind' },
      { id: 'b.berg', slug: 'b-berg', name: 'Bo Berg' },
    ]);
    expect(refs.ref('nobody')).toEqual({ id: 'nobody', slug: '', name: 'nobody' });
  });

  it('hides names and ids when initials only', () => {
    const refs = people([user('b.berg', 'Bo Berg'), user('anna.l', 'Anna Lind')], true);
    expect(refs.all).toEqual([
      { id: 'person-1', slug: 'person-1', name: 'A L' },
      { id: 'person-2', slug: 'person-2', name: 'B B' },
    ]);
    expect(JSON.stringify(refs.all)).not.toMatch(/anna|berg/i);
    expect(refs.ref('someone.else').name).toBe('?');
  });
});
