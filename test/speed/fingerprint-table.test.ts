import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FingerprintTable } from '../../src/speed/fingerprint-table.ts';

describe('FingerprintTable', () => {
  it('gives back the listed id string for an equal text, and undefined for others', () => {
    const ids = ['A-000001', 'A-000002', 'klara.lund.177'];
    const table = new FingerprintTable(ids);
    const cut = 'x,klara.lund.177,y'.split(',')[1]!; // equal text, another string
    expect(table.get(cut)).toBe('klara.lund.177');
    expect(table.has('A-000002')).toBe(true);
    expect(table.get('a-000001')).toBeUndefined(); // ids are case-sensitive
    expect(table.has('')).toBe(false);
    expect(table.size).toBe(3);
    expect(table.ids()).toEqual(ids);
  });

  it('keeps the first of a repeated id', () => {
    const table = new FingerprintTable(['u1', 'u2', 'u1']);
    expect(table.size).toBe(2);
    expect(table.ids()).toEqual(['u1', 'u2']);
  });

  it('agrees with a Set of the ids (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.string({ maxLength: 4 }), { maxLength: 200 }), fc.array(fc.string({ maxLength: 4 }), { maxLength: 50 }), (ids, probes) => {
        const table = new FingerprintTable(ids);
        const set = new Set(ids);
        expect(table.size).toBe(set.size);
        for (const text of [...ids, ...probes]) expect(table.get(text)).toBe(set.has(text) ? text : undefined);
      }),
    );
  });

  it('interns: the first string of each text is returned for every later equal text, through growth', () => {
    const table = new FingerprintTable();
    const copies: string[] = [];
    const first = table.intern('a,b'.split(',')[0]!, (text) => (copies.push(text), text));
    expect(table.intern('a')).toBe(first);
    for (let i = 0; i < 1000; i++) table.intern(`v${i}`);
    expect(table.size).toBe(1001);
    expect(table.get('v999')).toBe('v999');
    expect(table.intern('a')).toBe(first);
    expect(copies).toEqual(['a']); // copied once, when added
  });

  it('numbers its strings by place, in the order added', () => {
    const table = new FingerprintTable(['D1', 'D2']);
    expect([table.placeOf('D2'), table.placeOf('D3')]).toEqual([1, -1]);
    expect(table.placeOrAdd('D3')).toBe(2);
    expect(table.placeOrAdd('D1')).toBe(0);
    expect([table.at(0), table.at(2)]).toEqual(['D1', 'D3']);
  });

  it('finds a part of a text by place, without the part as a string of its own', () => {
    const table = new FingerprintTable(['D1', 'D22']);
    const line = 'x,D22,D1,D2,';
    expect([table.placeOfPart(line, 2, 5), table.placeOfPart(line, 6, 8), table.placeOfPart(line, 9, 11), table.placeOfPart(line, 12, 12)]).toEqual([
      1, 0, -1, -1,
    ]);
  });
});
