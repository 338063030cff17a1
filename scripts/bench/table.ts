/** Plain (aligned, for a terminal) or markdown tables for the benchmark output. */

export interface TableData {
  columns: string[];
  /** Columns aligned right (numbers); by index. */
  right?: number[];
  rows: string[][];
}

export function formatTable(table: TableData, markdown: boolean): string {
  const right = new Set(table.right ?? []);
  if (markdown) {
    const head = `| ${table.columns.join(' | ')} |`;
    const rule = `|${table.columns.map((_, i) => (right.has(i) ? '---:' : '---')).join('|')}|`;
    return [head, rule, ...table.rows.map((row) => `| ${row.map((cell) => cell.replace(/\|/g, '\\|')).join(' | ')} |`)].join('\n');
  }
  const widths = table.columns.map((column, i) => Math.max(column.length, ...table.rows.map((row) => (row[i] ?? '').length)));
  const line = (cells: string[]) =>
    cells
      .map((cell, i) => (right.has(i) ? cell.padStart(widths[i] as number) : cell.padEnd(widths[i] as number)))
      .join('  ')
      .trimEnd();
  return [line(table.columns), widths.map((w) => '-'.repeat(w)).join('  '), ...table.rows.map(line)].join('\n');
}

/** `1234567` → `1 234 567` (thin grouping that reads the same in every locale). */
export function int(n: number): string {
  return Math.round(n)
    .toString()
    .replace(/\B(?=(\d{3})+(?!\d))/g, ' ');
}

export function seconds(ms: number): string {
  return (ms / 1000).toFixed(ms < 10_000 ? 2 : 1);
}

export function mb(bytes: number): string {
  return (bytes / 1024 / 1024).toFixed(bytes < 10 * 1024 * 1024 ? 1 : 0);
}

export function perSecond(count: number, ms: number): string {
  return ms > 0 ? int((count * 1000) / ms) : '—';
}

export function mbPerSecond(bytes: number, ms: number): string {
  return ms > 0 ? (((bytes / 1024 / 1024) * 1000) / ms).toFixed(1) : '—';
}

export function percent(ratio: number): string {
  return `${Math.round(ratio * 100)} %`;
}
