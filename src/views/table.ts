/**
 * A table of figures as a page shows it (formatted cells) and as its CSV download carries it
 * (raw values). The same object feeds the chart's data table and the CSV download, so the
 * download always matches the page.
 */
export interface ViewColumn {
  label: string;
  align?: 'start' | 'end' | 'center';
}

export type RawCell = string | number | null;

/** A link on a cell: a page of the site, or a record outside it (`hint` then names where it goes). */
export interface CellLink {
  href: string;
  /** Opens outside the site (the CRM record); read by screen readers after the cell text. */
  external?: { hint: string };
}

export interface ViewTable {
  /** Stable id, unique in the site: also the CSV file name (`<id>.csv`). */
  id: string;
  title: string;
  description?: string;
  columns: ViewColumn[];
  rows: string[][];
  /** Links of the shown cells, in the shape of `rows` (absent when no cell links). */
  links?: (CellLink | undefined)[][];
  footer?: string[];
  csv: { header: string[]; rows: RawCell[][] };
  /** Rows left off the page to keep it within its weight budget; the CSV has every row. */
  hiddenRows?: number;
  /** Anchor on the definitions page of the figure the table shows (e.g. `win-rate`). */
  definition?: string;
  /** Renders the chart (build-time SVG); absent for plain tables. */
  chart?: () => string;
}

/**
 * The first characters spreadsheet programs read as the start of a formula: `=`, `+`, `-`, `@`,
 * tab, carriage return, and their full-width forms (U+FF1D, U+FF0B, U+FF0D, U+FF20), which
 * East Asian input methods type and some programs convert.
 */
export const FORMULA_START = /^[=+\-@\t\r\uFF1D\uFF0B\uFF0D\uFF20]/;
/** A plain negative number written as text (`-12.5`, `-3e-7`): a value, not a formula. */
const NEGATIVE_NUMBER = /^-\d+(\.\d+)?([eE][-+]?\d+)?$/;

/** Cells starting like a formula are prefixed with `'` so spreadsheets show them as text. */
export function neutraliseFormula(text: string): string {
  return FORMULA_START.test(text) && !NEGATIVE_NUMBER.test(text) ? `'${text}` : text;
}

function csvCell(value: RawCell): string {
  if (value === null) return '';
  const text = typeof value === 'number' ? String(value) : neutraliseFormula(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** RFC 4180 CSV with a UTF-8 BOM (so Excel opens å ä ö correctly) and CRLF line ends. */
export function toCsv(table: Pick<ViewTable, 'csv'>): string {
  const lines = [table.csv.header, ...table.csv.rows].map((row) => row.map(csvCell).join(','));
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}
