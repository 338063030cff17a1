/**
 * Where a large CSV file can be cut in two, so that two threads read one part each and the
 * rows, lines and messages are exactly those of reading it whole.
 *
 * The cut is the first record boundary at or after the byte asked for. It is found by reading
 * the bytes before it with the quoting rules the parser applies (RFC 4180: a field that starts
 * with `"` is quoted, `""` inside it is a quote, and the closing quote is followed by the
 * delimiter or the line break), counting physical lines on the way, so the second part knows
 * the line its first record starts on. Anything the parser would read differently — a quote
 * closed and followed by other text, a line break other than the header's, text that is not
 * UTF-8 — and no split is offered: the file is then read whole, as always.
 */
import { open } from 'node:fs/promises';
import { createChunkDecoder, detectEncoding, SAMPLE_BYTES, unreadableReason } from './decode.ts';
import { detectDialect, readCsvText, type CsvPart } from './read-csv.ts';

export interface CsvSplit {
  /** From the start of the file to the cut. */
  first: CsvPart;
  /** From the cut to the end, read after the header text, starting on its physical line. */
  second: CsvPart;
}

/** Bytes scanned per read. */
const BLOCK_BYTES = 4 * 1024 * 1024;

const QUOTE = 34;
const LF = 10;
const CR = 13;

/** The split of the file at `path` at the first record boundary at or after byte `at`, if one is safe. */
export async function planCsvSplit(path: string, at: number): Promise<CsvSplit | undefined> {
  const handle = await open(path, 'r');
  try {
    const size = (await handle.stat()).size;
    if (at <= 0 || at >= size) return undefined;
    const sample = Buffer.alloc(Math.min(SAMPLE_BYTES, size));
    const { bytesRead } = await handle.read(sample, 0, sample.length, 0);
    const head = sample.subarray(0, bytesRead);
    if (unreadableReason(head)) return undefined;
    const encoding = detectEncoding(head, { whole: bytesRead === size });
    if (encoding === 'windows-1252') return undefined;
    const decoder = createChunkDecoder(encoding);
    const sampleText = decoder.decode(head);
    const dialect = detectDialect(sampleText, false);
    let headerLine = 0;
    readCsvText(sampleText, () => {}, { onHeader: (_, line) => (headerLine = line) });
    if (!dialect || dialect.newline === '\r' || headerLine === 0) return undefined;
    const delimiter = dialect.delimiter === 'none' ? -1 : dialect.delimiter.charCodeAt(0);
    const crlf = dialect.newline === '\r\n';

    const scan = newScan(headerLine, at, delimiter, crlf);
    const block = Buffer.alloc(BLOCK_BYTES);
    let position = encoding === 'utf-8-bom' ? 3 : 0;
    while (position < size) {
      const { bytesRead: n } = await handle.read(block, 0, BLOCK_BYTES, position);
      if (n === 0) break;
      const cut = scanBlock(scan, block, n, position);
      if (cut === REFUSED) return undefined;
      if (cut >= 0) {
        if (cut >= size) return undefined;
        const headerBytes = Buffer.alloc(scan.headerEnd);
        await handle.read(headerBytes, 0, scan.headerEnd, 0);
        const headerDecoder = createChunkDecoder(encoding);
        const headerText = headerDecoder.decode(headerBytes) + headerDecoder.end();
        return {
          first: { range: { start: 0, end: cut } },
          second: { range: { start: cut, end: size }, headerText, firstLine: scan.lines + 1 },
        };
      }
      position += n;
    }
    return undefined;
  } finally {
    await handle.close();
  }
}

/** The scan's state between blocks. */
interface Scan {
  headerLine: number;
  at: number;
  delimiter: number;
  crlf: boolean;
  /** 0 at a field's start, 1 in an unquoted field, 2 in a quoted field, 3 just after a quote in a quoted field. */
  state: number;
  /** Outside quotes, a `\r` was read: a `\n` must follow. */
  cr: boolean;
  /** `\n` read so far. */
  lines: number;
  /** Physical line the current record starts on. */
  recordLine: number;
  /** Offset just after the header record; -1 until it is read. */
  headerEnd: number;
}

const REFUSED = -2;

function newScan(headerLine: number, at: number, delimiter: number, crlf: boolean): Scan {
  return { headerLine, at, delimiter, crlf, state: 0, cr: false, lines: 0, recordLine: 1, headerEnd: -1 };
}

/**
 * Reads `n` bytes of `block` (which starts at file offset `position`): the offset of the cut once
 * found (`scan.lines` then counts the line breaks before it), -1 to read on, REFUSED when the
 * parser would read the bytes in a way this scan does not follow.
 */
function scanBlock(scan: Scan, block: Buffer, n: number, position: number): number {
  const { delimiter, crlf, headerLine, at } = scan;
  let { state, cr, lines, recordLine, headerEnd } = scan;
  let result = -1;
  let i = 0;
  // The common block: past the header, outside quotes, and no quote or stray `\r` in it. Every
  // `\n` then ends a record, and the loop only counts them.
  if (headerEnd >= 0 && state !== 2 && state !== 3 && !cr && !contains(block, n, QUOTE) && (crlf || !contains(block, n, CR))) {
    const stop = at - position;
    for (i = block.indexOf(LF); i !== -1 && i < n; i = block.indexOf(LF, i + 1)) {
      if (crlf && (i === 0 || block[i - 1] !== CR)) return REFUSED;
      lines++;
      if (i + 1 >= stop) {
        scan.lines = lines;
        return position + i + 1;
      }
    }
    const last = block[n - 1];
    scan.lines = lines;
    scan.recordLine = lines + 1;
    scan.state = last === LF || last === delimiter ? 0 : 1;
    scan.cr = crlf && last === CR;
    return -1;
  }
  for (; i < n; i++) {
    const byte = block[i]!;
    if (state === 2) {
      if (byte === QUOTE) state = 3;
      else if (byte === LF) lines++;
      continue;
    }
    if (cr) {
      if (byte !== LF) return REFUSED;
      cr = false;
    } else if (byte === LF && crlf) {
      return REFUSED;
    }
    if (byte === LF) {
      lines++;
      if (headerEnd < 0) {
        if (recordLine === headerLine) headerEnd = position + i + 1;
      } else if (position + i + 1 >= at) {
        result = position + i + 1;
        break;
      }
      recordLine = lines + 1;
      state = 0;
    } else if (byte === CR) {
      if (!crlf) return REFUSED;
      cr = true;
    } else if (byte === delimiter) {
      state = 0;
    } else if (state === 0) {
      state = byte === QUOTE ? 2 : 1;
    } else if (state === 3) {
      if (byte !== QUOTE) return REFUSED; // text after a closing quote: read the file whole
      state = 2;
    }
  }
  scan.state = state;
  scan.cr = cr;
  scan.lines = lines;
  scan.recordLine = recordLine;
  scan.headerEnd = headerEnd;
  return result;
}

function contains(block: Buffer, n: number, byte: number): boolean {
  const at = block.indexOf(byte);
  return at !== -1 && at < n;
}
