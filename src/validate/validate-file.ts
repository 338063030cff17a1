/**
 * One export file through ingest and its schema: every data row is either accepted as a
 * located record or rejected with located issues, so rows read = accepted + rejected.
 * A missing required file, a missing required column, or an unreadable file is fatal: it is
 * returned in `fatal` (never thrown) and the caller stops the build with all of them at once.
 *
 * A canonical file (deals.csv…) is read by its spec's columns. A CRM export is read through a
 * `FileSource` (src/presets/): its own file name, and a `RowMapper` that turns each row into the
 * canonical cells, so records and messages keep the export's file name, physical line and headers.
 */
import { stat } from 'node:fs/promises';
import { join } from 'node:path';
import { mapColumns } from '../ingest/header.ts';
import { combinedEncoding, type DetectedEncoding } from '../ingest/decode.ts';
import { readCsv, type CsvDelimiterUsed, type CsvPart, type CsvRow } from '../ingest/read-csv.ts';
import type { Located } from '../core/records.ts';
import { RULES } from '../core/rules.ts';
import { NOT_FAST } from '../schemas/cells.ts';
import type { FileSpec } from '../schemas/column.ts';
import type { Settings } from '../settings/schema.ts';
import { IdFingerprints } from '../speed/id-fingerprints.ts';
import type { Issue } from '../core/issue.ts';

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
  /** Rows that are no records (a report footer, deleted records in a backup), left out of `read`. */
  skipped?: number;
  /** A part's ids (see `PartOptions.keepIds`). */
  ids?: IdFingerprints;
  /** What a part's decoder saw, to name the whole file's encoding (see `combinedEncoding`). */
  decoding?: { bytesReadAsWindows1252: number; multibyte: boolean };
  /** Data-quality issues about the file's bytes, not its rows (`NulInCell`); the rows were read. */
  cleaned?: Issue[];
}

/** Reading one part of a file (src/ingest/split-csv.ts). */
export interface PartOptions {
  part?: CsvPart;
  /** The ids of the parts before this one (DuplicateId across parts). */
  ids?: IdFingerprints;
  /** Return this part's ids (with those of `ids`) in `FileResult.ids`. */
  keepIds?: boolean;
}

/** How the fields of one file's rows become the canonical cells the row schema reads. */
export interface RowMapper {
  /** Required columns not found: the header looked for, and the closest header present. */
  missing: { column: string; closest?: string }[];
  /** Canonical cells of one row (undefined: column absent), or `'skip'` when the row is no record. */
  cells(fields: readonly string[]): Record<string, string | undefined> | 'skip';
  /** Where a canonical column's value came from: 0-based field position, and the name for messages. */
  locate(column: string): { position?: number; field: string };
  /** The settings the row schema is built with. */
  settings: Settings;
  /** The cells are the row's fields as written (`cells(f)[c] === f[locate(c).position]`), never `'skip'`. */
  verbatim?: boolean;
  /** One-cell lines ending the file, one of which matches this, are a report footer, not records. */
  footer?: RegExp;
}

/** A CRM export standing in for a canonical file: its name in the data folder and how to read it. */
export interface FileSource {
  file: string;
  bind(header: string[]): RowMapper;
}

/** The canonical reading: columns found by the spec's names and aliases, cells copied as written. */
function canonicalMapper<T>(spec: FileSpec<T>, settings: Settings, header: string[]): RowMapper {
  const mapping = mapColumns(header, spec.columns);
  const names = spec.columns.map((column) => column.name);
  const positions = names.map((name) => mapping.index[name]);
  return {
    missing: mapping.missing.map((column) => ({ column, closest: mapping.closest[column] })),
    cells(fields) {
      const cells: Record<string, string | undefined> = {};
      for (let i = 0; i < names.length; i++) {
        const position = positions[i];
        cells[names[i]!] = position === undefined ? undefined : fields[position];
      }
      return cells;
    },
    locate: (column) => ({ position: mapping.index[column], field: column }),
    settings,
    verbatim: true,
  };
}

