import { describe, expect, it } from 'vitest';
import { createRng } from '../../../scripts/demo/random.ts';
import { lineOf, money, toCsv } from '../../../scripts/demo/write-csv.ts';

describe('toCsv', () => {
  it('quotes only fields that need it and doubles quotes', () => {
    const table = {
      columns: ['id', 'name'],
      rows: [
        { id: '1', name: 'Lindgren, Ek & Partners AB' },
        { id: '2', name: 'Pilot "Analys Lite"' },
        { id: '3', name: 'Åkerlund AB' },
      ],
    };
    expect(toCsv(table)).toBe('id,name\n1,"Lindgren, Ek & Partners AB"\n2,"Pilot ""Analys Lite"""\n3,Åkerlund AB\n');
    expect(lineOf(table, table.rows[2]!)).toBe(4);
  });

  it('refuses line breaks, which would break physical line numbers', () => {
    expect(() => toCsv({ columns: ['a'], rows: [{ a: 'x\ny' }] })).toThrow(/line break/);
  });

  it('writes money as integers or with two dot decimals', () => {
    expect([money(120000), money(3333.3), money(0.5)]).toEqual(['120000', '3333.30', '0.50']);
  });
});

describe('createRng', () => {
  it('repeats for a seed, and forks are independent of draws on the parent', () => {
    const a = createRng(42);
    const b = createRng(42);
    expect([a.next(), a.int(1, 6), a.pick(['x', 'y', 'z'])]).toEqual([b.next(), b.int(1, 6), b.pick(['x', 'y', 'z'])]);
    const fresh = createRng(42).fork('deals').next();
    const used = createRng(42);
    used.next();
    expect(used.fork('deals').next()).toBe(fresh);
    expect(createRng(42).fork('accounts').next()).not.toBe(fresh);
  });
});
