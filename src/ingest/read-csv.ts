/**
 * Streaming CSV reader: decoded text -> header + records as string arrays, each with the
 * 1-based PHYSICAL line where it starts (a record after a quoted multi-line field still points
 * at the right editor line).
 *
 * - `readCsv(path, onRow, opts)` streams a file (memory stays at about one chunk plus one
 *   record); `readCsvText(text, onRow, opts)` does the same for a string; both run
 *   `createCsvParser`. `opts.onHeader(header, headerLine)` is called once, before any row.
 * - The delimiter is chosen from the header line (the first non-blank line): of `,` `;` and
 *   tab, the one that occurs most often outside quotes; ties go to tab, then `;`, then `,`
 *   (header names such as "Amount, SEK" contain commas, rarely the others); none of them
 *   means one column (`delimiter: 'none'`: `1,5` in such a file stays one field). It is passed
 *   to papaparse explicitly, never guessed there. The line break (`\r\n`, `\n` or `\r`) is
 *   taken from the end of the header line.
 * - Blank lines, and lines holding only delimiters and whitespace (`;;;` left by Excel), are
 *   skipped; line numbering counts them.
 * - A line that is one record (`\n` line breaks; no quote, or only plainly quoted fields) is
 *   split by this reader itself, exactly as papaparse splits it, without papaparse's result
 *   object per record; from any other line (a quoted line break, a quote used otherwise) to the
 *   end of the text read so far, and for other line breaks, papaparse reads. Property tests
 *   read random text both ways.
 * - Problems carry the rule-catalog code (src/core/rules.ts) and a message in its wording:
 *   - `MalformedRow` (row level): a field count different from the header's, or text after a
 *     closing quote. The row still goes to `onRow`, with `problem` set; the caller rejects it.
 *   - `TruncatedFile` (fatal): the file ends inside a quoted field (named by the line where the
 *     quote opened), or a record grows past MAX_RECORD_CHARS (a quote that never closes):
 *     reading stops there instead of buffering the rest of the file. That record is not passed on.
 *   - `UnreadableFile` (fatal, `readCsv` only): binary or UTF-16 file.
 *   An empty file (nothing, a BOM, whitespace) is no problem here: `header` is `[]`, and the
 *   caller reports `EmptyFile`. A header-only file gives 0 rows.
 */
import Papa from 'papaparse';
import type { ParseStepResult, Parser } from 'papaparse';
import { openTextStream } from './decode.ts';
import type { ByteRange, DetectedEncoding } from './decode.ts';

export type CsvDelimiter = ',' | ';' | '\t';
/** The delimiter used: `'none'` for a one-column file (and an empty one). */
export type CsvDelimiterUsed = CsvDelimiter | 'none';

export interface CsvProblem {
  /** Rule-catalog code: `MalformedRow` for a row, `TruncatedFile` / `UnreadableFile` for the file. */
  code: 'MalformedRow' | 'TruncatedFile' | 'UnreadableFile';
  /** 1-based physical line (for a quote: where it opened); 0 for the whole file. */
  line: number;
  message: string;
}

export interface CsvRow {
  fields: string[];
  /** 1-based physical line where the record starts. */
  line: number;
  /** Set (code `MalformedRow`) when the record is malformed; `fields` is then papaparse's reading. */
  problem?: CsvProblem;
}

export interface CsvReadOptions {
  /** Called once with the header and the delimiter read from it, before the first row (not at all for an empty file). */
  onHeader?: (header: string[], headerLine: number, delimiter: CsvDelimiterUsed) => void;
  /**
   * Offered each line after the header that is one record without a quote, before it is split
   * (`text.slice(from, to)`, its line break left out): true when it took the record whole, which
   * then counts as read and is not passed to `onRow`; false leaves it to be split and passed on
   * as usual (a blank line is then skipped).
   */
  onPlainLine?: (text: string, from: number, to: number, line: number) => boolean;
  /** The file's name in the data folder, for thrown I/O errors. */
  fileLabel?: string;
  /** Bytes decoded and parsed at a time (default 64 KiB; the file is read in larger reads); for tests. */
  chunkBytes?: number;
  /** One part of a file (src/ingest/split-csv.ts): only its bytes are read (`readCsv` only). */
  part?: CsvPart;
}