/** 1-based column number of a 0-based field position. */
function columnNumber(index: number): number {
  return index + 1;
}

export interface RowValidatorOptions<T> {
  /** Receives each accepted record instead of `records` (which then stays empty). */
  keep?: (record: T & Located) => void;
  /** About how many rows the file holds (sizes the duplicate-id table once). */
  expectedRows?: number;
  /** The ids seen before this file (part) starts; new ids are added to it. */
  ids?: IdFingerprints;
  /** Takes the common row of a canonical file whole, before the general reading (see `QuickRows`). */
  quick?: QuickRows;
  /** The file's delimiter, for `QuickRows.bindLine`. */
  delimiter?: CsvDelimiterUsed;
}

/**
 * A reader that takes the common row of a canonical file whole: its cells read, its id checked
 * and the record added where it goes, in one step (src/pipeline/activity-log/quick-rows.ts). `bind`
 * gives the row taker for one file's columns (`position(column)`: the field index of a canonical
 * column, -1 when absent) and id index, or undefined when it cannot take that file's rows.
 */
export interface QuickRows {
  bind(position: (column: string) => number, ids: IdFingerprints, file: string): QuickRow | undefined;
  /**
   * `bind` for rows still unsplit (`QuickLine`), in a file of `fields` columns split at
   * `delimiter`; undefined when it cannot take them.
   */
  bindLine?(position: (column: string) => number, ids: IdFingerprints, file: string, fields: number, delimiter: string): QuickLine | undefined;
}

/**
 * Takes one well-formed row (as many fields as the header): true when it accepted and took it;
 * false when it left it to the general reading, having changed nothing. It checks the id last,
 * so a repeated id is left to the general reading too, which reports it at its first line.
 */
export type QuickRow = (fields: readonly string[], line: number) => boolean;

/**
 * `QuickRow` for a row that is the line `text.slice(from, to)` without quotes, before it is split
 * (src/ingest/read-csv.ts, `onPlainLine`): a line it leaves is split and read as usual.
 */
export type QuickLine = (text: string, from: number, to: number, line: number) => boolean;

/** What a file's rows are read with, bound to its header once: mapper, schema, fast reader, quick rows. */
function bindRows<T>(spec: FileSpec<T>, settings: Settings, header: string[], source: FileSource | undefined, options: RowValidatorOptions<T>) {
  const { expectedRows, ids, quick, delimiter } = options;
  const mapper = source ? source.bind(header) : canonicalMapper(spec, settings, header);
  const file = source?.file ?? spec.file;
  const fast = spec.fast?.(mapper.settings);
  const idAt = spec.idColumn === undefined ? undefined : mapper.locate(spec.idColumn);
  const seenIds = ids ?? new IdFingerprints(expectedRows);
  const position = (column: string) => mapper.locate(column).position ?? -1;
  const quickRow = quick && mapper.verbatim && !mapper.footer ? quick.bind(position, seenIds, file) : undefined;
  const quickLine =
    quickRow && quick?.bindLine && delimiter !== undefined && delimiter !== 'none'
      ? quick.bindLine(position, seenIds, file, header.length, delimiter)
      : undefined;
  return {
    mapper,
    file,
    schema: spec.schema(mapper.settings),
    fast,
    fastValues: new Array<string | undefined>(fast?.columns.length ?? 0),
    /** Where a verbatim mapper's cells sit in the row, so the fast reader needs no cells object. */
    fastPositions: fast && mapper.verbatim ? fast.columns.map((column) => mapper.locate(column).position ?? -1) : undefined,
    idAt,
    idPosition: idAt?.position ?? -1,
    seenIds,
    quickRow,
    quickLine,
  };
}

type RowIssue = Omit<Issue, 'file' | 'line'>;

/** A row the schema rejected: one issue per problem, at its column. */
function schemaRejections(problems: readonly { path: readonly PropertyKey[]; message: string }[], mapper: RowMapper, recordId: string | undefined): RowIssue[] {
  return problems.map((problem) => {
    const column = problem.path.length > 0 ? String(problem.path[0]) : undefined;
    const at = column === undefined ? undefined : mapper.locate(column);
    const params = (problem as { params?: { rule?: string } }).params;
    return {
      column: at?.position === undefined ? undefined : columnNumber(at.position),
      field: at?.field,
      code: params?.rule ?? 'MalformedRow',
      message: problem.message,
      recordId,
    };
  });
}

