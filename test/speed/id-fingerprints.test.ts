import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { IdFingerprints } from '../../src/speed/id-fingerprints.ts';

describe('IdFingerprints', () => {
  it('gives the first line of a repeated id and records new ones', () => {
    const index = new IdFingerprints();
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
    const index = new IdFingerprints(1);
    // Ids out of order from the second on ("0065g1AAI" before "0065g0AAI"), so the table is made at once and grows.
    const order = (i: number) => (i < 2 ? 1 - i : i);
    for (let k = 0; k < 200_000; k++) expect(index.firstLineOrAdd(`0065g${order(k)}AAI`, order(k) + 2)).toBeUndefined();
    expect(index.capacity).toBeGreaterThanOrEqual((200_000 * 4) / 3);
    expect(index.size).toBe(200_000);
    expect(index.firstLineOrAdd('0065g0AAI', 1_000_000)).toBe(2);
    expect(index.firstLineOrAdd('0065g199999AAI', 1_000_000)).toBe(200_001);
    expect(index.firstLineOrAdd('0065g200000AAI', 1_000_000)).toBeUndefined();
  });

  it('agrees with a Map of the ids', () => {
    fc.assert(
      fc.property(fc.array(fc.string({ maxLength: 6 }), { maxLength: 300 }), (ids) => {
        const index = new IdFingerprints(4);
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
    const first = new IdFingerprints();
    first.firstLineOrAdd('X1', 2);
    first.firstLineOrAdd('X2', 3);
    const copy = IdFingerprints.fromTables(first.tables());
    expect(copy.size).toBe(2);
    expect(copy.firstLineOrAdd('X2', 9)).toBe(3);
    const second = new IdFingerprints();
    second.firstLineOrAdd('X3', 10);
    expect(second.sharesAnIdWith(first)).toBe(false);
    second.firstLineOrAdd('X1', 11);
    expect(second.sharesAnIdWith(first)).toBe(true);
    expect(first.sharesAnIdWith(second)).toBe(true);
  });

  it('finds a shared id whichever of two indexes of different sizes is asked', () => {
    const large = new IdFingerprints();
    for (let i = 0; i < 5000; i++) large.firstLineOrAdd(`L${i}`, i + 2);
    const small = new IdFingerprints();
    small.firstLineOrAdd('S1', 2);
    expect(small.sharesAnIdWith(large)).toBe(false);
    expect(large.sharesAnIdWith(small)).toBe(false);
    small.firstLineOrAdd('L4999', 3);
    expect(small.sharesAnIdWith(large)).toBe(true);
    expect(large.sharesAnIdWith(small)).toBe(true);
  });

  it('takes the expected number of ids before its table grows', () => {
    // 1 500 ids fit 2 048 slots at most 3/4 full (1 536); the table stays that array.
    // Ids out of order (id9 before id10 in shortlex order is in order; id9 after id10 is not).
    const index = new IdFingerprints(1500);
    index.firstLineOrAdd('id10', 2);
    expect(index.capacity).toBe(0); // in order so far: no table
    index.firstLineOrAdd('id9', 3);
    const before = index.tables().slots!;
    expect(index.capacity).toBe(2048);
    expect(before.length).toBe(2048 * 3); // two hashes and a line per slot
    for (let i = 11; i < 1500 + 9; i++) index.firstLineOrAdd(`id${i}`, i + 2);
    expect(index.size).toBe(1500);
    expect(index.tables().slots).toBe(before);
    // 1 537 do not: the table grows to 4 096 slots.
    for (let i = 1509; i < 1546; i++) index.firstLineOrAdd(`id${i}`, i + 2);
    expect(index.capacity).toBe(4096);
    expect(index.firstLineOrAdd('id10', 9999)).toBe(2);
    expect(index.firstLineOrAdd('id9', 9999)).toBe(3);
    expect(index.firstLineOrAdd('id1545', 9999)).toBe(1547);
  });

  it('keeps ids in order as a list and makes the table at the first id out of order', () => {
    const index = new IdFingerprints(4);
    ['9', '10', '11', 'A1', 'B1', '100'].forEach((id, i) => expect(index.firstLineOrAdd(id, i + 2)).toBeUndefined());
    expect(index.capacity).toBe(0); // shortlex order: 9 < 10 < 11 < A1 < B1 < 100
    expect(index.tables().run).toBeDefined();
    expect(index.firstLineOrAdd('10', 20)).toBe(3); // out of order: the table is made, and knows every id
    expect(index.capacity).toBeGreaterThan(0);
    expect(index.tables().run).toBeUndefined();
    expect(index.firstLineOrAdd('9', 21)).toBe(2);
    expect(index.firstLineOrAdd('100', 22)).toBe(7);
    expect(index.firstLineOrAdd('101', 23)).toBeUndefined();
    expect(index.firstLineOrAdd('101', 24)).toBe(23);
    expect(index.size).toBe(7);
  });

  it('tells whether two indexes share an id as sets of the ids would, sorted or not', () => {
    const ids = fc.uniqueArray(fc.string({ maxLength: 4 }), { maxLength: 40 });
    fc.assert(
      fc.property(ids, ids, fc.boolean(), (xs, ys, sorted) => {
        const order = (list: string[]) => (sorted ? [...list].sort((a, b) => a.length - b.length || (a < b ? -1 : 1)) : list);
        const [x, y] = [new IdFingerprints(2), new IdFingerprints(2)];
        order(xs).forEach((id, i) => x.firstLineOrAdd(id, i + 2));
        order(ys).forEach((id, i) => y.firstLineOrAdd(id, i + 2));
        const shared = xs.some((id) => ys.includes(id));
        expect(x.sharesAnIdWith(y)).toBe(shared);
        expect(y.sharesAnIdWith(x)).toBe(shared);
      }),
    );
  });

  it('tells two runs apart without a table when one comes wholly after the other', () => {
    const first = new IdFingerprints();
    const second = new IdFingerprints();
    for (let i = 1; i <= 100; i++) first.firstLineOrAdd(`ACT-${String(i).padStart(4, '0')}`, i + 1);
    for (let i = 101; i <= 150; i++) second.firstLineOrAdd(`ACT-${String(i).padStart(4, '0')}`, i + 1);
    expect(second.sharesAnIdWith(first)).toBe(false);
    expect([first.capacity, second.capacity]).toEqual([0, 0]);
    // Ranges that overlap are looked up: ACT-0150 in both.
    first.firstLineOrAdd('ACT-0150', 500);
    expect(second.sharesAnIdWith(first)).toBe(true);
    const third = new IdFingerprints();
    third.firstLineOrAdd('ACT-0050x', 2); // inside first's range but not one of its ids
    expect(third.sharesAnIdWith(first)).toBe(false);
  });

  it('travels as plain data in either form', () => {
    const run = new IdFingerprints();
    run.firstLineOrAdd('a1', 2);
    run.firstLineOrAdd('a2', 3);
    const table = new IdFingerprints();
    table.firstLineOrAdd('b2', 2);
    table.firstLineOrAdd('b1', 3);
    expect(IdFingerprints.buffers(run.tables())).toEqual([run.tables().run!.buffer]);
    expect(IdFingerprints.buffers(table.tables())).toEqual([table.tables().slots!.buffer]);
    expect(IdFingerprints.fromTables(structuredClone(run.tables())).firstLineOrAdd('a2', 9)).toBe(3);
    expect(IdFingerprints.fromTables(structuredClone(table.tables())).firstLineOrAdd('b1', 9)).toBe(3);
    for (const index of [run, table]) {
      const copy = IdFingerprints.fromTables(structuredClone(index.tables()));
      expect(copy.size).toBe(2);
      expect(copy.sharesAnIdWith(index)).toBe(true);
    }
  });

  it('frees its tables on release and is empty, still usable, afterwards', () => {
    for (const ids of [
      ['A', 'B'],
      ['B', 'A'],
    ]) {
      const index = new IdFingerprints(1000);
      ids.forEach((id, i) => index.firstLineOrAdd(id, i + 2));
      const { run, slots } = index.tables();
      index.release();
      expect((run ?? slots)!.buffer.byteLength).toBe(0);
      expect(index.size).toBe(0);
      expect(index.firstLineOrAdd('A', 5)).toBeUndefined();
      expect(index.firstLineOrAdd('A', 6)).toBe(5);
    }
  });
});
