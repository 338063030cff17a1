/** Builds a ViewTable from column definitions that give both the shown and the raw value. */
import type { RawCell, ViewColumn, ViewTable } from './table.ts';

export interface ColumnDef<T> {
  label: string;
  /** CSV header (stable, English, snake_case), independent of the page language. */
  key: string;
  align?: ViewColumn['align'];
  show: (row: T) => string;
  raw: (row: T) => RawCell;
}

export function buildTable<T>(
  spec: {
    id: string;
    title: string;
    description?: string;
    chart?: () => string;
    footer?: string[];
    definition?: string;
    /** At most this many rows on the page (lists that grow with the export); the CSV has all. */
    pageRows?: number;
  },
  columns: ColumnDef<T>[],
  rows: readonly T[],
): ViewTable {
  const shown = spec.pageRows === undefined ? rows : rows.slice(0, spec.pageRows);
  return {
    id: spec.id,
    title: spec.title,
    description: spec.description,
    chart: spec.chart,
    definition: spec.definition,
    footer: spec.footer,
    columns: columns.map((c) => ({ label: c.label, align: c.align })),
    rows: shown.map((row) => columns.map((c) => c.show(row))),
    csv: { header: columns.map((c) => c.key), rows: rows.map((row) => columns.map((c) => c.raw(row))) },
    ...(shown.length < rows.length ? { hiddenRows: rows.length - shown.length } : {}),
  };
}