/**
 * A part of a CSV file that starts at a record boundary. A part after the file's start is read
 * after `headerText` (the file's text up to the end of its header), so the header and dialect
 * are found as in the whole file; its first record then starts on physical line `firstLine`.
 */
export interface CsvPart {
  range: ByteRange;
  headerText?: string;
  firstLine?: number;
}

export interface CsvParseSummary {
  /** Header fields as written (BOM stripped); `[]` for an empty file. */
  header: string[];
  /** 1-based line of the header; 0 for an empty file. */
  headerLine: number;
  delimiter: CsvDelimiterUsed;
  /** Records passed to `onRow`, malformed ones included (not the header or skipped lines). */
  rowsRead: number;
  /** Row-level problems (`MalformedRow`), the first MAX_PROBLEMS_KEPT; see `problemCount`. */
  problems: CsvProblem[];
  problemCount: number;
  /** File-level problems that stop the build (`TruncatedFile`, `UnreadableFile`). */
  fatal: CsvProblem[];
  /** True when reading stopped before the end of the file. */
  stopped: boolean;
}

export interface CsvReadResult extends CsvParseSummary {
  encoding: DetectedEncoding;
  /** Bytes of a UTF-8 file that were not valid UTF-8 and were read as Windows-1252 (mixed file). */
  bytesReadAsWindows1252: number;
  /** A multi-byte UTF-8 character was read (see `combinedEncoding`). */
  multibyte: boolean;
  /** Physical lines whose NUL bytes the decoder removed (decode.ts). */
  nulLines?: readonly number[];
}

export type OnCsvRow = (row: CsvRow) => void;

export interface CsvStreamParser {
  /** Feeds the next piece of text (any split, even inside a field or a `\r\n`). */
  push(text: string): void;
  /** Ends the input and returns the summary. */
  end(): CsvParseSummary;
  /** True once reading stopped (after `end()` or a `TruncatedFile`); `push` is then ignored. */
  readonly stopped: boolean;
}

/** Why the last row of a text that ends without a line break is rejected. */
export const CUT_LAST_ROW = 'the file ends inside this row, without a line break after it: it may be cut off, so it is left out';

/** A record longer than this many characters stops reading (Excel's cell limit is 32 767). */
export const MAX_RECORD_CHARS = 4 * 1024 * 1024;
/** Row problems kept in the summary; `problemCount` counts all. */
const MAX_PROBLEMS_KEPT = 1000;

const DELIMITER_PREFERENCE: readonly CsvDelimiter[] = ['\t', ';', ','];

/** The delimiter that occurs most often in `line` outside quotes (see the header comment). */
export function chooseDelimiter(line: string): CsvDelimiterUsed {
  const counts = { ',': 0, ';': 0, '\t': 0 };
  let inQuote = false;
  for (const c of line) {
    if (c === '"') inQuote = !inQuote;
    else if (!inQuote && (c === ',' || c === ';' || c === '\t')) counts[c]++;
  }
  let best: CsvDelimiterUsed = 'none';
  let bestCount = 0;
  for (const d of DELIMITER_PREFERENCE) {
    if (counts[d] > bestCount) {
      best = d;
      bestCount = counts[d];
    }
  }
  return best;
}

type LineBreak = '\n' | '\r\n' | '\r';

/**
 * Finds the header line (first non-blank line, quotes respected) and takes delimiter and line
 * break from it. Undefined when more text is needed, or (when `final`) when there is no header.
 */
export function detectDialect(text: string, final: boolean): { delimiter: CsvDelimiterUsed; newline: LineBreak } | undefined {
  let inQuote = false;
  let lineStart = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 34) {
      inQuote = !inQuote;
    } else if (!inQuote && (c === 10 || c === 13)) {
      if (c === 13 && i + 1 === text.length && !final) return undefined; // `\r` or `\r\n`?
      const newline: LineBreak = c === 10 ? '\n' : text.charCodeAt(i + 1) === 10 ? '\r\n' : '\r';
      const line = text.slice(lineStart, i);
      if (line.trim() !== '') return { delimiter: chooseDelimiter(line), newline };
      i += newline.length - 1;
      lineStart = i + 1;
    }
  }
  if (!final) return undefined;
  const line = text.slice(lineStart);
  return line.trim() === '' ? undefined : { delimiter: chooseDelimiter(line), newline: '\n' };
}

