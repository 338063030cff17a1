/**
 * When a date column fails as a whole one way (most of a file's rows rejected with dates that
 * are impossible in the day order used but real in the other), one line says which setting fixes
 * it, with an example value from the file: the per-row messages only ask whether it is right.
 *
 * @example
 * dateOrderHints([{ file: 'Leads.csv', read: 6, … }], six BadDate issues on "Close Date" like
 *   'expected a date (day/month/year), got "3/15/2017"; is the setting dateOrder ("dmy") right for this export?')
 * //=> ['Leads.csv: Close Date: 6 of 6 rows have dates that are impossible as day/month/year but
 * //     real as month/day/year (e.g. "3/15/2017"): set "dateOrder": "mdy" in tavla.config.json']
 */
import type { Issue } from '../core/issue.ts';

const ORDER_HINT = /got "((?:[^"]|"")*)"; is the setting dateOrder \("(dmy|mdy)"\)/;
const WRITTEN = { dmy: 'day/month/year', mdy: 'month/day/year' } as const;

interface ColumnMiss {
  file: string;
  field: string;
  order: 'dmy' | 'mdy';
  example: string;
  rows: Set<number>;
}

/** One hint per file and column where more than half of the file's rows fail on the day order. */
export function dateOrderHints(files: readonly { file: string; read: number }[], rejected: readonly Issue[]): string[] {
  const misses = new Map<string, ColumnMiss>();
  for (const issue of rejected) {
    if (issue.code !== 'BadDate') continue;
    const match = ORDER_HINT.exec(issue.message);
    if (!match) continue;
    const field = issue.field ?? '';
    const key = `${issue.file}\u0000${field}`;
    let miss = misses.get(key);
    if (!miss) {
      miss = { file: issue.file, field, order: match[2] as 'dmy' | 'mdy', example: match[1]!, rows: new Set() };
      misses.set(key, miss);
    }
    miss.rows.add(issue.line);
  }
  const hints: string[] = [];
  for (const miss of misses.values()) {
    const read = files.find((f) => f.file === miss.file)?.read ?? 0;
    if (read === 0 || miss.rows.size * 2 <= read) continue;
    const other = miss.order === 'dmy' ? 'mdy' : 'dmy';
    hints.push(
      `${miss.file}: ${miss.field}: ${miss.rows.size} of ${read} rows have dates that are impossible as ${WRITTEN[miss.order]} ` +
        `but real as ${WRITTEN[other]} (e.g. "${miss.example}"): set "dateOrder": "${other}" in tavla.config.json`,
    );
  }
  return hints;
}
