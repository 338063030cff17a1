/**
 * Header matching: finds each expected column in a CSV header, case-insensitively and ignoring
 * spaces, `_` and `-` (`Close Date` = `close_date` = `closedate`), and suggests the closest
 * header name for a missing column (for the error hint). Unknown columns are ignored.
 */

export interface ColumnSpec {
  /** Canonical name, e.g. `close_date`. */
  name: string;
  required: boolean;
  /** Other accepted header names; the canonical name wins when both are present. */
  aliases?: string[];
}

export interface ColumnMapping {
  /** Canonical name -> 0-based field index, for every column found. */
  index: Record<string, number>;
  /** Required columns not found, in the order given. */
  missing: string[];
  /** For each missing column: the header name (as written) that looks closest, if any is close. */
  closest: Record<string, string | undefined>;
  /** Columns whose name appears more than once in the header (`index` holds the first). */
  duplicates: string[];
}

/** Key for comparing header names: no BOM, NFC, lower case, no whitespace, `_` or `-`. */
export function normalizeHeader(name: string): string {
  return name
    .replace(/^\uFEFF/, '')
    .normalize('NFC')
    .toLowerCase()
    .replace(/[\s_-]+/g, '');
}

/** Levenshtein distance (names are short: plain two-row dynamic programming). */
export function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const substitution = (previous[j - 1] as number) + (a[i - 1] === b[j - 1] ? 0 : 1);
      current[j] = Math.min((previous[j] as number) + 1, (current[j - 1] as number) + 1, substitution);
    }
    previous = current;
  }
  return previous[b.length] as number;
}

/** How far a header name may be from a column name to be offered as "did you mean". */
function maxHintDistance(name: string): number {
  return Math.min(3, Math.max(1, Math.floor(name.length / 3)));
}

export function mapColumns(header: string[], columns: ColumnSpec[]): ColumnMapping {
  const normalized = header.map(normalizeHeader);
  const positions = new Map<string, number[]>();
  normalized.forEach((key, i) => {
    if (key === '') return;
    const list = positions.get(key);
    if (list) list.push(i);
    else positions.set(key, [i]);
  });

  const index: Record<string, number> = {};
  const missing: string[] = [];
  const duplicates: string[] = [];
  const used = new Set<number>();
  for (const column of columns) {
    for (const candidate of [column.name, ...(column.aliases ?? [])]) {
      const found = positions.get(normalizeHeader(candidate));
      if (!found) continue;
      index[column.name] = found[0] as number;
      used.add(found[0] as number);
      if (found.length > 1) duplicates.push(column.name);
      break;
    }
    if (index[column.name] === undefined && column.required) missing.push(column.name);
  }

  const closest: Record<string, string | undefined> = {};
  for (const name of missing) {
    const column = columns.find((c) => c.name === name);
    const targets = [name, ...(column?.aliases ?? [])].map(normalizeHeader);
    let best: { distance: number; at: number } | undefined;
    normalized.forEach((key, i) => {
      if (key === '' || used.has(i)) return;
      for (const target of targets) {
        let distance = editDistance(key, target);
        if (distance > maxHintDistance(target)) {
          // `Deal Amount` for `amount`: containment is a hint too, ranked after close spellings.
          const contains = target.length >= 3 && (key.includes(target) || (target.includes(key) && key.length >= 3));
          if (!contains) continue;
          distance = 4 + Math.abs(key.length - target.length);
        }
        if (!best || distance < best.distance) best = { distance, at: i };
      }
    });
    closest[name] = best ? header[best.at]?.replace(/^\uFEFF/, '').trim() : undefined;
  }
  return { index, missing, closest, duplicates };
}
