/**
 * The canonical CSV dialect of the committed demo: UTF-8 without BOM, comma, `"` quoting only
 * when needed (`""` for a quote), LF line ends, one record per physical line.
 */

export type Row = Record<string, string>;

export interface Table {
  columns: readonly string[];
  rows: Row[];
}

function field(value: string): string {
  if (/[\r\n]/.test(value)) throw new Error(`line break in a demo field: ${JSON.stringify(value)}`);
  return /[",]|^\s|\s$/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

export function toCsv(table: Table): string {
  const lines = [table.columns.map(field).join(',')];
  for (const row of table.rows) lines.push(table.columns.map((c) => field(row[c] ?? '')).join(','));
  return lines.join('\n') + '\n';
}

/** Integers as is, everything else with two decimals and a dot. */
export function money(n: number): string {
  return Number.isInteger(n) ? String(n) : n.toFixed(2);
}

/** The 1-based physical line of a row in the written file (line 1 is the header). */
export function lineOf(table: Table, row: Row): number {
  const index = table.rows.indexOf(row);
  if (index < 0) throw new Error('row not in table');
  return index + 2;
}