/** The delimiter of a one-column file: NUL never occurs in text files (decode.ts rejects files holding one). */
const NEVER_SPLITS = '\u0000';

/**
 * The fields of the line `text[from, to)` when each field is either free of quotes or plainly
 * quoted (a quote first, its closing quote right before the delimiter or the line's end, quotes
 * inside doubled), as papaparse reads them then; undefined for any other use of quotes (text
 * after a closing quote, a quote inside an unquoted field, a quote left open), papaparse's to read.
 */
export function quotedFields(text: string, from: number, to: number, delimiter: string): string[] | undefined {
  const fields: string[] = [];
  let at = from;
  let nextQuote = text.indexOf('"', from);
  for (;;) {
    let end: number;
    if (nextQuote === at) {
      let value = '';
      let piece = at + 1;
      for (;;) {
        const quote = text.indexOf('"', piece);
        if (quote === -1 || quote >= to) return undefined;
        if (quote + 1 < to && text.charCodeAt(quote + 1) === QUOTE_CODE) {
          value += text.slice(piece, quote + 1);
          piece = quote + 2;
          continue;
        }
        value += text.slice(piece, quote);
        end = quote + 1;
        break;
      }
      if (end < to && !text.startsWith(delimiter, end)) return undefined;
      fields.push(value);
      nextQuote = end < to ? text.indexOf('"', end) : -1;
    } else {
      const next = text.indexOf(delimiter, at);
      end = next === -1 || next >= to ? to : next;
      if (nextQuote !== -1 && nextQuote < end) return undefined;
      fields.push(text.slice(at, end));
    }
    if (end >= to) return fields;
    at = end + delimiter.length;
  }
}

const QUOTE_CODE = 34;

function isBlankRecord(fields: string[]): boolean {
  for (const field of fields) if (field.trim() !== '') return false;
  return true;
}

/** What `createCsvParser` takes besides the row callback. */
type CsvParserOptions = Pick<CsvReadOptions, 'onHeader' | 'onPlainLine'> & {
  firstLine?: number;
  /** False: papaparse reads every line, quoted or not (the reference the plain lines are tested against). */
  plainLines?: boolean;
};

/** The incremental reader behind `readCsv` and `readCsvText`. */
export function createCsvParser(onRow: OnCsvRow, opts: CsvParserOptions = {}): CsvStreamParser {
  return new CsvParser(onRow, opts);
}

/**
 * The reader's state and steps. Text goes `push` → `startParsing` (until the header line gives
 * the dialect) → `runParser`, which reads plain lines itself (`readPlainLines`) and hands the
 * rest to papaparse, whose records come back through `onRecord`; every record read either way
 * ends in `takeRecord`.
 */
class CsvParser implements CsvStreamParser {
  private readonly onRow: OnCsvRow;
  private readonly opts: CsvParserOptions;
  private readonly plainLines: boolean;
  private readonly onPlainLine: CsvReadOptions['onPlainLine'];
  private started = false;
  private pending = ''; // text before the dialect is known
  private delimiter: CsvDelimiterUsed = 'none';
  private lineBreakChar = '\n'; // the character counted for physical lines
  private lineBreak: LineBreak = '\n';
  private papa: Parser | undefined;
  private buffer = ''; // unconsumed text; buffer[0] is at absolute offset bufStart
  private bufStart = 0;
  private rowStart = 0; // absolute offset where the next record starts
  private rowLine = 1; // its line
  private header: string[] | undefined;
  private headerLine = 0;
  private rowsRead = 0;
  private readonly problems: CsvProblem[] = [];
  private problemCount = 0;
  private readonly fatal: CsvProblem[] = [];
  private overflow = false; // flushing a record longer than MAX_RECORD_CHARS
  private isStopped = false; // no more input is taken
  private stoppedEarly = false;
  private lastChar = ''; // the last character pushed
  private endingUnbroken = false; // reading the last line of a text that ends without a line break

  constructor(onRow: OnCsvRow, opts: CsvParserOptions) {
    this.onRow = onRow;
    this.opts = opts;
    this.plainLines = opts.plainLines ?? true;
    this.onPlainLine = opts.onPlainLine;
  }

