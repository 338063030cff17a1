/**
 * The second file of a mapping's `join` (docs/data-format.md): read once, whole, into a table from
 * its `on` cell to the cells of the joined columns, so each row of the mapped file can take its
 * missing columns (a won-deals file its created date and source from the leads file it points
 * to). Problems are settings issues naming the mapping key and the file.
 */
import { join as joinPath } from 'node:path';
import { openTextStream } from '../ingest/decode.ts';
import { createCsvParser } from '../ingest/read-csv.ts';
import type { MappedFile } from '../settings/schema.ts';
import type { Issue } from '../core/issue.ts';
import { matchColumns } from './bind.ts';
import type { SourceAdapter, Target } from './types.ts';

export type JoinSpec = NonNullable<MappedFile['join']>;

/** `on` cell → canonical column → cell; the first row of a key wins. */
export type JoinTable = Map<string, Record<string, string>>;

export function settingsIssue(field: string, message: string): Issue {
  return { code: 'InvalidSettings', file: 'tavla.config.json', line: 0, field, message };
}

/** A header named in the mapping, found as the header matching does (ignoring case, spaces, `_`, `-`). */
function positionOf(header: string[], name: string): number | undefined {
  const probe: SourceAdapter = {
    id: 'probe',
    crm: 'mapping',
    label: '',
    target: 'deals',
    signatures: [],
    columns: [{ key: 'x', headers: [name] }],
    fields: {},
  };
  return matchColumns(probe, header).position.x;
}

function listed(header: string[]): string {
  const names = header.map((h) => h.replace(/^\uFEFF/, '').trim());
  return names.length <= 12 ? names.join(', ') : `${names.slice(0, 12).join(', ')}, …`;
}

/** Headers a mapping names that its file lacks: one issue each, naming the mapping key and the file. */
export function missingHeaders(header: string[], file: string, named: [field: string, name: string][]): Issue[] {
  return named
    .filter(([, name]) => positionOf(header, name) === undefined)
    .map(([field, name]) => settingsIssue(field, `"${name}" is not a column of ${file} (columns: ${listed(header)})`));
}

export async function readJoinTable(dataDir: string, target: Target, spec: JoinSpec): Promise<{ table?: JoinTable; issues: Issue[] }> {
  const key = `mapping.${target}.join`;
  const table: JoinTable = new Map();
  let positions: [string, number][] | undefined;
  let onAt = -1;
  let issues: Issue[] = [];
  try {
    const stream = await openTextStream(joinPath(dataDir, spec.file));
    if (stream.unreadable) return { issues: [settingsIssue(`${key}.file`, `${spec.file} cannot be read: ${stream.unreadable}`)] };
    const parser = createCsvParser(
      (row) => {
        if (!positions || row.problem) return;
        const id = (row.fields[onAt] ?? '').trim();
        if (id === '' || table.has(id)) return;
        table.set(id, Object.fromEntries(positions.map(([column, at]) => [column, (row.fields[at] ?? '').trim()])));
      },
      {
        onHeader: (header) => {
          const named: [string, string][] = [
            [`${key}.on`, spec.on],
            ...Object.entries(spec.columns).map(([c, h]): [string, string] => [`${key}.columns.${c}`, h]),
          ];
          issues = missingHeaders(header, spec.file, named);
          if (issues.length > 0) return;
          onAt = positionOf(header, spec.on)!;
          positions = Object.entries(spec.columns).map(([column, name]) => [column, positionOf(header, name)!]);
        },
      },
    );
    for await (const chunk of stream.chunks) parser.push(chunk);
    parser.end();
  } catch {
    return { issues: [settingsIssue(`${key}.file`, `${spec.file} is not in the data folder`)] };
  }
  return issues.length > 0 ? { issues } : { table, issues };
}
