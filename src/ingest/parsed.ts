/**
 * What the cell readers (parse-number.ts, parse-date.ts) return: a value, or a terse message
 * for the issue list, quoting the cell like the rule catalog does.
 */
export type Parsed<T> = { ok: true; value: T } | { ok: false; message: string };

/** A cell value in a message: verbatim between quotes, cut at 80 characters (as rules.ts `quote`). */
export function quoteValue(value: string): string {
  return `"${value.length > 80 ? `${value.slice(0, 79)}…` : value}"`;
}
