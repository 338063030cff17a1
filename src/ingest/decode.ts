/**
 * Bytes -> text for CSV exports: detects UTF-8 (with or without BOM) or Windows-1252 and
 * decodes a file chunk by chunk without splitting multi-byte characters.
 *
 * The decision (documented in docs/data-format.md, "Dialects"):
 * - A UTF-8 BOM means UTF-8; the BOM is stripped.
 * - Otherwise the first 64 KiB decide: not valid UTF-8 -> the whole file is Windows-1252.
 * - Valid UTF-8 (including pure ASCII) -> read as UTF-8. If a later part of the file turns out
 *   not to be valid UTF-8 (a file whose first 64 KiB are ASCII only, or two exports glued
 *   together), reading does not fail and does not restart: each byte that is not part of a
 *   valid UTF-8 sequence is read as Windows-1252 (so `ö` and `€` still survive) and counted in
 *   `bytesReadAsWindows1252`. When no valid multi-byte UTF-8 was seen at all, the file is then
 *   reported as `windows-1252`. (Windows-1252 pairs that happen to form valid UTF-8, such as
 *   `Ö€` = D6 80, are read as UTF-8 there; such pairs are rare in real text.)
 *
 * Windows-1252 is decoded with an own table, not `TextDecoder('windows-1252')`, because Node 20's
 * decoder silently drops 0x80-0x9F (`€`, `“`, …; nodejs/node#56542).
 */
import { open, type FileHandle } from 'node:fs/promises';

export type DetectedEncoding = 'utf-8' | 'utf-8-bom' | 'windows-1252';

/** How many leading bytes decide the encoding (and the binary/UTF-16 check). */
export const SAMPLE_BYTES = 64 * 1024;

const DEFAULT_CHUNK_BYTES = 64 * 1024;
/**
 * Bytes read from the file at once (decoded and handed on in chunks of `chunkBytes`). Each read
 * is a request to the I/O thread pool that costs ≈ 40 µs of the reading thread whatever its size
 * (≈ 0.1 s for a 168 MB file in 64 KiB reads, 20 ms in 1 MiB reads).
 */
const DEFAULT_READ_BYTES = 1024 * 1024;

const utf8Fatal = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/** Windows-1252 characters for 0x80-0x9F; the five unassigned bytes map to the C1 control like WHATWG. */
const CP1252_HIGH =
  '\u20ac\u0081\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\u008d\u017d\u008f' +
  '\u0090\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\u009d\u017e\u0178';

function hasUtf8Bom(bytes: Uint8Array): boolean {
  return bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
}

/** UTF-16 BOM (Excel's "Unicode text"): such files are not read, the caller asks for UTF-8. */
function hasUtf16Bom(bytes: Uint8Array): boolean {
  return bytes.length >= 2 && ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff));
}

/** File signatures of things that are not CSV text, and what to do instead. */
const MAGIC: readonly [bytes: readonly number[], what: string][] = [
  [[0x50, 0x4b, 0x03, 0x04], 'an Excel workbook or ZIP archive; save the sheet as CSV or unpack the archive'],
  [[0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1], 'an old Excel workbook (.xls); save the sheet as CSV'],
  [[0x25, 0x50, 0x44, 0x46, 0x2d], 'a PDF document'],
  [[0x1f, 0x8b], 'a gzip archive; unpack it first'],
  [[0x89, 0x50, 0x4e, 0x47], 'a PNG image'],
  [[0xff, 0xd8, 0xff], 'a JPEG image'],
];

/** Share of control bytes outside quoted cells above which a sample is not text (besides any NUL there). */
const MAX_CONTROL_SHARE = 0.01;

function startsWith(bytes: Uint8Array, magic: readonly number[]): boolean {
  return bytes.length >= magic.length && magic.every((byte, i) => bytes[i] === byte);
}

/**
 * Why the sample is not CSV text judged by its control bytes outside quoted cells: a NUL there
 * (binary data, or UTF-16 without BOM), or more than 1 % other control bytes (not tab, CR, LF).
 * Inside a quoted cell any byte is data: a rich-text field of a Salesforce export may hold a NUL,
 * which the decoder removes and reports (`nulOffsets`).
 */
