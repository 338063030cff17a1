// Cutting a CSV file in two at a record boundary: reading the two parts gives exactly the rows
// and physical lines of reading the file whole, and files the scan cannot follow are not cut.
import { afterAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { readCsv, type CsvPart, type CsvRow } from '../../src/ingest/read-csv.ts';
import { planCsvSplit } from '../../src/ingest/split-csv.ts';
import { tempFolders } from '../pipeline/folder.ts';

const temp = tempFolders('split-csv');
afterAll(() => temp.cleanup());
const file = (content: string | Uint8Array) => join(temp.folder({ 'f.csv': content }), 'f.csv');

const rowsOf = async (path: string, part?: CsvPart) => {
  const rows: CsvRow[] = [];
  let header: string[] = [];
  const result = await readCsv(path, (row) => rows.push(row), { part, onHeader: (h) => (header = h) });
  return { header, rows: rows.map((r) => ({ fields: r.fields, line: r.line, problem: r.problem?.message })), fatal: result.fatal };
};

/** Every cut the planner offers for this file reads as the whole file. */
async function expectEveryCutToReadAsWhole(path: string, size: number): Promise<number> {
  const whole = await rowsOf(path);
  let cuts = 0;
  for (let at = 1; at < size; at++) {
    const split = await planCsvSplit(path, at);
    if (!split) continue;
    cuts++;
    expect(split.first.range.end).toBeGreaterThanOrEqual(at);
    const first = await rowsOf(path, split.first);
    const second = await rowsOf(path, split.second);
    expect(second.header, `cut at ${at}`).toEqual(whole.header);
    expect([...first.rows, ...second.rows], `cut at ${at}`).toEqual(whole.rows);
  }
  return cuts;
}

describe('planCsvSplit', () => {
  it('cuts after the first record that ends at or after the byte asked for, and counts its lines', async () => {
    // Bytes: header 0–8 ("id,name\n"), "1,a\n" 8–11, "2,\"b\nc\"\n" 12–19 (two physical lines), "3,d\n" 20–23.
    const path = file('id,name\n1,a\n2,"b\nc"\n3,d\n');
    expect(await planCsvSplit(path, 9)).toEqual({
      first: { range: { start: 0, end: 12 } },
      second: { range: { start: 12, end: 24 }, headerText: 'id,name\n', firstLine: 3 },
    });
    // Inside the quoted field: the cut is after the record, and the next record is on line 5.
    expect((await planCsvSplit(path, 14))?.second).toEqual({ range: { start: 20, end: 24 }, headerText: 'id,name\n', firstLine: 5 });
    // Nothing after the last record, or a cut inside the header: no split / the first record boundary after it.
    expect(await planCsvSplit(path, 21)).toBeUndefined();
    expect((await planCsvSplit(path, 2))?.first.range.end).toBe(12);
  });

  it('reads as the whole file at every cut: quoted line breaks, "" escapes, CRLF, a BOM and blank lines before the header', async () => {
    const lines = ['', 'id;"na;me";note', '1;"a""b";x', '2;"multi', 'line";y', '', '3;;"z"', '4;plain;"q""', '""', 'r"', '5;åäö;€', ''];
    const text = '\uFEFF' + lines.join('\r\n');
    const bytes = Buffer.from(text, 'utf8');
    const cuts = await expectEveryCutToReadAsWhole(file(bytes), bytes.length);
    expect(cuts).toBeGreaterThan(bytes.length / 2);
  });

  it('reads as the whole file at every cut of an LF file with malformed rows further on', async () => {
    const text = 'id,name,n\n1,a,1\n2,b\n3,"c",3\n4,d,4,extra\n5,e,5\n';
    const cuts = await expectEveryCutToReadAsWhole(file(text), text.length);
    expect(cuts).toBeGreaterThan(0);
  });

  it('offers no cut where the parser would read the bytes differently', async () => {
    const at = 12;
    // Text after a closing quote before the cut.
    expect(await planCsvSplit(file('id,name\n1,"a"b\n2,c\n3,d\n'), at)).toBeUndefined();
    // Line breaks: old Mac `\r`, a stray `\r` in an LF file, a bare `\n` in a CRLF file.
    expect(await planCsvSplit(file('id,name\r1,a\r2,b\r3,c\r'), at)).toBeUndefined();
    expect(await planCsvSplit(file('id,name\n1,a\r\n2,b\n3,c\n'), at)).toBeUndefined();
    expect(await planCsvSplit(file('id,name\r\n1,a\n2,b\r\n3,c\r\n'), at)).toBeUndefined();
    // Not UTF-8: read whole, so the Windows-1252 reading stays one decision.
    expect(await planCsvSplit(file(Buffer.from([...Buffer.from('id,name\n1,'), 0xe5, ...Buffer.from('\n2,b\n3,c\n')])), at)).toBeUndefined();
    // No header in the file's first bytes, or an empty file.
    expect(await planCsvSplit(file('\n\n\n'), 1)).toBeUndefined();
    expect(await planCsvSplit(file(''), 0)).toBeUndefined();
  });
});
