import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { IdIndex } from '../../src/validate/id-index.ts';

describe('IdIndex', () => {
  it('gives the first line of a repeated id and records new ones', () => {
    const index = new IdIndex();
    expect(index.firstLineOrAdd('D1', 2)).toBeUndefined();
    expect(index.firstLineOrAdd('D2', 3)).toBeUndefined();
    expect(index.firstLineOrAdd('D1', 4)).toBe(2);
    expect(index.firstLineOrAdd('D1', 5)).toBe(2); // still the first line
    expect(index.firstLineOrAdd('d1', 6)).toBeUndefined(); // ids are case-sensitive
    expect(index.firstLineOrAdd('', 7)).toBeUndefined();
    expect(index.firstLineOrAdd('', 8)).toBe(7);
    expect(index.size).toBe(4);
  });

  it('keeps every id through many growths (200 000 ids from 16 slots)', () => {
    const index = new IdIndex(1);
    for (let i = 0; i < 200_000; i++) expect(index.firstLineOrAdd(`0065g${i}AAI`, i + 2)).toBeUndefined();
    expect(index.size).toBe(200_000);
    expect(index.firstLineOrAdd('0065g0AAI', 1_000_000)).toBe(2);
    expect(index.firstLineOrAdd('0065g199999AAI', 1_000_000)).toBe(200_001);
    expect(index.firstLineOrAdd('0065g200000AAI', 1_000_000)).toBeUndefined();
  });

  it('agrees with a Map of the ids', () => {
    fc.assert(
      fc.property(fc.array(fc.string({ maxLength: 6 }), { maxLength: 300 }), (ids) => {
        const index = new IdIndex(4);
        const map = new Map<string, number>();
        ids.forEach((id, i) => {
          const line = i + 2;
          expect(index.firstLineOrAdd(id, line)).toBe(map.get(id));
          if (!map.has(id)) map.set(id, line);
        });
      }),
    );
  });

  it('travels as its tables and tells whether two indexes share an id', () => {
    const first = new IdIndex();
    first.firstLineOrAdd('X1', 2);
    first.firstLineOrAdd('X2', 3);
    const copy = IdIndex.fromTables(first.tables());
    expect(copy.size).toBe(2);
    expect(copy.firstLineOrAdd('X2', 9)).toBe(3);
    const second = new IdIndex();
    second.firstLineOrAdd('X3', 10);
    expect(second.sharesAnIdWith(first)).toBe(false);
    second.firstLineOrAdd('X1', 11);
    expect(second.sharesAnIdWith(first)).toBe(true);
    expect(first.sharesAnIdWith(second)).toBe(true);
  });

  it('takes the expected number of ids before it grows', () => {
    // 1 500 ids fit 2 048 slots at most 3/4 full (1 536); the tables stay those arrays.
    const index = new IdIndex(1500);
    const before = index.tables().lines;
    expect(before.length).toBe(2048);
    for (let i = 0; i < 1500; i++) index.firstLineOrAdd(`id${i}`, i + 2);
    expect(index.tables().lines).toBe(before);
    // 1 537 do not: the table is presized to 4 096 slots, or grows to them.
    expect(new IdIndex(1537).tables().lines.length).toBe(4096);
    for (let i = 1500; i < 1537; i++) index.firstLineOrAdd(`id${i}`, i + 2);
    expect(index.tables().lines.length).toBe(4096);
    expect(index.firstLineOrAdd('id0', 9999)).toBe(2);
    expect(index.firstLineOrAdd('id1536', 9999)).toBe(1538);
  });

  it('frees its tables on release and is empty, still usable, afterwards', () => {
    const index = new IdIndex(1000);
    index.firstLineOrAdd('A', 2);
    const { first, second, lines } = index.tables();
    index.release();
    expect([first.buffer.byteLength, second.buffer.byteLength, lines.buffer.byteLength]).toEqual([0, 0, 0]);
    expect(index.size).toBe(0);
    expect(index.firstLineOrAdd('A', 5)).toBeUndefined();
    expect(index.firstLineOrAdd('A', 6)).toBe(5);
  });
});
