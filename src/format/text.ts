/**
 * Text cells on a page: a cell longer than `MAX_CELL_CHARS` (a runaway note, a 100 KB name from
 * a broken export) is cut with `…`, so one cell cannot blow a page past its weight budget. The
 * CSV download of the same table keeps the full value.
 */
export const MAX_CELL_CHARS = 200;

export function shortText(text: string, max: number = MAX_CELL_CHARS): string {
  if (text.length <= max) return text;
  const chars = Array.from(text);
  return chars.length <= max ? text : `${chars.slice(0, max - 1).join('')}…`;
}