  get stopped(): boolean {
    return this.isStopped;
  }

  push(text: string): void {
    if (this.isStopped || text === '') return;
    this.lastChar = text[text.length - 1]!;
    if (!this.started) {
      this.started = true;
      if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    }
    if (this.papa) {
      this.buffer += text;
    } else {
      this.pending += text;
      this.startParsing(false);
    }
    if (this.papa) this.runParser(false);
  }

  end(): CsvParseSummary {
    if (!this.isStopped) {
      if (!this.papa) this.startParsing(true);
      const last = this.lastChar;
      if (this.papa && this.header && last !== '\n' && last !== '\r' && last !== '') {
        // A text that stops without a line break may have been cut inside its last row (a
        // duration of 45 read as 4): that row is rejected, not read short.
        this.endingUnbroken = true;
        this.buffer += this.lineBreak;
        this.runParser(false);
        this.endingUnbroken = false;
      }
      this.runParser(true);
      this.isStopped = true;
    }
    const { header, headerLine, delimiter, rowsRead, problems, problemCount, fatal, stoppedEarly } = this;
    return { header: header ?? [], headerLine, delimiter, rowsRead, problems, problemCount, fatal, stopped: stoppedEarly };
  }

  /** Once the header line is in: the dialect it gives, and papaparse set up for it. */
  private startParsing(final: boolean): void {
    const dialect = detectDialect(this.pending, final || this.pending.length > MAX_RECORD_CHARS);
    if (!dialect) return;
    this.delimiter = dialect.delimiter;
    this.lineBreakChar = dialect.newline === '\r' ? '\r' : '\n';
    this.lineBreak = dialect.newline;
    this.papa = new Papa.Parser({
      delimiter: this.delimiter === 'none' ? NEVER_SPLITS : this.delimiter,
      newline: dialect.newline,
      quoteChar: '"',
      step: this.onRecord as (results: ParseStepResult<unknown>) => void,
    });
    this.buffer = this.pending;
    this.pending = '';
  }

  /** Reads what the buffer holds: plain lines here, the rest through papaparse; stops at an overlong record. */
  private runParser(final: boolean): void {
    if (!this.papa) return;
    if (!this.readPlainLines(final)) {
      // From the first record the plain reading left, to the end of the buffer.
      this.papa.parse(this.buffer, this.bufStart, !final);
      const consumed = this.rowStart - this.bufStart;
      if (consumed > 0) {
        this.buffer = this.buffer.slice(consumed);
        this.bufStart = this.rowStart;
      }
    }
    if (!final && this.buffer.length > MAX_RECORD_CHARS) {
      this.overflow = true;
      this.runParser(true); // one record: reported as TruncatedFile, not passed on
      this.isStopped = true;
      this.stoppedEarly = true;
    }
  }

  /**
   * Reads the buffer's complete lines (all of it when `final`) as papaparse reads them, without
   * papaparse's result object per record, while each line is one record: a line without a quote
   * split at the delimiter (papaparse's own "fast mode" for text without quotes), a line whose
   * quoted fields are plainly quoted (`"…"` from delimiter to delimiter, `""` inside) read by
   * `quotedFields`. True when it read them all; false at the first line it leaves to papaparse
   * (a quote used otherwise, a quoted line break), from which papaparse reads the buffer; and at
   * once for line breaks other than `\n` or a record past MAX_RECORD_CHARS being flushed.
   */
  private readPlainLines(final: boolean): boolean {
    if (!this.plainLines || this.lineBreak !== '\n' || this.overflow) return false;
    const buffer = this.buffer; // not changed while its lines are read
    const delimiter = this.delimiter;
    const onPlainLine = this.onPlainLine;
    const end = final ? buffer.length : buffer.lastIndexOf('\n') + 1;
    const split = delimiter === 'none' ? NEVER_SPLITS : delimiter;
    let quote = buffer.indexOf('"');
    let at = 0;
    let done = true;
    while (at < end) {
      const lineEnd = buffer.indexOf('\n', at);
      const stop = lineEnd === -1 || lineEnd >= end ? end : lineEnd;
      let fields: string[] | undefined;
      if (quote === -1 || quote >= stop) {
        if (onPlainLine !== undefined && this.header !== undefined && onPlainLine(buffer, at, stop, this.rowLine)) {
          this.rowsRead++;
          if (stop === lineEnd) this.rowLine++;
          at = stop + 1;
          continue;
        }
        fields = buffer.slice(at, stop).split(split);
      } else {
        fields = delimiter === 'none' ? undefined : quotedFields(buffer, at, stop, delimiter);
        if (fields === undefined) {
          done = false;
          break;
        }
        quote = buffer.indexOf('"', stop);
      }
      const line = this.rowLine;
      if (stop === lineEnd) this.rowLine++;
      at = stop + 1;
      this.takeRecord(fields, line, undefined);
    }
    const read = Math.min(at, end);
    if (read > 0) {
      this.buffer = buffer.slice(read);
      this.bufStart += read;
      this.rowStart = this.bufStart;
    }
    return done;
  }

