// Properties of the CSV reader and of file validation, checked with fast-check on random input:
// nothing throws, every row is accounted for, and any table written in a supported dialect
// reads back to exactly the same fields on the right physical lines.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createCsvParser, CUT_LAST_ROW, quotedFields, readCsv, readCsvText, type CsvRow } from '../../src/ingest/read-csv.ts';
import { dealsFile } from '../../src/schemas/deals.ts';
import { settingsSchema } from '../../src/settings/schema.ts';
import { validateFile } from '../../src/validate/validate-file.ts';

const settings = settingsSchema.parse({});
const DEALS_HEADER = 'id,name,account_id,owner,stage,amount,created_date,close_date';

let dir = '';
let dataDir = '';
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'tavla-property-'));
  dataDir = join(dir, 'data');
  mkdirSync(dataDir);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Writes `bytes` as the data folder's deals.csv and returns its path. */
function writeDeals(bytes: Uint8Array | string): string {
  const path = join(dataDir, 'deals.csv');
  writeFileSync(path, bytes);
  return path;
}

async function readFile(path: string, chunkBytes?: number) {
  const rows: CsvRow[] = [];
  const result = await readCsv(path, (row) => rows.push(row), chunkBytes === undefined ? {} : { chunkBytes });
  return { rows, result };
}

/** What must hold for any input: rows passed on are counted, in line order, and validation accounts for each. */
async function expectAccounted(bytes: Uint8Array | string, chunkBytes?: number): Promise<void> {
  const path = writeDeals(bytes);
  const { rows, result } = await readFile(path, chunkBytes);
  expect(rows).toHaveLength(result.rowsRead);
  expect(rows.filter((row) => row.problem).length).toBe(result.problemCount);
  for (let i = 1; i < rows.length; i++) expect(rows[i]!.line).toBeGreaterThan(rows[i - 1]!.line);
  if (rows.length > 0) expect(rows[0]!.line).toBeGreaterThan(result.headerLine);

  const validated = await validateFile(dataDir, dealsFile, settings);
  if (validated.fatal.length > 0) {
    expect(validated).toMatchObject({ read: 0, accepted: 0, rejected: 0, records: [] });
    for (const issue of validated.fatal) {
      expect(['MissingColumn', 'EmptyFile', 'TruncatedFile', 'UnreadableFile']).toContain(issue.code);
    }
  } else {
    expect(validated.read).toBe(validated.accepted + validated.rejected);
    expect(validated.read).toBe(result.rowsRead);
    expect(validated.records).toHaveLength(validated.accepted);
    // Every rejected row has at least one issue on its line.
    const issueLines = new Set(validated.issues.map((issue) => issue.line));
    expect(issueLines.size).toBe(validated.rejected);
  }
}

// ── Serialising tables in a dialect ─────────────────────────────────────────────────────

/** Characters that stress the reader: delimiters, quotes, line breaks, Nordic letters, €, emoji. */
const TRICKY = ['a', 'Z', '0', '7', ' ', ',', ';', '\t', '"', '\r', '\n', 'å', 'ä', 'ö', 'Å', 'Ø', 'æ', 'ø', 'é', '€', '“', '–', '\u00a0', '😀', '👍🏽', '#'];
/** The same without the characters Windows-1252 cannot hold (the emoji). */
const TRICKY_1252 = TRICKY.filter((c) => c.length === 1);

/** Header names: no delimiter, quote or line break (so the header decides the delimiter), never blank. */
const headerName = (units: string[]) =>
  fc.string({ unit: fc.constantFrom(...units.filter((c) => !',;\t"\r\n'.includes(c))), minLength: 1, maxLength: 8 }).filter((s) => s.trim() !== '');
const cellText = (units: string[]) => fc.string({ unit: fc.constantFrom(...units), maxLength: 12 });

interface Dialect {
  delimiter: ',' | ';' | '\t';
  newline: '\n' | '\r\n';
  quoteAll: boolean;
  encoding: 'utf-8' | 'utf-8-bom' | 'windows-1252';
  finalNewline: boolean;
}

const dialect: fc.Arbitrary<Dialect> = fc.record({
  delimiter: fc.constantFrom(',' as const, ';' as const, '\t' as const),
  newline: fc.constantFrom('\n' as const, '\r\n' as const),
  quoteAll: fc.boolean(),
  encoding: fc.constantFrom('utf-8' as const, 'utf-8-bom' as const, 'windows-1252' as const),
  finalNewline: fc.boolean(),
});

