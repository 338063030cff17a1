import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { mkdtempSync, rmSync, writeFileSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { decodeBytes } from '../../src/ingest/decode.ts';
import { CUT_LAST_ROW, MAX_RECORD_CHARS, chooseDelimiter, createCsvParser, readCsv, readCsvText } from '../../src/ingest/read-csv.ts';
import type { CsvRow } from '../../src/ingest/read-csv.ts';

const fixture = (name: string): string => fileURLToPath(new URL(`../fixtures/ingest/${name}`, import.meta.url));

function collectText(text: string) {
  const rows: CsvRow[] = [];
  const summary = readCsvText(text, (row) => rows.push(row));
  return { rows, summary };
}

async function collectFile(path: string, chunkBytes?: number) {
  const rows: CsvRow[] = [];
  const result = await readCsv(path, (row) => rows.push(row), chunkBytes === undefined ? {} : { chunkBytes });
  return { rows, result };
}

/** Feeds `pieces` one by one to a fresh parser. */
function collectPieces(pieces: string[]) {
  const rows: CsvRow[] = [];
  const parser = createCsvParser((row) => rows.push(row));
  for (const piece of pieces) parser.push(piece);
  return { rows, summary: parser.end() };
}

let dir = '';
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'tavla-read-csv-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('chooseDelimiter', () => {
  it('takes the delimiter that splits the header into the most fields', () => {
    expect(chooseDelimiter('id;name;amount')).toBe(';');
    expect(chooseDelimiter('id,name,amount')).toBe(',');
    expect(chooseDelimiter('id\tname\tamount')).toBe('\t');
    expect(chooseDelimiter('id;Amount, SEK;Belopp, kr;x')).toBe(';'); // 3 `;` beat 2 `,`
  });

  it('ignores delimiters inside quotes', () => {
    expect(chooseDelimiter('"a;b;c",d,e')).toBe(','); // `;` only inside the quoted name
  });

  it('breaks ties towards tab, then `;`', () => {
    expect(chooseDelimiter('Amount, SEK;id')).toBe(';');
    expect(chooseDelimiter('a,b\tc')).toBe('\t');
  });

  it("answers 'none' for a one-column header", () => {
    expect(chooseDelimiter('amount')).toBe('none');
  });
});