/** A row the CSV reader could not read, or of another number of fields than the header's; undefined when well-formed. */
function malformedRow(row: CsvRow, fields: number): RowIssue | undefined {
  if (row.problem) return { code: row.problem.code, message: row.problem.message };
  if (row.fields.length === fields) return undefined;
  return { code: 'MalformedRow', message: `expected ${fields} fields, got ${row.fields.length} (check quoting and the delimiter)` };
}

/** A row whose id an earlier row has. */
function duplicateRejection(idAt: { position?: number; field?: string } | undefined, recordId: string, firstLine: number): RowIssue {
  return {
    column: idAt?.position === undefined ? undefined : columnNumber(idAt.position),
    field: idAt?.field,
    code: 'DuplicateId',
    message: `id "${recordId}" already used on line ${firstLine}`,
    recordId,
  };
}

/**
 * Rows of a CRM report whose last rows may be a footer: one-cell rows are held back until a row
 * of more cells shows they were data; at the end, held rows are a footer when one of them says so.
 */
function footerHold(mapper: RowMapper, header: readonly string[], validate: (row: CsvRow) => void, skip: (rows: number) => void) {
  let held: CsvRow[] = [];
  const flushHeld = () => {
    const rows = held;
    held = [];
    for (const row of rows) validate(row);
  };
  return {
    validateRow(row: CsvRow): void {
      if (mapper.footer && row.fields.length === 1 && header.length > 1) {
        held.push(row);
        return;
      }
      if (held.length > 0) flushHeld();
      validate(row);
    },
    finish(): void {
      if (held.length > 0 && held.some((row) => mapper.footer!.test(row.fields[0] ?? ''))) {
        skip(held.length);
        held = [];
      }
      flushHeld();
    },
  };
}

/**
 * Puts a row's cells where the readers take them: the fast reader's values by column position
 * (no named cells: `undefined`), or the named cells of the header mapping, which also fill the
 * fast reader's values; 'skip' for a row the mapping leaves out.
 */
function gatherCells<T>(
  fields: readonly string[],
  fastPositions: readonly number[] | undefined,
  fastValues: (string | undefined)[],
  mapper: ReturnType<typeof bindRows<T>>['mapper'],
  fast: ReturnType<typeof bindRows<T>>['fast'],
): Record<string, string | undefined> | undefined | 'skip' {
  if (fastPositions) {
    for (let i = 0; i < fastPositions.length; i++) {
      const position = fastPositions[i]!;
      fastValues[i] = position < 0 ? undefined : fields[position];
    }
    return undefined;
  }
  const cells = mapper.cells(fields as string[]);
  if (cells === 'skip') return 'skip';
  if (fast) for (let i = 0; i < fast.columns.length; i++) fastValues[i] = cells[fast.columns[i]!];
  return cells;
}