/** A header and rows of the same width, from `units`. */
const table = (units: string[]) =>
  fc.integer({ min: 1, max: 5 }).chain((width) =>
    fc.record({
      header: fc.array(headerName(units), { minLength: width, maxLength: width }),
      rows: fc.array(fc.array(cellText(units), { minLength: width, maxLength: width }), { maxLength: 8 }),
    }),
  );

/** A dialect and a table it can hold (Windows-1252 has no emoji). */
const tableInDialect = dialect.chain((d) => table(d.encoding === 'windows-1252' ? TRICKY_1252 : TRICKY).map((t) => ({ ...t, d })));

function quoteField(value: string, d: Dialect): string {
  const needsQuotes = d.quoteAll || value.includes(d.delimiter) || /["\r\n]/.test(value);
  return needsQuotes ? `"${value.replaceAll('"', '""')}"` : value;
}

/** The CSV text, and for each record the physical line it starts on (1 + line feeds before it). */
function serialise(records: string[][], d: Dialect): { text: string; lines: number[] } {
  let text = '';
  let lineFeeds = 0;
  const lines: number[] = [];
  records.forEach((fields, i) => {
    lines.push(1 + lineFeeds);
    const record = fields.map((field) => quoteField(field, d)).join(d.delimiter);
    const end = i < records.length - 1 || d.finalNewline ? d.newline : '';
    text += record + end;
    lineFeeds += (record + end).split('\n').length - 1;
  });
  return { text, lines };
}

/** Windows-1252 for 0x80-0x9F (own table, as decode.ts), Latin-1 for the rest. */
const CP1252: Record<string, number> = {
  '€': 0x80,
  '‚': 0x82,
  ƒ: 0x83,
  '„': 0x84,
  '…': 0x85,
  '†': 0x86,
  '‡': 0x87,
  ˆ: 0x88,
  '‰': 0x89,
  Š: 0x8a,
  '‹': 0x8b,
  Œ: 0x8c,
  Ž: 0x8e,
  '‘': 0x91,
  '’': 0x92,
  '“': 0x93,
  '”': 0x94,
  '•': 0x95,
  '–': 0x96,
  '—': 0x97,
  '˜': 0x98,
  '™': 0x99,
  š: 0x9a,
  '›': 0x9b,
  œ: 0x9c,
  ž: 0x9e,
  Ÿ: 0x9f,
};

/** Windows-1252 bytes of `text`, or undefined when a character has none. */
function encodeWindows1252(text: string): Uint8Array | undefined {
  const bytes: number[] = [];
  for (const c of text) {
    const code = c.codePointAt(0)!;
    if (code < 0x80 || (code >= 0xa0 && code <= 0xff)) bytes.push(code);
    else if (CP1252[c] !== undefined) bytes.push(CP1252[c]);
    else return undefined;
  }
  return Uint8Array.from(bytes);
}

function isValidUtf8(bytes: Uint8Array): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
}

/** Blank records (every field whitespace) are skipped by the reader, as documented. */
const isBlank = (fields: string[]): boolean => fields.every((field) => field.trim() === '');

// ── Properties ──────────────────────────────────────────────────────────────────────────

describe('(a) random bytes never throw; every row is accounted for', () => {
  const enc = new TextEncoder();
  // CSV-ish tokens as well as raw bytes, so rows reach the schema and not only MissingColumn.
  const TOKENS = [
    'D1',
    'D2',
    'A1',
    'u1',
    'won',
    'proposal',
    '1 000',
    '12,3,4',
    '2026-01-05',
    '31/02/2026',
    '"',
    '""',
    ',',
    ';',
    '\n',
    '\r\n',
    '\r',
    'ö',
    '€',
    '#N/A',
    ' ',
  ];
  const token = fc.oneof(
    { weight: 3, arbitrary: fc.constantFrom(...TOKENS).map((t) => enc.encode(t)) },
    { weight: 1, arbitrary: fc.integer({ min: 0, max: 255 }).map((b) => Uint8Array.of(b)) },
    { weight: 1, arbitrary: fc.integer({ min: 0x80, max: 0xff }).map((b) => Uint8Array.of(b)) },
  );
  const body = fc.array(token, { maxLength: 120 }).map((parts) => Buffer.concat(parts));
  const prefix = fc.constantFrom(new Uint8Array(), enc.encode(`${DEALS_HEADER}\n`), Uint8Array.of(0xef, 0xbb, 0xbf), Uint8Array.of(0xff, 0xfe));

  it('random CSV-ish bytes, with or without a deals header', async () => {
    await fc.assert(
      fc.asyncProperty(prefix, body, fc.integer({ min: 1, max: 64 }), async (head, rest, chunkBytes) => {
        await expectAccounted(Buffer.concat([head, rest]), chunkBytes);
      }),
      { numRuns: 150 },
    );
  });

  it('uniformly random bytes', async () => {
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 400 }), async (bytes) => {
        await expectAccounted(bytes);
      }),
      { numRuns: 60 },
    );
  });

  it('readCsvText on random strings never throws and counts its rows', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom(...TRICKY, '\uFEFF'), maxLength: 200 }), (text) => {
        const rows: CsvRow[] = [];
        const summary = readCsvText(text, (row) => rows.push(row));
        expect(rows).toHaveLength(summary.rowsRead);
      }),
      { numRuns: 200 },
    );
  });
});