function controlOutsideQuotes(bytes: Uint8Array): string | undefined {
  let quoted = false;
  let line = 1;
  let controls = 0;
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i]!;
    if (b === 0x22) quoted = !quoted;
    else if (b === 0x0a) line++;
    else if (b < 0x20 && b !== 0x09 && b !== 0x0d && !quoted) {
      if (b === 0) return `a NUL byte (0x00) outside quoted cells on line ${line}`;
      controls++;
    }
  }
  return controls > bytes.length * MAX_CONTROL_SHARE ? `${controls} control bytes outside quoted cells` : undefined;
}

function binaryReason(sample: Uint8Array): string | undefined {
  const magic = MAGIC.find(([signature]) => startsWith(sample, signature));
  if (magic) return magic[1];
  return controlOutsideQuotes(sample);
}

/**
 * Why the file cannot be read as CSV text, judged from its first bytes (the reason for the
 * `UnreadableFile` message "not a CSV text file (…)"); undefined when it can be read.
 */
export function unreadableReason(sample: Uint8Array): string | undefined {
  if (hasUtf16Bom(sample)) return 'UTF-16 encoded; export as CSV UTF-8';
  return binaryReason(sample.subarray(0, Math.min(sample.length, SAMPLE_BYTES)));
}

/**
 * Length of the prefix of `bytes` that does not end inside an incomplete UTF-8 sequence
 * (the cut-off 1-3 bytes are kept for the next chunk).
 */
function completeUtf8Length(bytes: Uint8Array): number {
  const len = bytes.length;
  for (let i = len - 1; i >= 0 && i >= len - 4; i--) {
    const b = bytes[i] as number;
    if (b < 0x80) return len;
    if (b >= 0xc0) {
      const need = b >= 0xf0 ? 4 : b >= 0xe0 ? 3 : 2;
      return len - i < need ? i : len;
    }
  }
  return len;
}

/**
 * The encoding of a file, judged from its first SAMPLE_BYTES. `bytes` may be a prefix of the
 * file: an incomplete UTF-8 sequence at the very end is then allowed. With `whole` (`bytes` is
 * the whole file) it is not: a small Windows-1252 file ending in "ö–" (F6 96) is no cut "ö".
 */
export function detectEncoding(bytes: Uint8Array, { whole = false }: { whole?: boolean } = {}): DetectedEncoding {
  if (hasUtf8Bom(bytes)) return 'utf-8-bom';
  const sample = bytes.subarray(0, Math.min(bytes.length, SAMPLE_BYTES));
  const endsFile = whole && bytes.length <= SAMPLE_BYTES;
  try {
    utf8Fatal.decode(endsFile ? sample : sample.subarray(0, completeUtf8Length(sample)));
    return 'utf-8';
  } catch {
    return 'windows-1252';
  }
}

/** Decodes Windows-1252 bytes (single-byte, so any chunking is safe). */
export function decodeWindows1252(bytes: Uint8Array): string {
  const latin1 = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');
  return /[\u0080-\u009f]/.test(latin1) ? latin1.replace(/[\u0080-\u009f]/g, (c) => CP1252_HIGH[c.charCodeAt(0) - 0x80] as string) : latin1;
}

function cp1252Char(byte: number): string {
  return byte >= 0x80 && byte <= 0x9f ? (CP1252_HIGH[byte - 0x80] as string) : String.fromCharCode(byte);
}

/** Length of the valid UTF-8 sequence at `i` (1-4), or 0 when the bytes there are not one. */
function utf8SequenceLength(bytes: Uint8Array, i: number): number {
  const b0 = bytes[i] as number;
  if (b0 < 0x80) return 1;
  const cont = (k: number): boolean => {
    const b = bytes[i + k];
    return b !== undefined && (b & 0xc0) === 0x80;
  };
  if (b0 >= 0xc2 && b0 <= 0xdf) return cont(1) ? 2 : 0;
  if (b0 >= 0xe0 && b0 <= 0xef) {
    const b1 = bytes[i + 1];
    if (b1 === undefined || !cont(1) || !cont(2)) return 0;
    if (b0 === 0xe0 && b1 < 0xa0) return 0; // overlong
    if (b0 === 0xed && b1 >= 0xa0) return 0; // surrogate
    return 3;
  }
  if (b0 >= 0xf0 && b0 <= 0xf4) {
    const b1 = bytes[i + 1];
    if (b1 === undefined || !cont(1) || !cont(2) || !cont(3)) return 0;
    if (b0 === 0xf0 && b1 < 0x90) return 0; // overlong
    if (b0 === 0xf4 && b1 >= 0x90) return 0; // above U+10FFFF
    return 4;
  }
  return 0;
}