  /** Line breaks in `buffer[from, to)`. */
  private countLineBreaks(from: number, to: number): number {
    const buffer = this.buffer;
    const lineBreakChar = this.lineBreakChar;
    let n = 0;
    // A record's last line break is usually its last character: no search past it into the next record.
    for (let i = buffer.indexOf(lineBreakChar, from); i !== -1 && i < to; i = i + 1 < to ? buffer.indexOf(lineBreakChar, i + 1) : -1) n++;
    return n;
  }

  /** papaparse's step: one record it read, with its errors (bound: papaparse calls it as a plain function). */
  private readonly onRecord = (results: ParseStepResult<string[][]>): void => {
    const fields = results.data[0] ?? [''];
    const start = this.rowStart - this.bufStart;
    const end = results.meta.cursor - this.bufStart;
    const line = this.rowLine;
    this.rowLine += this.countLineBreaks(start, end);
    this.rowStart = results.meta.cursor;
    const problem = results.errors.length > 0 ? this.recordProblem(results.errors, start, end, line) : undefined;
    if (problem === 'taken') return;
    if (this.overflow) {
      this.fatal.push({
        code: 'TruncatedFile',
        line,
        message: `the record starting on line ${line} is longer than ${MAX_RECORD_CHARS} characters; stopped reading the file`,
      });
      return;
    }
    this.takeRecord(fields, line, problem);
  };

  /**
   * What papaparse's errors for the record at `buffer[start, end)` mean: a `MalformedRow`, or
   * 'taken' when the record is dealt with here (a `TruncatedFile`, or swallowed lines recovered).
   */
  private recordProblem(errors: ParseStepResult<unknown>['errors'], start: number, end: number, line: number): CsvProblem | 'taken' | undefined {
    const invalid = errors.find((e) => e.code === 'InvalidQuotes');
    const missing = errors.find((e) => e.code === 'MissingQuotes');
    if (missing && (!invalid || this.overflow)) {
      // error.index is just after the opening quote, relative to `buffer`.
      const quoteLine = line + this.countLineBreaks(start, (missing.index ?? start + 1) - 1);
      this.fatal.push({
        code: 'TruncatedFile',
        line: quoteLine,
        message: this.overflow
          ? `quoted field opened on line ${quoteLine} is not closed within ${MAX_RECORD_CHARS} characters; stopped reading the file`
          : `file ends inside a quoted field opened on line ${quoteLine}`,
      });
      return 'taken';
    }
    if (!invalid) return undefined;
    // papaparse then reads on to the next quote that looks closing (or to the end of the
    // file): say how far, so the swallowed lines can be found.
    const spanEnd = this.buffer[end - 1] === this.lineBreakChar ? end - 1 : end;
    const lastLine = line + this.countLineBreaks(start, spanEnd);
    if (lastLine > line && !this.overflow && this.recoverSwallowed(this.buffer.slice(start, spanEnd), line)) return 'taken';
    const runsOn = lastLine > line ? `; the record runs on to line ${lastLine}` : '';
    return { code: 'MalformedRow', line, message: `a quoted field has text after its closing quote${runsOn}` };
  }