describe('(b) any table in any supported dialect round-trips', () => {
  it('readCsvText and readCsv give back the same fields on the right lines', async () => {
    await fc.assert(
      fc.asyncProperty(tableInDialect, fc.integer({ min: 1, max: 50 }), async ({ header, rows, d }, chunkBytes) => {
        const { text, lines } = serialise([header, ...rows], d);
        const width = header.length;
        const expected: CsvRow[] = rows.map((fields, i) => ({ fields, line: lines[i + 1]! })).filter((row) => !isBlank(row.fields));
        const expectedDelimiter = width === 1 ? 'none' : d.delimiter;
        // A last row without a line break after it may be cut off: it comes with a problem.
        const last = rows.at(-1);
        const cut = !d.finalNewline && last !== undefined && !isBlank(last) && text.at(-1) !== '\n' && text.at(-1) !== '\r';
        if (cut) {
          const row = expected.at(-1)!;
          row.problem = { code: 'MalformedRow', line: row.line, message: CUT_LAST_ROW };
        }
        const problemCount = cut ? 1 : 0;

        // In memory (a BOM, when written, is the first character).
        const textRows: CsvRow[] = [];
        const summary = readCsvText((d.encoding === 'utf-8-bom' ? '\uFEFF' : '') + text, (row) => textRows.push(row));
        expect(summary).toMatchObject({ header, headerLine: 1, delimiter: expectedDelimiter, fatal: [], problemCount });
        expect(textRows).toEqual(expected);

        // From a file, in the encoding, read in small chunks.
        let bytes: Uint8Array;
        if (d.encoding === 'windows-1252') {
          const encoded = encodeWindows1252(text);
          expect(encoded).toBeDefined();
          // A Windows-1252 file that happens to be valid UTF-8 (`Ã¥`) is read as UTF-8 by design
          // (decode.ts), so it is no Windows-1252 round trip.
          fc.pre(!isValidUtf8(encoded!) || /^[\x00-\x7f]*$/.test(text));
          bytes = encoded!;
        } else {
          const utf8 = new TextEncoder().encode(text);
          bytes = d.encoding === 'utf-8-bom' ? Buffer.concat([Uint8Array.of(0xef, 0xbb, 0xbf), utf8]) : utf8;
        }
        const { rows: fileRows, result } = await readFile(writeDeals(bytes), chunkBytes);
        expect(result).toMatchObject({ header, headerLine: 1, delimiter: expectedDelimiter, fatal: [], problemCount, bytesReadAsWindows1252: 0 });
        const ascii = /^[\x00-\x7f]*$/.test(text);
        expect(result.encoding).toBe(d.encoding === 'windows-1252' && ascii ? 'utf-8' : d.encoding);
        expect(fileRows).toEqual(expected);
      }),
      { numRuns: 200 },
    );
  });
});