/** Slow path: UTF-8 where valid, Windows-1252 for every other byte. */
function decodeUtf8WithFallback(bytes: Uint8Array): { text: string; fallbackBytes: number; multibyte: boolean } {
  const parts: string[] = [];
  let fallbackBytes = 0;
  let multibyte = false;
  let runStart = 0;
  let i = 0;
  while (i < bytes.length) {
    const n = utf8SequenceLength(bytes, i);
    if (n > 0) {
      if (n > 1) multibyte = true;
      i += n;
      continue;
    }
    if (runStart < i) parts.push(utf8Fatal.decode(bytes.subarray(runStart, i)));
    parts.push(cp1252Char(bytes[i] as number));
    fallbackBytes++;
    i++;
    runStart = i;
  }
  if (runStart < bytes.length) parts.push(utf8Fatal.decode(bytes.subarray(runStart)));
  return { text: parts.join(''), fallbackBytes, multibyte };
}

/** A stateful decoder: feed chunks in order, then `end()`. */
export interface ChunkDecoder {
  decode(bytes: Uint8Array): string;
  /** Decodes bytes held back at the end of the last chunk (an incomplete UTF-8 sequence). */
  end(): string;
  /** The encoding as decided so far (final after `end()`). */
  readonly encoding: DetectedEncoding;
  /** Bytes of a UTF-8 file that were not valid UTF-8 and were read as Windows-1252. */
  readonly bytesReadAsWindows1252: number;
  /** True once a valid multi-byte UTF-8 character was decoded. */
  readonly multibyte: boolean;
  /** NUL characters removed from the text (a NUL inside a quoted cell is cleaned, not data). */
  readonly nulsRemoved: number;
}

/**
 * The encoding of a UTF-8 file read in parts, from what each part's decoder saw: as
 * `ChunkDecoder.encoding` would say for the whole file.
 */
export function combinedEncoding(encoding: DetectedEncoding, parts: readonly { bytesReadAsWindows1252: number; multibyte: boolean }[]): DetectedEncoding {
  const fallback = parts.some((part) => part.bytesReadAsWindows1252 > 0);
  const multibyte = parts.some((part) => part.multibyte);
  return encoding === 'utf-8' && fallback && !multibyte ? 'windows-1252' : encoding;
}

/**
 * A decoder for `encoding` (from `detectEncoding` on the file's first bytes). The BOM (the first
 * 3 bytes of a `utf-8-bom` file) is skipped when the bytes fed start at the file's start
 * (`fromStart`, the default); multi-byte characters split across chunks survive.
 * Chunks may be reused by the caller after `decode` returns.
 */
export function createChunkDecoder(encoding: DetectedEncoding, { fromStart = true }: { fromStart?: boolean } = {}): ChunkDecoder {
  let bomBytesLeft = encoding === 'utf-8-bom' && fromStart ? 3 : 0; // the BOM may arrive split over chunks
  let carry: Uint8Array | undefined;
  let fallbackBytes = 0;
  let multibyte = false;
  let nulsRemoved = 0;

  /** The text without NUL characters (rare: only then is the text searched and copied). */
  const clean = (text: string, bytes: Uint8Array): string => {
    if (bytes.indexOf(0) === -1) return text;
    const cleaned = text.replaceAll('\0', '');
    nulsRemoved += text.length - cleaned.length;
    return cleaned;
  };

  const decodeUtf8 = (bytes: Uint8Array): string => {
    if (bytes.length === 0) return '';
    try {
      const text = utf8Fatal.decode(bytes);
      if (!multibyte && text.length < bytes.length) multibyte = true;
      return text;
    } catch {
      const slow = decodeUtf8WithFallback(bytes);
      fallbackBytes += slow.fallbackBytes;
      if (slow.multibyte) multibyte = true;
      return slow.text;
    }
  };

  return {
    decode(chunk: Uint8Array): string {
      let bytes = chunk;
      if (bomBytesLeft > 0) {
        const skip = Math.min(bomBytesLeft, bytes.length);
        bomBytesLeft -= skip;
        bytes = bytes.subarray(skip);
      }
      if (encoding === 'windows-1252') return clean(decodeWindows1252(bytes), bytes);
      if (carry) {
        const joined = new Uint8Array(carry.length + bytes.length);
        joined.set(carry);
        joined.set(bytes, carry.length);
        bytes = joined;
        carry = undefined;
      }
      const cut = completeUtf8Length(bytes);
      // A copy: the caller may reuse the chunk's buffer (Buffer#slice would be a view).
      if (cut < bytes.length) carry = Uint8Array.prototype.slice.call(bytes, cut);
      const complete = bytes.subarray(0, cut);
      return clean(decodeUtf8(complete), complete);
    },
    end(): string {
      const rest = carry;
      carry = undefined;
      return rest ? clean(decodeUtf8(rest), rest) : '';
    },
    get encoding(): DetectedEncoding {
      return combinedEncoding(encoding, [{ bytesReadAsWindows1252: fallbackBytes, multibyte }]);
    },
    get bytesReadAsWindows1252(): number {
      return fallbackBytes;
    },
    get multibyte(): boolean {
      return multibyte;
    },
    get nulsRemoved(): number {
      return nulsRemoved;
    },
  };
}