/** Turns rows of one file into records. */
function createRowValidator<T>(spec: FileSpec<T>, settings: Settings, header: string[], source?: FileSource, options: RowValidatorOptions<T> = {}) {
  const { mapper, file, schema, fast, fastValues, fastPositions, idAt, idPosition, seenIds, quickRow, quickLine } = bindRows(
    spec,
    settings,
    header,
    source,
    options,
  );
  const { keep } = options;
  const records: (T & Located)[] = [];
  const issues: Issue[] = [];
  let rejected = 0;
  let accepted = 0;
  let skipped = 0;
  const reject = (row: CsvRow, issue: RowIssue): void => void issues.push({ file, line: row.line, ...issue });

  function validate(row: CsvRow): void {
    const malformed = malformedRow(row, header.length);
    if (malformed !== undefined) {
      rejected++;
      reject(row, malformed);
      return;
    }
    if (quickRow !== undefined && quickRow(row.fields, row.line)) {
      accepted++;
      return;
    }
    const gathered = gatherCells(row.fields, fastPositions, fastValues, mapper, fast);
    if (gathered === 'skip') {
      skipped++;
      return;
    }
    let cells = gathered;
    const quick = fast === undefined ? NOT_FAST : fast.read(fastValues);
    if (quick === NOT_FAST && cells === undefined) cells = mapper.cells(row.fields) as Record<string, string | undefined>;
    const idCell = spec.idColumn === undefined ? undefined : cells ? cells[spec.idColumn] : idPosition < 0 ? undefined : row.fields[idPosition];
    const recordId = idCell?.trim() || undefined;
    const parsed = quick === NOT_FAST ? schema.safeParse(cells) : { success: true as const, data: quick };
    if (!parsed.success) {
      rejected++;
      for (const issue of schemaRejections(parsed.error.issues, mapper, recordId)) reject(row, issue);
      return;
    }
    const firstLine = recordId === undefined ? undefined : seenIds.firstLineOrAdd(recordId, row.line);
    if (firstLine !== undefined) {
      rejected++;
      reject(row, duplicateRejection(idAt, recordId!, firstLine));
      return;
    }
    const record = parsed.data as T & Located;
    record.file = file;
    record.line = row.line;
    accepted++;
    if (keep) keep(record);
    else records.push(record);
  }
  const { validateRow, finish } = footerHold(mapper, header, validate, (rows) => (skipped += rows));
  return {
    mapper,
    seenIds,
    validateRow,
    /** Takes a row still unsplit through the quick line (see `QuickLine`): true when taken. */
    takeLine(text: string, from: number, to: number, line: number): boolean {
      if (quickLine === undefined || !quickLine(text, from, to, line)) return false;
      accepted++;
      return true;
    },
    finish,
    records,
    issues,
    rejectedCount: () => rejected,
    acceptedCount: () => accepted,
    skippedCount: () => skipped,
  };
}

/** The size of the file at `path` in bytes, -1 when there is no such file. */
function fileSize(path: string): Promise<number> {
  return stat(path).then(
    (s) => (s.isFile() ? s.size : -1),
    () => -1,
  );
}

/** One fatal issue per required column the header lacks, with the closest header it has. */
function missingColumns(file: string, line: number, missing: readonly { column: string; closest?: string }[]): Issue[] {
  return missing.map(({ column, closest }) => ({
    code: 'MissingColumn',
    file,
    line,
    field: column,
    message: RULES.MissingColumn.message({ file, column, closest }),
  }));
}

/**
 * About how many rows a file of `bytes` holds: a row is taken to be as long as its header line
 * (at least 32 characters), and at most 16 M rows are expected up front.
 */
export function expectedRows(bytes: number, header: readonly string[]): number {
  const headerLength = header.reduce((sum, name) => sum + name.length + 1, 0);
  return Math.min(16_000_000, Math.ceil(bytes / Math.max(32, headerLength)));
}