describe('readCsv on the dialect fixtures', () => {
  it('UTF-8 with BOM, `;`, CRLF, "" escapes and a multi-line field', async () => {
    const { rows, result } = await collectFile(fixture('utf8-bom-semicolon-crlf.csv'));
    expect(result).toMatchObject({ header: ['id', 'name', 'amount', 'note'], headerLine: 1, delimiter: ';' });
    expect(result.encoding).toBe('utf-8-bom');
    expect(result.problemCount).toBe(0);
    expect(rows).toEqual([
      { line: 2, fields: ['D1', 'Åsa Ärlig Öberg', '1 234 567,50', 'Sa "ja"; skickar avtal'] },
      // D2's note spans lines 3-5, so D3 is on line 6.
      { line: 3, fields: ['D2', 'Søren Æbelø', '12,5', 'rad ett\r\nrad två\r\nrad tre'] },
      { line: 6, fields: ['D3', 'Kalle', '€ 99', 'slut'] },
    ]);
  });

  it('UTF-8 without BOM, `,`, LF, quoted comma and embedded newline', async () => {
    const { rows, result } = await collectFile(fixture('utf8-comma-lf.csv'));
    expect(result).toMatchObject({ delimiter: ',', encoding: 'utf-8', rowsRead: 3 });
    expect(rows).toEqual([
      { line: 2, fields: ['D1', 'Berg, Nils', '1234567.50', 'ok'] },
      { line: 3, fields: ['D2', 'Zoë', '1,234,567.50', 'first\nsecond'] },
      { line: 5, fields: ['D3', 'Ola', '7', ''] },
    ]);
  });

  it('tab delimited, last line without a line break (rejected: it may be cut off)', async () => {
    const { rows, result } = await collectFile(fixture('utf8-tab.csv'));
    expect(result.header).toEqual(['id', 'name', 'close date']);
    expect(result.delimiter).toBe('\t');
    expect(rows).toEqual([
      { line: 2, fields: ['D1', 'Åke', '2026-11-23'] },
      // The file ends without a line break: its last row may be cut off, and is not read short.
      { line: 3, fields: ['D2', 'Örjan', '23.11.2026'], problem: { code: 'MalformedRow', line: 3, message: CUT_LAST_ROW } },
    ]);
  });

  it('Windows-1252 bytes (å ä ö æ ø €)', async () => {
    const { rows, result } = await collectFile(fixture('windows-1252-semicolon.csv'));
    expect(result.encoding).toBe('windows-1252');
    expect(result.header).toEqual(['id', 'namn', 'belopp', 'kommentar']);
    expect(rows).toEqual([
      { line: 2, fields: ['1', 'Åsa Ärlig Öberg', '€ 1 234,50', '“bra”'] },
      { line: 3, fields: ['2', 'Søren Æbelø', 'kr 12,5', 'å ä ö æ ø'] },
    ]);
  });

  it('skips blank, whitespace-only and delimiter-only lines but counts them', async () => {
    // line 1 blank, 2 header, 3 blank, 4-5 D1, 6 spaces, 7 ",,", 8 D2, 9 blank
    const { rows, result } = await collectFile(fixture('blank-lines.csv'));
    expect(result).toMatchObject({ header: ['id', 'name'], headerLine: 2, rowsRead: 2, problemCount: 0 });
    expect(rows).toEqual([
      { line: 4, fields: ['D1', 'two\nlines'] },
      { line: 8, fields: ['D2', 'after'] },
    ]);
  });

  it('a file cut off inside a quoted field: TruncatedFile naming the line the quote opened on', async () => {
    const { rows, result } = await collectFile(fixture('unterminated-quote.csv'));
    expect(result.fatal).toEqual([{ code: 'TruncatedFile', line: 3, message: 'file ends inside a quoted field opened on line 3' }]);
    expect(result.problems).toEqual([]);
    // the cut-off record is not passed on
    expect(rows).toEqual([{ line: 2, fields: ['D1', 'Anna', 'ok'] }]);
    expect(result.rowsRead).toBe(1);
  });

  it.each(['empty.csv', 'bom-only.csv', 'whitespace-only.csv'])('%s: empty header, no rows', async (name) => {
    const { rows, result } = await collectFile(fixture(name));
    expect(rows).toEqual([]);
    expect(result).toMatchObject({ header: [], headerLine: 0, rowsRead: 0, problemCount: 0, delimiter: 'none', fatal: [] });
  });

  it.each(['header-only.csv', 'header-only-no-newline.csv'])('%s: header, no rows', async (name) => {
    const { rows, result } = await collectFile(fixture(name));
    expect(rows).toEqual([]);
    expect(result).toMatchObject({ header: ['id', 'name', 'amount'], headerLine: 1, rowsRead: 0, delimiter: ';' });
  });

  it('a one-column file keeps decimal commas in one field', async () => {
    const { rows, result } = await collectFile(fixture('one-column-decimal-comma.csv'));
    expect(result.delimiter).toBe('none');
    expect(rows).toEqual([
      { line: 2, fields: ['1,5'] },
      { line: 3, fields: ['2,25'] },
    ]);
  });

  it('a missing file throws, named by fileLabel', async () => {
    await expect(readCsv(join(dir, 'nope.csv'), () => {}, { fileLabel: 'deals.csv' })).rejects.toThrow(/^cannot read deals\.csv: ENOENT/);
  });

  it('a binary file is unreadable', async () => {
    const path = join(dir, 'deals.xlsx.csv');
    writeFileSync(path, Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00]));
    const { rows, result } = await collectFile(path);
    expect(rows).toEqual([]);
    expect(result.fatal).toEqual([
      { code: 'UnreadableFile', line: 0, message: 'not a CSV text file (an Excel workbook or ZIP archive; save the sheet as CSV or unpack the archive)' },
    ]);
    expect(result.header).toEqual([]);
  });

  it('gives the same result in 1..7-byte chunks as decoding the whole file', async () => {
    const names = [
      'utf8-bom-semicolon-crlf.csv',
      'utf8-comma-lf.csv',
      'utf8-tab.csv',
      'windows-1252-semicolon.csv',
      'blank-lines.csv',
      'unterminated-quote.csv',
    ];
    for (const name of names) {
      const expected = collectText(decodeBytes(readFileSync(fixture(name))).text);
      for (const chunkBytes of [1, 2, 3, 4, 7]) {
        const { rows, result } = await collectFile(fixture(name), chunkBytes);
        expect(rows, `${name} / ${chunkBytes}`).toEqual(expected.rows);
        expect(result.problems).toEqual(expected.summary.problems);
        expect(result.fatal).toEqual(expected.summary.fatal);
        expect(result.header).toEqual(expected.summary.header);
      }
    }
  });
});