  /**
   * A record papaparse read over several lines because of a stray quote: when most of the lines
   * it swallowed have the header's shape (its field count), they are rows, not a cell with line
   * breaks. The line with the quote is rejected and each line after it read on its own. False
   * (nothing taken) otherwise.
   */
  private recoverSwallowed(text: string, line: number): boolean {
    const { header, delimiter } = this;
    if (!header || delimiter === 'none') return false;
    const lines = text.split(this.lineBreak);
    const split = (piece: string): string[] | undefined => quotedFields(piece, 0, piece.length, delimiter);
    const after = lines.slice(1).map(split);
    const shaped = after.filter((fields) => fields?.length === header.length).length;
    if (shaped * 2 < after.length) return false;
    const opened = lines[0]!.indexOf('"') + 1;
    this.takeRecord(split(lines[0]!) ?? [lines[0]!], line, {
      code: 'MalformedRow',
      line,
      message: `a stray quote (column ${opened} of the line) runs on over the next ${after.length} line(s); this line is left out, the ${after.length} after it are read on their own`,
    });
    after.forEach((fields, i) => {
      const at = line + 1 + i;
      if (fields) this.takeRecord(fields, at, undefined);
      else this.takeRecord([lines[i + 1]!], at, { code: 'MalformedRow', line: at, message: 'a quote in this line is not closed on the line' });
    });
    return true;
  }

  /** A record read either way: blank ones skipped, the first the header, the others passed on. */
  private takeRecord(fields: string[], line: number, problem: CsvProblem | undefined): void {
    if (!problem && isBlankRecord(fields)) return;
    const header = this.header;
    if (!header) {
      this.header = fields;
      this.headerLine = line;
      this.opts.onHeader?.(fields, line, this.delimiter);
      if (this.opts.firstLine !== undefined) this.rowLine = this.opts.firstLine;
      return;
    }
    if (!problem && fields.length !== header.length) {
      problem = { code: 'MalformedRow', line, message: `expected ${header.length} fields as in the header, got ${fields.length}` };
    }
    if (!problem && this.endingUnbroken) {
      problem = { code: 'MalformedRow', line, message: CUT_LAST_ROW };
    }
    this.rowsRead++;
    if (problem) {
      this.problemCount++;
      if (this.problems.length < MAX_PROBLEMS_KEPT) this.problems.push(problem);
      this.onRow({ fields, line, problem });
    } else {
      this.onRow({ fields, line });
    }
  }
}

/** Reads CSV text already in memory (same semantics as `readCsv`). */
export function readCsvText(text: string, onRow: OnCsvRow, opts: Pick<CsvReadOptions, 'onHeader' | 'onPlainLine'> = {}): CsvParseSummary {
  const parser = createCsvParser(onRow, opts);
  parser.push(text);
  return parser.end();
}

/**
 * Streams a CSV file: decodes it (see decode.ts), calls `onHeader` then `onRow` for every record
 * in order, and resolves with the summary. Data problems never throw (see the header comment);
 * I/O errors (no such file, permissions) and errors thrown by the callbacks do.
 */
export async function readCsv(path: string, onRow: OnCsvRow, opts: CsvReadOptions = {}): Promise<CsvReadResult> {
  let stream: Awaited<ReturnType<typeof openTextStream>>;
  const { part } = opts;
  try {
    stream = await openTextStream(path, {
      ...(opts.chunkBytes === undefined ? {} : { chunkBytes: opts.chunkBytes }),
      ...(part ? { range: part.range } : {}),
    });
  } catch (error) {
    throw new Error(`cannot read ${opts.fileLabel ?? path}: ${(error as Error).message}`, { cause: error });
  }
  const parser = createCsvParser(onRow, { onHeader: opts.onHeader, onPlainLine: opts.onPlainLine, firstLine: part?.firstLine });
  if (stream.unreadable) {
    const summary = parser.end();
    const problem: CsvProblem = { code: 'UnreadableFile', line: 0, message: `not a CSV text file (${stream.unreadable})` };
    return { ...summary, fatal: [problem], encoding: stream.encoding, bytesReadAsWindows1252: 0, multibyte: false };
  }
  if (part?.headerText) parser.push(part.headerText);
  for await (const chunk of stream.chunks) {
    parser.push(chunk);
    if (parser.stopped) break;
  }
  const summary = parser.end();
  return {
    ...summary,
    encoding: stream.encoding,
    bytesReadAsWindows1252: stream.bytesReadAsWindows1252,
    multibyte: stream.multibyte,
    nulLines: stream.nulLines,
  };
}
