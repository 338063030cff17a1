/** Builds a ViewTable from column definitions that give both the shown and the raw value. */
import type { CellLink, RawCell, ViewColumn, ViewTable } from './table.ts';

export interface ColumnDef<T> {
  label: string;
  /** CSV header (stable, English, snake_case), independent of the page language. */
  key: string;
  align?: ViewColumn['align'];
  show: (row: T) => string;
  raw: (row: T) => RawCell;
  /** Makes the shown cell a link (a deal's CRM record, a seller's page). */
  link?: (row: T) => CellLink | undefined;
  /** In the CSV download only, not on the page (a deal's CRM address). */
  csvOnly?: true;
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
  const page = columns.filter((c) => !c.csvOnly);
  const linked = page.some((c) => c.link !== undefined);
  return {
    id: spec.id,
    title: spec.title,
    description: spec.description,
    chart: spec.chart,
    definition: spec.definition,
    footer: spec.footer,
    columns: page.map((c) => ({ label: c.label, align: c.align })),
    rows: shown.map((row) => page.map((c) => c.show(row))),
    ...(linked ? { links: shown.map((row) => page.map((c) => c.link?.(row))) } : {}),
    csv: { header: columns.map((c) => c.key), rows: rows.map((row) => columns.map((c) => c.raw(row))) },
    ...(shown.length < rows.length ? { hiddenRows: rows.length - shown.length } : {}),
  };
}