describe('(c) a valid file cut at any byte never throws', () => {
  // A valid deals file with quotes, a multi-line field, multi-byte characters and CRLF.
  const valid = Buffer.from(
    [
      `\uFEFF${DEALS_HEADER};`.replace(/,/g, ';').replace(/;$/, ''),
      'D1;"Åsa ""the closer"" Öberg";A1;u1;won;1 234 567,50;2026-01-05;2026-02-01',
      'D2;"Two\r\nlines; €";A2;u2;proposal;12,5;05.01.2026;2026-12-31 14:05',
      'D3;😀 Emoji AB;A1;;lost;"1.500,-";2026-01-05T10:00:00Z;01/02/2026',
      '',
    ].join('\r\n'),
    'utf8',
  );

  it('the uncut file is fully accepted (the property below starts from a good file)', async () => {
    writeDeals(valid);
    const r = await validateFile(dataDir, dealsFile, settings);
    expect(r).toMatchObject({ fatal: [], read: 3, accepted: 3, rejected: 0, encoding: 'utf-8-bom', delimiter: ';' });
    expect(r.records.map((record) => [record.line, record.id])).toEqual([
      [2, 'D1'],
      [3, 'D2'],
      [5, 'D3'],
    ]);
  });

  it('every prefix is either fatal or accounted for', async () => {
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 0, max: valid.length }), fc.integer({ min: 1, max: 32 }), async (cut, chunkBytes) => {
        await expectAccounted(valid.subarray(0, cut), chunkBytes);
      }),
      { numRuns: 100 },
    );
  });
});

describe('(d) a 100 000-character field', () => {
  it('round-trips in memory and from a file, whole or in chunks', async () => {
    await fc.assert(
      fc.asyncProperty(
        cellText(TRICKY).filter((s) => s.length > 0),
        fc.constantFrom(undefined, 997),
        async (fragment, chunkBytes) => {
          let big = fragment.repeat(Math.ceil(100_000 / fragment.length)).slice(0, 100_000);
          if (/[\uD800-\uDBFF]$/.test(big)) big = `${big.slice(0, -1)}x`; // don't cut an emoji in half
          expect(big).toHaveLength(100_000);
          const text = `id;note;after\r\n1;"${big.replaceAll('"', '""')}";x\r\n2;short;y\r\n`;
          const line3 = 2 + big.split('\n').length; // line feeds inside the field push the next record down

          const textRows: CsvRow[] = [];
          readCsvText(text, (row) => textRows.push(row));
          expect(textRows).toEqual([
            { fields: ['1', big, 'x'], line: 2 },
            { fields: ['2', 'short', 'y'], line: line3 },
          ]);

          const { rows, result } = await readFile(writeDeals(text), chunkBytes);
          expect(result).toMatchObject({ fatal: [], problemCount: 0, rowsRead: 2 });
          expect(rows).toEqual(textRows);
        },
      ),
      { numRuns: 10 },
    );
  });
});

describe('(e) empty and header-only files are accounted for', () => {
  it('nothing but a BOM, blank lines and whitespace: no header, fatal EmptyFile', async () => {
    const blank = fc.string({ unit: fc.constantFrom(' ', '\t', '\r', '\n', '\r\n', '\u00a0'), maxLength: 20 });
    await fc.assert(
      fc.asyncProperty(fc.boolean(), blank, async (bom, text) => {
        const path = writeDeals((bom ? '\uFEFF' : '') + text);
        const { rows, result } = await readFile(path);
        expect(rows).toEqual([]);
        expect(result).toMatchObject({ header: [], headerLine: 0, rowsRead: 0, fatal: [] });
        const validated = await validateFile(dataDir, dealsFile, settings);
        expect(validated.fatal.map((issue) => issue.code)).toEqual(['EmptyFile']);
      }),
      { numRuns: 100 },
    );
  });

  it('a header in any dialect with only blank lines after it: 0 rows, present, not fatal', async () => {
    const columns = DEALS_HEADER.split(',');
    await fc.assert(
      fc.asyncProperty(dialect, fc.integer({ min: 0, max: 3 }), fc.integer({ min: 0, max: 2 }), async (d, blankBefore, blankAfter) => {
        const header = serialise([columns], { ...d, finalNewline: true }).text;
        const text = d.newline.repeat(blankBefore) + header + d.newline.repeat(blankAfter);
        const bytes = d.encoding === 'utf-8-bom' ? `\uFEFF${text}` : text; // ASCII: the same bytes in all three
        const { rows, result } = await readFile(writeDeals(bytes));
        expect(rows).toEqual([]);
        expect(result).toMatchObject({ header: columns, headerLine: blankBefore + 1, delimiter: d.delimiter, rowsRead: 0, fatal: [] });
        const validated = await validateFile(dataDir, dealsFile, settings);
        expect(validated).toMatchObject({ present: true, read: 0, accepted: 0, rejected: 0, fatal: [], issues: [] });
      }),
      { numRuns: 100 },
    );
  });
});