export async function validateFile<T>(
  dataDir: string,
  spec: FileSpec<T>,
  settings: Settings,
  source?: FileSource,
  /** Receives each accepted record instead of `records` (which then stays empty). */
  keep?: (record: T & Located) => void,
  /** Told the rows read so far, every 65 536 rows. */
  progress?: (rowsRead: number) => void,
  { part, ids, keepIds, quick }: PartOptions & { quick?: QuickRows } = {},
): Promise<FileResult<T>> {
  const started = performance.now();
  const name = source?.file ?? spec.file;
  const path = join(dataDir, name);
  const empty: FileResult<T> = { file: name, present: false, records: [], read: 0, accepted: 0, rejected: 0, issues: [], fatal: [], ms: 0 };
  const bytes = await fileSize(path);
  if (bytes < 0) {
    if (!spec.required && !source) return empty;
    return {
      ...empty,
      // Catalog wording (the `file:` prefix already names the file), plus the folder that was looked in.
      fatal: [{ code: 'MissingFile', file: name, line: 0, message: `${RULES.MissingFile.message({ file: name })} (${dataDir})` }],
    };
  }
  let validator: ReturnType<typeof createRowValidator<T>> | undefined;
  let rowsRead = 0;
  const fatal: Issue[] = [];
  const result = await readCsv(
    path,
    (row) => {
      validator?.validateRow(row);
      if (progress && (++rowsRead & 0xffff) === 0) progress(rowsRead);
    },
    {
      fileLabel: name,
      part,
      // Rows a quick reader takes before they are split (src/ingest/read-csv.ts, `onPlainLine`).
      ...(quick?.bindLine
        ? {
            onPlainLine: (text: string, from: number, to: number, line: number) => {
              if (validator === undefined || !validator.takeLine(text, from, to, line)) return false;
              if (progress && (++rowsRead & 0xffff) === 0) progress(rowsRead);
              return true;
            },
          }
        : {}),
      onHeader: (header, headerLine, delimiter) => {
        const rows = expectedRows(part ? part.range.end - part.range.start : bytes, header);
        validator = createRowValidator(spec, settings, header, source, { keep, expectedRows: rows, ids, quick, delimiter });
        fatal.push(...missingColumns(name, headerLine, validator.mapper.missing));
        if (fatal.length > 0) validator = undefined;
      },
    },
  );
  validator?.finish();
  const ms = performance.now() - started;
  for (const problem of result.fatal ?? []) fatal.push({ file: name, ...problem });
  if (fatal.length > 0 || !validator) {
    if (fatal.length === 0) fatal.push({ code: 'EmptyFile', file: name, line: 0, message: RULES.EmptyFile.message({ file: name }) });
    return { ...empty, present: true, fatal, ms };
  }
  const skipped = validator.skippedCount();
  return {
    file: name,
    present: true,
    records: validator.records,
    read: result.rowsRead - skipped,
    accepted: validator.acceptedCount(),
    rejected: validator.rejectedCount(),
    issues: validator.issues,
    fatal: [],
    encoding: result.encoding,
    delimiter: result.delimiter,
    ms,
    ...(skipped > 0 ? { skipped } : {}),
    ...(result.nulLines && result.nulLines.length > 0 ? { cleaned: nulIssues(name, result.nulLines) } : {}),
    ...(keepIds ? { ids: validator.seenIds } : {}),
    ...(part ? { decoding: { bytesReadAsWindows1252: result.bytesReadAsWindows1252, multibyte: result.multibyte } } : {}),
  };
}

/**
 * The result of a file read in two parts, as reading it whole gives it: counts added, issues in
 * file order, the first part's fatal problems (a missing column is found by both), and the
 * encoding of the whole file. `ms` is the time of both parts together.
 */
export function joinParts<T>(first: FileResult<T>, second: FileResult<T>): FileResult<T> {
  const parts = [first.decoding, second.decoding].filter((d) => d !== undefined);
  // Only UTF-8 files are split (the fallback to Windows-1252 is decided over the whole file).
  const detected: DetectedEncoding = first.encoding === 'utf-8-bom' ? 'utf-8-bom' : 'utf-8';
  const encoding = first.encoding === undefined ? second.encoding : combinedEncoding(detected, parts);
  return {
    file: first.file,
    present: first.present || second.present,
    records: [...first.records, ...second.records],
    read: first.read + second.read,
    accepted: first.accepted + second.accepted,
    rejected: first.rejected + second.rejected,
    issues: [...first.issues, ...second.issues],
    fatal: first.fatal.length > 0 ? first.fatal : second.fatal,
    encoding,
    delimiter: first.delimiter ?? second.delimiter,
    ms: first.ms + second.ms,
    ...(first.cleaned || second.cleaned ? { cleaned: [...(first.cleaned ?? []), ...(second.cleaned ?? [])] } : {}),
  };
}

/** One `NulInCell` issue per line that held NUL bytes (the decoder removed them). */
function nulIssues(file: string, lines: readonly number[]): Issue[] {
  return lines.map((line) => ({ code: 'NulInCell', file, line, message: RULES.NulInCell.message({ count: 1 }) }));
}
