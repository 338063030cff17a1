import { describe, expect, it } from 'vitest';
import { addTo, groupBy } from '../../src/model/group-by.ts';

describe('groupBy', () => {
  it('groups by key, keys in order of first appearance, items in input order', () => {
    const deals = [
      { id: 'd1', owner: 'u2' },
      { id: 'd2', owner: 'u1' },
      { id: 'd3', owner: 'u2' },
    ];
    const groups = groupBy(deals, (d) => d.owner);
    expect([...groups.keys()]).toEqual(['u2', 'u1']);
    expect(groups.get('u2')!.map((d) => d.id)).toEqual(['d1', 'd3']);
    expect(groups.get('u1')!.map((d) => d.id)).toEqual(['d2']);
  });

  it('is empty for no items', () => {
    expect(groupBy([], String).size).toBe(0);
  });
});

describe('addTo', () => {
  it('starts a list for a new key and appends to an existing one, in place', () => {
    const groups = new Map([['a', [1]]]);
    const existing = groups.get('a')!;
    addTo(groups, 'a', 2);
    addTo(groups, 'b', 3);
    expect(existing).toEqual([1, 2]);
    expect(groups.get('b')).toEqual([3]);
  });
});
