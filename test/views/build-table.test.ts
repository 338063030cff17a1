import { describe, expect, it } from 'vitest';
import { buildTable } from '../../src/views/build-table.ts';

const columns = [
  { label: 'Name', key: 'name', show: (r: { name: string; n: number }) => r.name.toUpperCase(), raw: (r: { name: string; n: number }) => r.name },
  { label: 'N', key: 'n', align: 'end' as const, show: (r: { name: string; n: number }) => `${r.n} st`, raw: (r: { name: string; n: number }) => r.n },
];
const rows = [
  { name: 'a', n: 1 },
  { name: 'b', n: 2 },
  { name: 'c', n: 3 },
];

describe('buildTable', () => {
  it('shows every row on the page and in the CSV by default', () => {
    const table = buildTable({ id: 't', title: 'T' }, columns, rows);
    expect(table.rows).toEqual([
      ['A', '1 st'],
      ['B', '2 st'],
      ['C', '3 st'],
    ]);
    expect(table.csv).toEqual({
      header: ['name', 'n'],
      rows: [
        ['a', 1],
        ['b', 2],
        ['c', 3],
      ],
    });
    expect(table.hiddenRows).toBeUndefined();
  });

  it('puts at most `pageRows` rows on the page and says how many it left off; the CSV keeps all', () => {
    // 3 rows, 2 on the page: 1 left off.
    const table = buildTable({ id: 't', title: 'T', pageRows: 2 }, columns, rows);
    expect(table.rows).toEqual([
      ['A', '1 st'],
      ['B', '2 st'],
    ]);
    expect(table.hiddenRows).toBe(1);
    expect(table.csv.rows).toHaveLength(3);
  });

  it('leaves nothing off when the rows fit', () => {
    expect(buildTable({ id: 't', title: 'T', pageRows: 3 }, columns, rows).hiddenRows).toBeUndefined();
  });
});