/** Decodes a whole in-memory file (detects the encoding, strips the BOM). */
export function decodeBytes(bytes: Uint8Array): { text: string; encoding: DetectedEncoding; bytesReadAsWindows1252: number } {
  const decoder = createChunkDecoder(detectEncoding(bytes, { whole: true }));
  const text = decoder.decode(bytes) + decoder.end();
  return { text, encoding: decoder.encoding, bytesReadAsWindows1252: decoder.bytesReadAsWindows1252 };
}

export interface TextStream {
  /** The decision so far; final once `chunks` is consumed (see the header comment). */
  readonly encoding: DetectedEncoding;
  readonly bytesReadAsWindows1252: number;
  /** See `ChunkDecoder.multibyte`. */
  readonly multibyte: boolean;
  /** Why the file is not read (binary, UTF-16), see `unreadableReason`; `chunks` then yields nothing. */
  readonly unreadable: string | undefined;
  /** Physical lines (1-based, each once, ascending) that held a NUL byte the decoder removed; known once `chunks` is consumed. */
  readonly nulLines: readonly number[];
  /** The decoded text, BOM stripped, in chunks of about `chunkBytes`. Iterate once. */
  readonly chunks: AsyncIterable<string>;
}

/**
 * Bytes `start` (inclusive) to `end` (exclusive) of a file. While the range is read, `read` is
 * the offset up to which bytes are read or being read, and `end` may still be moved (never below
 * `read`): each read stops at the end it finds when it starts.
 */
export interface ByteRange {
  start: number;
  end: number;
  read?: number;
}

/**
 * Opens a file for streaming decoded text, in chunks of `chunkBytes` (64 KiB by default) from
 * reads of `readBytes` (1 MiB by default; both for tests); memory stays at two reads. The file
 * is closed when iteration ends or stops early.
 * With `range`, only those bytes are read, decoded as the encoding detected from the file's
 * start (a range after the start has no BOM to skip); `range.start` must begin a character.
 */
export async function openTextStream(path: string, opts: { chunkBytes?: number; readBytes?: number; range?: ByteRange } = {}): Promise<TextStream> {
  const start = opts.range?.start ?? 0;
  const handle = await open(path, 'r');
  const sample = await readSample(handle);
  const unreadable = unreadableReason(sample);
  if (unreadable) await handle.close();
  // A sample shorter than asked for is the whole file.
  const decoder = createChunkDecoder(detectEncoding(sample, { whole: sample.length < SAMPLE_BYTES }), { fromStart: start === 0 });
  const reading: ChunkReading = {
    handle,
    decoder,
    range: opts.range,
    start,
    chunkBytes: opts.chunkBytes ?? DEFAULT_CHUNK_BYTES,
    readBytes: opts.readBytes ?? DEFAULT_READ_BYTES,
    nulOffsets: [],
    nulLines: [],
  };
  return {
    get encoding() {
      return decoder.encoding;
    },
    get bytesReadAsWindows1252() {
      return decoder.bytesReadAsWindows1252;
    },
    get multibyte() {
      return decoder.multibyte;
    },
    unreadable,
    get nulLines() {
      return reading.nulLines;
    },
    chunks: unreadable ? emptyChunks() : decodedChunks(reading),
  };
}