describe('readCsvText', () => {
  it('reads CRLF rows with LF inside quoted cells (Excel) with editor line numbers', () => {
    const { rows } = collectText('id,note\r\n1,"a\nb\nc"\r\n2,x\r\n');
    expect(rows.map((r) => r.line)).toEqual([2, 5]);
  });

  it('reads old Mac `\\r` line breaks', () => {
    const { rows, summary } = collectText('id;n\r1;"a\rb"\r2;c\r');
    expect(summary.header).toEqual(['id', 'n']);
    expect(rows).toEqual([
      { line: 2, fields: ['1', 'a\rb'] },
      { line: 4, fields: ['2', 'c'] },
    ]);
  });

  it('names the quote line when the unclosed quote is not on the record’s first line', () => {
    // Record 2 starts on line 2; its 2nd field spans lines 2-3; the 3rd field's quote opens on line 3.
    const { rows, summary } = collectText('a,b,c\n1,"x\ny","open\nrest\n');
    expect(rows).toEqual([]);
    expect(summary.fatal).toEqual([{ code: 'TruncatedFile', line: 3, message: 'file ends inside a quoted field opened on line 3' }]);
  });

  it('reports rows with too few or too many fields and still passes them on', () => {
    // line 3: a decimal comma in an unquoted cell of a comma file -> one field too many
    const { rows, summary } = collectText('id,amount\n1\n2,1 234,50\n3,5\n');
    expect(summary.rowsRead).toBe(3);
    expect(summary.problems).toEqual([
      { code: 'MalformedRow', line: 2, message: 'expected 2 fields as in the header, got 1' },
      { code: 'MalformedRow', line: 3, message: 'expected 2 fields as in the header, got 3' },
    ]);
    expect(rows[1]).toMatchObject({ line: 3, fields: ['2', '1 234', '50'], problem: { code: 'MalformedRow' } });
    expect(rows[2]).toEqual({ line: 4, fields: ['3', '5'] });
  });

  it('recovers the rows a stray quote swallowed, rejecting the line where it opened', () => {
    // papaparse reads `"Ann"a` on until the next quote that looks closing: `"Bo"` on line 3.
    // Line 3 has the header's shape, so it is a row: line 2 is rejected, line 3 read on its own.
    const { rows, summary } = collectText('id,name\n1,"Ann"a\n2,"Bo"\n3,x\n');
    const problem = {
      code: 'MalformedRow',
      line: 2,
      message: 'a stray quote (column 3 of the line) runs on over the next 1 line(s); this line is left out, the 1 after it are read on their own',
    };
    expect(summary.problems).toEqual([problem]);
    expect(summary.rowsRead).toBe(3);
    expect(rows).toEqual([
      { line: 2, fields: ['1,"Ann"a'], problem },
      { line: 3, fields: ['2', 'Bo'] },
      { line: 4, fields: ['3', 'x'] },
    ]);
    // With no later quote it runs to the end of the file: the rows are recovered all the same.
    expect(collectText('id,name\n1,"Ann"a\n2,Bo\n3,Cy\n').rows.map((r) => [r.line, r.fields, r.problem?.line])).toEqual([
      [2, ['1,"Ann"a'], 2],
      [3, ['2', 'Bo'], undefined],
      [4, ['3', 'Cy'], undefined],
    ]);
  });

  it('keeps text after a closing quote as one bad record when the lines it runs over are not rows', () => {
    const { rows, summary } = collectText('id,name\n1,"Ann"a\nnote line\nend"\n3,x\n');
    const problem = { code: 'MalformedRow', line: 2, message: 'a quoted field has text after its closing quote; the record runs on to line 4' };
    expect(summary.problems).toEqual([problem]);
    expect(rows).toEqual([
      { line: 2, fields: ['1', 'Ann"a\nnote line\nend'], problem },
      { line: 5, fields: ['3', 'x'] },
    ]);
    expect(collectText('id,name\n1,"Ann"a,b\n').summary.problems[0]?.message).toBe('a quoted field has text after its closing quote');
  });

  it('rejects the last row of a text cut inside it, never reading it short', () => {
    // Cut after `2026-06-1` (of 2026-06-15) and after `4` (of 45): no line break follows.
    for (const text of ['id,date\n1,2026-06-10\n2,2026-06-1', 'id,minutes\n1,30\n2,4']) {
      const { rows, summary } = collectText(text);
      expect(summary.rowsRead).toBe(2);
      expect(rows[0]?.problem).toBeUndefined();
      expect(rows[1]?.problem).toEqual({ code: 'MalformedRow', line: 3, message: CUT_LAST_ROW });
    }
    // The same text with its line break is whole.
    expect(collectText('id,minutes\n1,30\n2,45\n').summary.problemCount).toBe(0);
    // A header without a line break is no row to reject.
    expect(collectText('id,minutes').summary).toMatchObject({ rowsRead: 0, problemCount: 0 });
  });

  it('finds the 68 rows behind one stray quote in a long export', () => {
    const good = (n: number): string => `D${n},Deal ${n},A1,u1,proposal,${n * 100},2026-10-01,2026-12-15`;
    const lines = ['id,name,account_id,owner,stage,amount,created_date,close_date'];
    for (let n = 1; n <= 100; n++) lines.push(n === 30 ? 'D30,"Acme "big" deal,A1,u1,proposal,3000,2026-10-01,2026-12-15' : good(n));
    // The next quote that looks closing is on line 100 (row 99): rows 31-98 were swallowed.
    lines[99] = 'D99,"Bolaget AB",A1,u1,proposal,9900,2026-10-01,2026-12-15';
    const { rows, summary } = collectText(`${lines.join('\n')}\n`);
    expect(summary.rowsRead).toBe(100);
    expect(summary.problems.map((p) => p.line)).toEqual([31]);
    expect(rows.filter((r) => !r.problem)).toHaveLength(99);
  });

  it('strips a BOM given in text', () => {
    expect(collectText('\uFEFFid;x\n1;2\n').summary.header).toEqual(['id', 'x']);
  });

  it.each([
    // CRLF breaks, a "" escape, a multi-line field, blank lines, a delimiter-only line, no final break.
    ['\r\nid;name;note\r\n1;"A ""x""";"l1\r\nl2"\r\n\r\n2;Bö;\r\n;;\r\n3;"q";z', [3, 6, 8]],
    // a stray quote (line 2 rejected, line 3 recovered), a short row, then a quote left open at
    // the end (line 5: TruncatedFile, not passed on)
    ['id,n\n1,"a"b\n2,"c"\n3\n4,"open\nx', [2, 3, 4]],
  ] as const)('gives the same result for every split into two pieces, and for 1-char pieces: %j', (text, lines) => {
    const expected = collectText(text);
    expect(expected.rows.map((r) => r.line)).toEqual(lines);
    for (let cut = 0; cut <= text.length; cut++) {
      const split = collectPieces([text.slice(0, cut), text.slice(cut)]);
      expect(split.rows, `cut at ${cut}`).toEqual(expected.rows);
      expect(split.summary).toEqual(expected.summary);
    }
    expect(collectPieces([...text])).toEqual(expected);
  });

  it('stops with a problem instead of buffering the rest of a file after a quote that never closes', () => {
    const parser = createCsvParser(() => {});
    parser.push('id,note\n1,ok\n2,"never closed\n');
    const line = 'x,y,z\n'.repeat(10_000);
    let pushes = 0;
    while (!parser.stopped && pushes < 2 * (MAX_RECORD_CHARS / line.length) + 10) {
      parser.push(line);
      pushes++;
    }
    const summary = parser.end();
    expect(summary.stopped).toBe(true);
    expect(summary.fatal).toEqual([
      {
        code: 'TruncatedFile',
        line: 3,
        message: `quoted field opened on line 3 is not closed within ${MAX_RECORD_CHARS} characters; stopped reading the file`,
      },
    ]);
  });
  it('stops at a record longer than MAX_RECORD_CHARS even without quotes (no line break at all)', () => {
    const parser = createCsvParser(() => {});
    parser.push('id,note\n1,ok\n');
    const piece = 'x'.repeat(64 * 1024);
    for (let i = 0; i < 2 * (MAX_RECORD_CHARS / piece.length) && !parser.stopped; i++) parser.push(piece);
    expect(parser.end().fatal).toEqual([
      {
        code: 'TruncatedFile',
        line: 3,
        message: `the record starting on line 3 is longer than ${MAX_RECORD_CHARS} characters; stopped reading the file`,
      },
    ]);
  });

  it('calls onHeader once, before the first row, and not at all for an empty file', () => {
    const calls: string[] = [];
    readCsvText('\nid;x\n1;2\n3;4\n', (row) => calls.push(`row ${row.line}`), {
      onHeader: (header, line) => calls.push(`header ${header.join('|')} ${line}`),
    });
    expect(calls).toEqual(['header id|x 2', 'row 3', 'row 4']);
    let called = false;
    readCsvText('\r\n', () => {}, { onHeader: () => (called = true) });
    expect(called).toBe(false);
  });

  it('offers each unquoted line after the header to onPlainLine: a line it takes is counted and not passed on', () => {
    const rows: string[] = [];
    const offered: string[] = [];
    const summary = readCsvText('id,x\ntake,1\n\nkeep,2\n"take",3\ntake,4', (row) => rows.push(`${row.line}:${row.fields.join('|')}`), {
      onHeader: (_header, _line, delimiter) => offered.push(`header ${delimiter}`),
      onPlainLine: (text, from, to, line) => {
        offered.push(`${line}:${text.slice(from, to)}`);
        return text.startsWith('take', from);
      },
    });
    // Line 3 is blank (left, then skipped); line 5 holds quotes (not offered); line 6 ends the text.
    expect(offered).toEqual(['header ,', '2:take,1', '3:', '4:keep,2', '6:take,4']);
    expect(rows).toEqual(['4:keep|2', '5:take|3']);
    expect(summary.rowsRead).toBe(4);
  });
});

describe('readCsv on a big file', () => {
  it('streams with correct lines and a multi-byte character across every 64 KiB chunk', async () => {
    // Every 7th record has a 3-line note; names contain "€" and "ö" so that many chunk
    // boundaries (64 KiB) fall inside a multi-byte character.
    const parts = ['id;name;note\n'];
    const expectedLines: number[] = [];
    let line = 2;
    for (let i = 0; i < 40_000; i++) {
      expectedLines.push(line);
      if (i % 7 === 0) {
        parts.push(`${i};Åsa €${i};"rad 1\nrad 2\nrad 3"\n`);
        line += 3;
      } else {
        parts.push(`${i};Örjan ${i};-\n`);
        line += 1;
      }
    }
    const path = join(dir, 'big.csv');
    writeFileSync(path, parts.join(''), 'utf8');
    const lines: number[] = [];
    let broken = 0;
    const result = await readCsv(path, (row) => {
      lines.push(row.line);
      if (!/^(Åsa €|Örjan )\d+$/.test(row.fields[1] ?? '')) broken++;
    });
    expect(result.rowsRead).toBe(40_000);
    expect(result.problemCount).toBe(0);
    expect(broken).toBe(0);
    expect(lines).toEqual(expectedLines);
  });
});
