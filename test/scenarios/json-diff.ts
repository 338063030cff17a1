/**
 * A short, readable difference between two JSON values, for golden-file and equivalence tests
 * whose objects are too big for vitest's own diff (the demo report is ~4 MB).
 */

/** Paths where two JSON values differ (`weeks[3].won.count: expected 2, got 3`), at most `limit`, and the total. */
export function jsonDiff(expected: unknown, actual: unknown, limit = 12): { paths: string[]; total: number } {
  const paths: string[] = [];
  let total = 0;
  const show = (value: unknown) => {
    const text = value === undefined ? 'missing' : JSON.stringify(value);
    return text.length > 60 ? `${text.slice(0, 57)}...` : text;
  };
  const walk = (a: unknown, b: unknown, path: string) => {
    if (a === b) return;
    const bothObjects = typeof a === 'object' && typeof b === 'object' && a !== null && b !== null;
    if (bothObjects && Array.isArray(a) === Array.isArray(b)) {
      for (const key of new Set([...Object.keys(a), ...Object.keys(b)])) {
        const child = Array.isArray(a) ? `${path}[${key}]` : path ? `${path}.${key}` : key;
        walk((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key], child);
      }
      return;
    }
    total++;
    if (paths.length < limit) paths.push(`${path || '(root)'}: expected ${show(a)}, got ${show(b)}`);
  };
  walk(expected, actual, '');
  return { paths, total };
}

/** The summary lines of `jsonDiff`, with the total when some were left out; `[]` when equal. */
export function jsonDiffLines(expected: unknown, actual: unknown, limit = 12): string[] {
  const { paths, total } = jsonDiff(expected, actual, limit);
  return total > paths.length ? [...paths, `… ${total} differences in all`] : paths;
}