/** The file's first SAMPLE_BYTES (fewer for a smaller file); the file is closed when the read fails. */
async function readSample(handle: FileHandle): Promise<Uint8Array> {
  try {
    const buffer = Buffer.alloc(SAMPLE_BYTES);
    const { bytesRead } = await handle.read(buffer, 0, SAMPLE_BYTES, 0);
    return buffer.subarray(0, bytesRead);
  } catch (error) {
    await handle.close();
    throw error;
  }
}

/** One file being read as text: where and how, and the NUL bytes found on the way. */
interface ChunkReading {
  readonly handle: FileHandle;
  readonly decoder: ChunkDecoder;
  readonly range: ByteRange | undefined;
  readonly start: number;
  readonly chunkBytes: number;
  readonly readBytes: number;
  /** File offsets of the NUL bytes read. */
  readonly nulOffsets: number[];
  /** Their physical lines, set once the file is read. */
  nulLines: number[];
}

/** The chunks of a file that is not read: none. */
async function* emptyChunks(): AsyncGenerator<string> {}

/** The decoded text of `reading`'s bytes, chunk by chunk; closes the file when done or stopped early. */
async function* decodedChunks(reading: ChunkReading): AsyncGenerator<string> {
  const { handle, decoder, range, chunkBytes, readBytes, nulOffsets } = reading;
  let pending: { buffer: Buffer; bytes: Promise<number> } | undefined;
  try {
    // Two buffers: the next read is under way while the text of the one before is parsed.
    // (Only the bytes a read fills are decoded: the buffers need no zeroing.)
    const buffers = [Buffer.allocUnsafe(readBytes), Buffer.allocUnsafe(readBytes)];
    let turn = 0;
    let position = reading.start;
    const readNext = (): { buffer: Buffer; bytes: Promise<number> } | undefined => {
      const want = Math.min(readBytes, (range?.end ?? Infinity) - position);
      if (want <= 0) return undefined;
      if (range) range.read = position + want; // claimed before the read, so a move of `end` can check it
      const buffer = buffers[(turn ^= 1)]!;
      return { buffer, bytes: handle.read(buffer, 0, want, position).then((result) => result.bytesRead) };
    };
    pending = readNext();
    while (pending) {
      const { buffer, bytes } = pending;
      const bytesRead = await bytes;
      pending = undefined;
      if (bytesRead === 0) break;
      const filled = buffer.subarray(0, bytesRead);
      for (let at = filled.indexOf(0); at !== -1; at = filled.indexOf(0, at + 1)) nulOffsets.push(position + at);
      position += bytesRead;
      pending = readNext();
      for (let at = 0; at < bytesRead; at += chunkBytes) {
        const text = decoder.decode(buffer.subarray(at, Math.min(at + chunkBytes, bytesRead)));
        if (text) yield text;
      }
    }
    const rest = decoder.end();
    if (nulOffsets.length > 0) reading.nulLines = await linesOfOffsets(handle, nulOffsets);
    if (rest) yield rest;
  } finally {
    // A read still under way (the reader stopped early) ends before the file is closed.
    await pending?.bytes.catch(() => 0);
    await handle.close();
  }
}

/** The physical line of each byte offset (ascending), each line once: LF bytes before it + 1. Rare path. */
async function linesOfOffsets(handle: FileHandle, offsets: readonly number[]): Promise<number[]> {
  const lines: number[] = [];
  const block = Buffer.allocUnsafe(DEFAULT_READ_BYTES);
  let newlines = 0;
  let position = 0;
  let next = 0;
  while (next < offsets.length) {
    const { bytesRead } = await handle.read(block, 0, block.length, position);
    if (bytesRead === 0) break;
    for (let i = 0; i < bytesRead && next < offsets.length; i++) {
      while (next < offsets.length && offsets[next] === position + i) {
        const line = newlines + 1;
        if (lines[lines.length - 1] !== line) lines.push(line);
        next++;
      }
      if (block[i] === 0x0a) newlines++;
    }
    position += bytesRead;
  }
  return lines;
}
