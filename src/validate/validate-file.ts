/**
 * One export file through ingest and its schema: every data row is either accepted as a
 * located record or rejected with located issues, so rows read = accepted + rejected.
 * A missing required file, a missing required column, or an unreadable file is fatal: it is
 * returned in `fatal` (never thrown) and the caller stops the build with all of them at once.
 */
import { stat } from 'node:fs/promises';
import { join } from 'node:path';
import { mapColumns } from '../ingest/header.ts';
import { readCsv, type CsvRow } from '../ingest/read-csv.ts';
import type { Located } from '../model/types.ts';
import { RULES } from '../quality/rules.ts';
import type { FileSpec } from '../schemas/column.ts';
import type { Settings } from '../settings/schema.ts';
import type { Issue } from './issue.ts';

export interface FileResult<T> {
  file: string;
  present: boolean;
  records: (T & Located)[];
  /** Data rows read (header and blank lines excluded). */
  read: number;
  accepted: number;
  /** Rows rejected; a row with several problems counts once here and has several issues. */
  rejected: number;
  /** One or more issues per rejected row. */
  issues: Issue[];
  fatal: Issue[];
  encoding?: string;
  delimiter?: string;
  ms: number;
}

/** 1-based column number of a 0-based field position. */
function columnNumber(index: number): number {
  return index + 1;
}

/** Turns rows of one file into records; exported for in-memory use by tests and benchmarks. */
export function createRowValidator<T>(spec: FileSpec<T>, settings: Settings, header: string[]) {
  const mapping = mapColumns(header, spec.columns);
  const schema = spec.schema(settings);
  const names = spec.columns.map((column) => column.name);
  const positions = names.map((name) => mapping.index[name]);
  const idPosition = spec.idColumn ? mapping.index[spec.idColumn] : undefined;
  const seenIds = new Map<string, number>();
  const records: (T & Located)[] = [];
  const issues: Issue[] = [];
  let rejected = 0;

  function validateRow(row: CsvRow): void {
    const base = { file: spec.file, line: row.line };
    if (row.problem) {
      rejected++;
      issues.push({ ...base, code: row.problem.code, message: row.problem.message });
      return;
    }
    if (row.fields.length !== header.length) {
      rejected++;
      issues.push({
        ...base,
        code: 'MalformedRow',
        message: `expected ${header.length} fields, got ${row.fields.length} (check quoting and the delimiter)`,
      });
      return;
    }
    const cells: Record<string, string | undefined> = {};
    for (let i = 0; i < names.length; i++) {
      const position = positions[i];
      cells[names[i]!] = position === undefined ? undefined : row.fields[position];
    }
    const recordId = idPosition === undefined ? undefined : row.fields[idPosition]?.trim() || undefined;
    const parsed = schema.safeParse(cells);
    if (!parsed.success) {
      rejected++;
      for (const issue of parsed.error.issues) {
        const field = issue.path.length > 0 ? String(issue.path[0]) : undefined;
        const position = field === undefined ? undefined : mapping.index[field];
        const params = (issue as { params?: { rule?: string } }).params;
        issues.push({
          ...base,
          column: position === undefined ? undefined : columnNumber(position),
          field,
          code: params?.rule ?? 'MalformedRow',
          message: issue.message,
          recordId,
        });
      }
      return;
    }
    if (recordId !== undefined) {
      const firstLine = seenIds.get(recordId);
      if (firstLine !== undefined) {
        rejected++;
        issues.push({
          ...base,
          column: idPosition === undefined ? undefined : columnNumber(idPosition),
          field: spec.idColumn,
          code: 'DuplicateId',
          message: `id "${recordId}" already used on line ${firstLine}`,
          recordId,
        });
        return;
      }
      seenIds.set(recordId, row.line);
    }
    records.push({ ...parsed.data, ...base });
  }

  return { mapping, validateRow, records, issues, rejectedCount: () => rejected };
}

export async function validateFile<T>(dataDir: string, spec: FileSpec<T>, settings: Settings): Promise<FileResult<T>> {
  const started = performance.now();
  const path = join(dataDir, spec.file);
  const empty: FileResult<T> = { file: spec.file, present: false, records: [], read: 0, accepted: 0, rejected: 0, issues: [], fatal: [], ms: 0 };
  const exists = await stat(path).then((s) => s.isFile(), () => false);
  if (!exists) {
    if (!spec.required) return empty;
    return {
      ...empty,
      // Catalog wording (the `file:` prefix already names the file), plus the folder that was looked in.
      fatal: [{ code: 'MissingFile', file: spec.file, line: 0, message: `${RULES.MissingFile.message({ file: spec.file })} (${dataDir})` }],
    };
  }
  let validator: ReturnType<typeof createRowValidator<T>> | undefined;
  const fatal: Issue[] = [];
  const result = await readCsv(
    path,
    (row) => validator?.validateRow(row),
    {
      fileLabel: spec.file,
      onHeader: (header, headerLine) => {
        validator = createRowValidator(spec, settings, header);
        for (const column of validator.mapping.missing) {
          const closest = validator.mapping.closest[column];
          fatal.push({
            code: 'MissingColumn',
            file: spec.file,
            line: headerLine,
            field: column,
            message: RULES.MissingColumn.message({ file: spec.file, column, closest }),
          });
        }
        if (fatal.length > 0) validator = undefined;
      },
    },
  );
  const ms = performance.now() - started;
  for (const problem of result.fatal ?? []) fatal.push({ file: spec.file, ...problem });
  if (fatal.length > 0 || !validator) {
    if (fatal.length === 0) fatal.push({ code: 'EmptyFile', file: spec.file, line: 0, message: RULES.EmptyFile.message({ file: spec.file }) });
    return { ...empty, present: true, fatal, ms };
  }
  return {
    file: spec.file,
    present: true,
    records: validator.records,
    read: result.rowsRead,
    accepted: validator.records.length,
    rejected: validator.rejectedCount(),
    issues: validator.issues,
    fatal: [],
    encoding: result.encoding,
    delimiter: result.delimiter,
    ms,
  };
}