describe('lines without quotes', () => {
  /** Rows and summary of `text` pushed in pieces cut at `cuts`, read with or without the plain-line reading. */
  function readInPieces(text: string, cuts: number[], plainLines: boolean) {
    const rows: CsvRow[] = [];
    const headers: [string[], number][] = [];
    const parser = createCsvParser((row) => rows.push(row), { plainLines, onHeader: (header, line) => headers.push([header, line]) });
    let at = 0;
    for (const cut of [...cuts].sort((a, b) => a - b)) {
      parser.push(text.slice(at, Math.max(at, cut)));
      at = Math.max(at, cut);
    }
    parser.push(text.slice(at));
    return { rows, headers, summary: parser.end() };
  }

  it('read as papaparse reads them: the same rows, lines, problems and header in any pieces', () => {
    // Mostly plain text (blank and delimiter-only lines, `\r` in fields, rows of other lengths),
    // now and then a quote, so reading switches between the two ways.
    const units = ['a', 'b', 'ö', '€', ' ', ',', ';', '\t', '\r', '\n', '\n', '\n', '#'];
    const text = fc
      .tuple(fc.string({ unit: fc.constantFrom(...units), maxLength: 200 }), fc.string({ unit: fc.constantFrom(...units, '"'), maxLength: 60 }))
      .map(([plain, mixed]) => plain + mixed);
    fc.assert(
      fc.property(fc.constantFrom('a,b,c\n', 'a;b\n', 'one\n', '\n\nx,y\n', ''), text, fc.array(fc.nat({ max: 280 }), { maxLength: 6 }), (head, body, cuts) => {
        const whole = head + body;
        expect(readInPieces(whole, cuts, true)).toEqual(readInPieces(whole, cuts, false));
      }),
      { numRuns: 400 },
    );
  });

  it('quoted fields read as papaparse reads them: plainly quoted, quotes doubled inside, and every other use of quotes', () => {
    const units = ['a', 'ö', ' ', ',', ';', '"', '\r', '\n', 'x'];
    const plain = fc.string({ unit: fc.constantFrom(...units.filter((c) => c !== '"' && c !== ',' && c !== '\n')), maxLength: 6 });
    // A field as a CSV writer would write it (quoted, quotes doubled) or as a careless one would.
    const field = fc.oneof(
      plain,
      fc.string({ unit: fc.constantFrom(...units), maxLength: 8 }).map((text) => `"${text.replaceAll('"', '""')}"`),
      fc.tuple(plain, plain).map(([a, b]) => `"${a}"${b}`), // text after the closing quote
      fc.tuple(plain, plain).map(([a, b]) => `${a}"${b}`), // a quote inside an unquoted field
      plain.map((a) => `"${a}`), // a quote left open
      plain.map((a) => ` "${a}"`), // a space before the opening quote
    );
    const line = fc.array(field, { minLength: 1, maxLength: 4 }).map((fields) => fields.join(','));
    const text = fc.array(line, { maxLength: 12 }).map((lines) => lines.join('\n'));
    fc.assert(
      fc.property(
        fc.constantFrom('a,b,c\n', 'a,b\n'),
        text,
        fc.boolean(),
        fc.array(fc.nat({ max: 120 }), { maxLength: 6 }),
        (head, body, newlineAtEnd, cuts) => {
          const whole = head + body + (newlineAtEnd ? '\n' : '');
          expect(readInPieces(whole, cuts, true)).toEqual(readInPieces(whole, cuts, false));
        },
      ),
      { numRuns: 1000 },
    );
  });
});

describe('quotedFields', () => {
  it('reads plainly quoted fields and leaves every other use of quotes (hand-worked)', () => {
    const read = (line: string) => quotedFields(`${line}\nnext`, 0, line.length, ',');
    expect(read('"a,b",c')).toEqual(['a,b', 'c']);
    expect(read('x,"say ""hi""",')).toEqual(['x', 'say "hi"', '']);
    expect(read('"",""""')).toEqual(['', '"']);
    expect(read('"a"b,c')).toBeUndefined(); // text after the closing quote
    expect(read('a"b,c')).toBeUndefined(); // a quote inside an unquoted field
    expect(read('a,"b')).toBeUndefined(); // open to the line's end
    expect(read('a, "b"')).toBeUndefined(); // a space before the opening quote
    expect(quotedFields('x;"a;b";y', 0, 9, ';')).toEqual(['x', 'a;b', 'y']);
  });
});
