// validateFile on tiny exports written to a temp folder: every row is accepted (with file and
// line) or rejected with exact, located issues; file-level problems come back in `fatal`.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { activitiesFile } from '../../src/schemas/activities.ts';
import { plainDeal } from '../support/plain-deal.ts';
import { dealsFile } from '../../src/schemas/deals.ts';
import { settingsSchema } from '../../src/settings/schema.ts';
import { expectedRows, joinParts, validateFile, type FileResult } from '../../src/validate/validate-file.ts';

const settings = settingsSchema.parse({});
const KNOWN_STAGES = 'qualification, meeting, proposal, negotiation, won, lost';
const DEALS_HEADER = 'id,name,account_id,owner,stage,amount,currency,created_date,close_date,channel';
// Columns:          1  2    3          4     5     6      7        8            9          10

let root = '';
let n = 0;
beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'tavla-validate-'));
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

/** A fresh data folder holding `files`. */
function folder(files: Record<string, string | Uint8Array>): string {
  const dir = join(root, `case-${++n}`);
  mkdirSync(dir);
  for (const [name, content] of Object.entries(files)) writeFileSync(join(dir, name), content);
  return dir;
}

function expectAccounted(result: FileResult<unknown>): void {
  expect(result.read).toBe(result.accepted + result.rejected);
  expect(result.accepted).toBe(result.records.length);
}

describe('validateFile(deals.csv), default settings', () => {
  // line → expected outcome
  //  2 D1   accepted ("1 234,50" = 1234.5)
  //  3 D2   BadNumber       amount (col 6)
  //  4 D3   BadDate         close_date (col 9), no 31 February
  //  5 D4   BadDate         close_date (col 9), month 23 under dmy: hint at dateOrder
  //  6 D5   UnknownStage    stage (col 5)
  //  7 D1   DuplicateId     id (col 1), first on line 2
  //  8 D7   MalformedRow    3 fields, not 10
  //  9 D8   MalformedRow    text after a closing quote
  // 10 D9   accepted: an empty account keeps the deal (a data-quality issue later)
  // 11 D10  accepted; its name spans lines 11-12, stage by label, owner empty (kept), "1.500,-"
  // 13      only delimiters: skipped, but counted as a line
  // 14 D11  MissingValue stage (#N/A) + BadNumber amount: one rejected row, two issues
  // 15 D12  accepted (so line numbers after the multi-line field stay physical)
  // Records start on lines 2-11, 14 and 15: read 12 = accepted 4 (lines 2, 10, 11, 15)
  // + rejected 8 (lines 3-9 and 14); issues 9 (line 14 has two).
  const csv = [
    DEALS_HEADER,
    'D1,Alpha,A1,u1,proposal,"1 234,50",SEK,2026-01-05,2026-03-31,new',
    'D2,Beta,A2,u2,won,"12,3,4",,2026-01-06,2026-02-01,',
    'D3,Gamma,A1,u1,lost,500,,2026-01-07,31/02/2026,',
    'D4,Delta,A1,u1,lost,500,,2026-01-07,11/23/2026,',
    'D5,Epsilon,A1,u1,Demo,500,,2026-01-07,2026-02-01,',
    'D1,Alpha again,A1,u1,won,700,,2026-01-07,2026-02-01,',
    'D7,Short,A1',
    'D8,"Gamma "AB" Ltd",A1,u1,won,500,,2026-01-07,2026-02-01,',
    'D9,Iota,,u1,won,500,,2026-01-07,2026-02-01,',
    'D10,"Two',
    'lines",A3,,Closed won,"1.500,-",,23.11.2026,2026-12-01 14:05,',
    ',,,,,,,,,',
    'D11,Kappa,A1,u1,#N/A,x,,2026-01-07,2026-02-01,',
    'D12,Mu,A4,u3,Needs analysis,0,,2026-01-08,2026-06-30,upsell',
    '',
  ].join('\n');

  let result: FileResult<unknown>;
  beforeAll(async () => {
    result = await validateFile(folder({ 'deals.csv': csv }), dealsFile, settings);
  });

  it('accounts for every row: read 12 = accepted 4 + rejected 8', () => {
    expect(result).toMatchObject({ file: 'deals.csv', present: true, read: 12, accepted: 4, rejected: 8, fatal: [] });
    expect(result).toMatchObject({ encoding: 'utf-8', delimiter: ',' });
    expect(result.issues).toHaveLength(9);
    expectAccounted(result);
  });

  it('accepted records carry file and physical line', () => {
    expect(result.records.map(plainDeal)).toEqual([
      {
        file: 'deals.csv',
        line: 2,
        id: 'D1',
        name: 'Alpha',
        accountId: 'A1',
        ownerId: 'u1',
        stageId: 'proposal',
        status: 'open',
        amount: 1234.5,
        amountOriginal: 1234.5,
        currency: 'SEK',
        created: '2026-01-05',
        close: '2026-03-31',
        channelGiven: 'new',
      },
      {
        file: 'deals.csv',
        line: 10,
        id: 'D9',
        name: 'Iota',
        accountId: '', // an empty account is a data-quality issue later, not a rejection
        ownerId: 'u1',
        stageId: 'won',
        status: 'won',
        amount: 500,
        amountOriginal: 500,
        currency: 'SEK',
        created: '2026-01-07',
        close: '2026-02-01',
      },
      {
        file: 'deals.csv',
        line: 11,
        id: 'D10',
        name: 'Two\nlines',
        accountId: 'A3',
        ownerId: '', // an empty owner is a data-quality issue later, not a rejection
        stageId: 'won',
        status: 'won',
        amount: 1500,
        amountOriginal: 1500,
        currency: 'SEK',
        created: '2026-11-23',
        close: '2026-12-01',
      },
      {
        file: 'deals.csv',
        line: 15,
        id: 'D12',
        name: 'Mu',
        accountId: 'A4',
        ownerId: 'u3',
        stageId: 'meeting',
        status: 'open',
        amount: 0,
        amountOriginal: 0,
        currency: 'SEK',
        created: '2026-01-08',
        close: '2026-06-30',
        channelGiven: 'upsell',
      },
    ]);
  });

  it('rejects each bad row with exact located issues', () => {
    expect(result.issues).toEqual([
      { code: 'BadNumber', file: 'deals.csv', line: 3, column: 6, field: 'amount', recordId: 'D2', message: 'expected a number, got "12,3,4"' },
      {
        code: 'BadDate',
        file: 'deals.csv',
        line: 4,
        column: 9,
        field: 'close_date',
        recordId: 'D3',
        message: 'expected a date (day/month/year), got "31/02/2026" (no such day)',
      },
      {
        code: 'BadDate',
        file: 'deals.csv',
        line: 5,
        column: 9,
        field: 'close_date',
        recordId: 'D4',
        message: 'expected a date (day/month/year), got "11/23/2026"; is the setting dateOrder ("dmy") right for this export?',
      },
      {
        code: 'UnknownStage',
        file: 'deals.csv',
        line: 6,
        column: 5,
        field: 'stage',
        recordId: 'D5',
        message: `unknown stage "Demo" (known: ${KNOWN_STAGES})`,
      },
      { code: 'DuplicateId', file: 'deals.csv', line: 7, column: 1, field: 'id', recordId: 'D1', message: 'id "D1" already used on line 2' },
      { code: 'MalformedRow', file: 'deals.csv', line: 8, message: 'expected 10 fields as in the header, got 3' },
      { code: 'MalformedRow', file: 'deals.csv', line: 9, message: 'a quoted field has text after its closing quote' },
      { code: 'MissingValue', file: 'deals.csv', line: 14, column: 5, field: 'stage', recordId: 'D11', message: 'required value is empty' },
      { code: 'BadNumber', file: 'deals.csv', line: 14, column: 6, field: 'amount', recordId: 'D11', message: 'expected a number, got "x"' },
    ]);
  });

  it('reads 11/23/2026 as 23 November when the settings say mdy', async () => {
    const mdy = settingsSchema.parse({ dateOrder: 'mdy' });
    const dir = folder({ 'deals.csv': `${DEALS_HEADER}\nD4,Delta,A1,u1,lost,500,,2026-01-07,11/23/2026,\n` });
    const r = await validateFile(dir, dealsFile, mdy);
    expect(r).toMatchObject({ read: 1, accepted: 1, rejected: 0, issues: [] });
    expect(r.records[0]).toMatchObject({ close: '2026-11-23', line: 2 });
  });

  it('matches headers by alias and spelling, in any order, with `;`, CRLF and a BOM', async () => {
    const text = '\uFEFFDeal ID;Close Date;Deal Stage;Value;Account;Owner;Created\r\nD1;2026-02-01;won;1 000;A1;u1;2026-01-01\r\n';
    const r = await validateFile(folder({ 'deals.csv': text }), dealsFile, settings);
    expect(r).toMatchObject({ read: 1, accepted: 1, rejected: 0, encoding: 'utf-8-bom', delimiter: ';' });
    expect(r.records[0]).toMatchObject({ id: 'D1', close: '2026-02-01', stageId: 'won', amount: 1000, accountId: 'A1', line: 2 });
  });
});

describe('validateFile(activities.csv), default settings', () => {
  // `;`-separated with CRM header spellings. Columns: id 1, type 2, date 3, owner 4,
  // account_id 5, deal_id 6, duration_minutes 7.
  const csv = [
    'Activity ID;Activity Type;Date;Assigned To;Account;Deal;Duration',
    'X1;call;2026-11-18;u1;A1;D1;15', //          2 accepted
    ';Meeting Held;18.11.2026;u2;;;', //           3 accepted, no id
    ';call;2026-11-19;u2;;;', //                   4 accepted: two empty ids are not duplicates
    'X4;lunch;2026-11-18;u1;;;', //                5 UnknownActivityType
    'X5;call;2026-11-18;;;;', //                   6 MissingValue owner
    'X1;email;2026-11-18;u1;;;', //                7 DuplicateId of line 2
    'X7;call;11/23/2026;u1;;;12,3,4', //           8 BadDate + BadNumber
    'X8;call;2026-11-18;u1', //                    9 MalformedRow (4 fields)
  ].join('\n');

  let result: FileResult<unknown>;
  beforeAll(async () => {
    result = await validateFile(folder({ 'activities.csv': csv }), activitiesFile, settings);
  });

  it('accounts for every row: read 8 = accepted 3 + rejected 5', () => {
    expect(result).toMatchObject({ file: 'activities.csv', present: true, read: 8, accepted: 3, rejected: 5, fatal: [], delimiter: ';' });
    expectAccounted(result);
  });

  it('accepted records carry file and line', () => {
    expect(result.records).toEqual([
      { file: 'activities.csv', line: 2, id: 'X1', type: 'call', date: '2026-11-18', ownerId: 'u1', accountId: 'A1', dealId: 'D1', durationMinutes: 15 },
      { file: 'activities.csv', line: 3, id: '', type: 'meeting_held', date: '2026-11-18', ownerId: 'u2' },
      { file: 'activities.csv', line: 4, id: '', type: 'call', date: '2026-11-19', ownerId: 'u2' },
    ]);
  });

  it('rejected rows give exact issues', () => {
    const file = 'activities.csv';
    expect(result.issues).toEqual([
      {
        code: 'UnknownActivityType',
        file,
        line: 5,
        column: 2,
        field: 'type',
        recordId: 'X4',
        message: 'unknown activity type "lunch" (known: call, email, meeting_booked, meeting_held, proposal, task, note)',
      },
      { code: 'MissingValue', file, line: 6, column: 4, field: 'owner', recordId: 'X5', message: 'required value is empty' },
      { code: 'DuplicateId', file, line: 7, column: 1, field: 'id', recordId: 'X1', message: 'id "X1" already used on line 2' },
      {
        code: 'BadDate',
        file,
        line: 8,
        column: 3,
        field: 'date',
        recordId: 'X7',
        message: 'expected a date (day/month/year), got "11/23/2026"; is the setting dateOrder ("dmy") right for this export?',
      },
      { code: 'BadNumber', file, line: 8, column: 7, field: 'duration_minutes', recordId: 'X7', message: 'expected a number, got "12,3,4"' },
      { code: 'MalformedRow', file, line: 9, message: 'expected 7 fields as in the header, got 4' },
    ]);
  });
});

describe('validateFile: file-level problems are fatal, returned not thrown', () => {
  const deals = (text: string | Uint8Array) => validateFile(folder({ 'deals.csv': text }), dealsFile, settings);
  const nothingRead = { records: [], read: 0, accepted: 0, rejected: 0, issues: [] };

  it('a missing required column names the closest header', async () => {
    const r = await deals('id,account_id,owner,stage,amount,created_date,Close Dte\nD1,A1,u1,won,1,2026-01-01,2026-01-02\n');
    expect(r).toMatchObject({ present: true, ...nothingRead });
    expect(r.fatal).toEqual([
      {
        code: 'MissingColumn',
        file: 'deals.csv',
        line: 1,
        field: 'close_date',
        message: 'required column "close_date" not found; closest header is "Close Dte"',
      },
    ]);
  });

  it('names every missing column at once, on the header line after blank lines', async () => {
    const r = await deals('\n\nid,name,owner,stage,created_date,close_date\n');
    expect(r.fatal.map((issue) => [issue.code, issue.line, issue.field])).toEqual([
      ['MissingColumn', 3, 'account_id'],
      ['MissingColumn', 3, 'amount'],
    ]);
    expect(r.fatal[0]?.message).toBe('required column "account_id" not found');
  });

  it('a missing optional file is not present and not fatal', async () => {
    const r = await validateFile(folder({}), activitiesFile, settings);
    expect(r).toEqual({ file: 'activities.csv', present: false, ...nothingRead, fatal: [], ms: 0 });
  });

  it('a missing deals.csv is fatal MissingFile', async () => {
    const dir = folder({ 'accounts.csv': 'id,name\n' });
    const r = await validateFile(dir, dealsFile, settings);
    expect(r).toMatchObject({ present: false, ...nothingRead });
    expect(r.fatal).toEqual([{ code: 'MissingFile', file: 'deals.csv', line: 0, message: `required file not found in the data folder (${dir})` }]);
  });

  it.each([
    ['zero bytes', ''],
    ['a BOM only', '\uFEFF'],
    ['blank lines only', '\r\n \r\n\t\n'],
  ])('an empty file (%s) is fatal EmptyFile', async (_, text) => {
    const r = await deals(text);
    expect(r).toMatchObject({ present: true, ...nothingRead });
    expect(r.fatal).toEqual([{ code: 'EmptyFile', file: 'deals.csv', line: 0, message: 'file is empty: no header line' }]);
  });

  it('a file ending inside a quote is fatal TruncatedFile naming the line where the quote opened', async () => {
    // Line 3's name opens a quote that never closes; lines 4-5 are swallowed by it.
    const text = `${DEALS_HEADER}\nD1,A,A1,u1,won,1,,2026-01-01,2026-01-02,\nD2,"Cut off,A1,u1,won,1,,2026-01-01\nmore\nand more`;
    const r = await deals(text);
    expect(r).toMatchObject({ present: true, ...nothingRead });
    expect(r.fatal).toEqual([{ code: 'TruncatedFile', file: 'deals.csv', line: 3, message: 'file ends inside a quoted field opened on line 3' }]);
  });

  it('PNG bytes are fatal UnreadableFile', async () => {
    const png = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52, 0, 0, 0, 1]);
    const r = await deals(png);
    expect(r).toMatchObject({ present: true, ...nothingRead });
    expect(r.fatal).toEqual([{ code: 'UnreadableFile', file: 'deals.csv', line: 0, message: 'not a CSV text file (a PNG image)' }]);
  });

  it('a text file with a NUL byte outside quotes is fatal UnreadableFile naming the line', async () => {
    const r = await deals(`${DEALS_HEADER}\nD1,A\u0000,A1,u1,won,1,,2026-01-01,2026-01-02,\n`);
    expect(r.fatal).toEqual([
      { code: 'UnreadableFile', file: 'deals.csv', line: 0, message: 'not a CSV text file (a NUL byte (0x00) outside quoted cells on line 2)' },
    ]);
  });

  it('a NUL inside a quoted cell is removed, the row read, and the line reported as NulInCell', async () => {
    const r = await deals(`${DEALS_HEADER}\nD1,"A\u0000",A1,u1,won,1,,2026-01-01,2026-01-02,\n`);
    expect(r.fatal).toEqual([]);
    expect([r.read, r.accepted]).toEqual([1, 1]);
    expect(r.cleaned).toEqual([{ code: 'NulInCell', file: 'deals.csv', line: 2, message: 'a NUL byte (0x00) was removed from a quoted cell on this line' }]);
  });

  it('a UTF-16 file is fatal UnreadableFile asking for UTF-8', async () => {
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(`${DEALS_HEADER}\n`, 'utf16le')]);
    const r = await deals(utf16);
    expect(r.fatal).toEqual([{ code: 'UnreadableFile', file: 'deals.csv', line: 0, message: 'not a CSV text file (UTF-16 encoded; export as CSV UTF-8)' }]);
  });

  // KNOWN BUG in src/ingest/read-csv.ts (outside this suite's files): the delimiter is taken
  // from the first non-blank line even when it holds only delimiters (`;;;` left by Excel), so
  // a comma file below it is split on `;` and every column is "missing". Flip to `it` when fixed.
  it.fails('a `;;;` line above a comma header does not decide the delimiter', async () => {
    const r = await deals(`;;;\n${DEALS_HEADER}\nD1,A,A1,u1,won,1,,2026-01-01,2026-01-02,\n`);
    expect(r).toMatchObject({ fatal: [], read: 1, accepted: 1, delimiter: ',' });
  });

  it('a header-only file is fine: 0 rows, no issues', async () => {
    const r = await deals(`${DEALS_HEADER}\n`);
    expect(r).toMatchObject({ present: true, ...nothingRead, fatal: [] });
  });
});

describe('expectedRows', () => {
  it('takes a row to be as long as the header line, at least 32 characters', () => {
    // "id,type,date,owner" + line break: 19 characters, so 32 are used: 3 200 / 32 = 100.
    expect(expectedRows(3200, ['id', 'type', 'date', 'owner'])).toBe(100);
    // 40 names of 9 characters + 40 separators: 400 per row; 1 000 bytes → 3 rows (rounded up).
    expect(
      expectedRows(
        1000,
        Array.from({ length: 40 }, () => 'column_xx'),
      ),
    ).toBe(3);
    expect(expectedRows(1e12, ['id'])).toBe(16_000_000);
  });
});

describe('joinParts', () => {
  const part = (over: Partial<FileResult<unknown>>): FileResult<unknown> => ({
    file: 'activities.csv',
    present: true,
    records: [],
    read: 0,
    accepted: 0,
    rejected: 0,
    issues: [],
    fatal: [],
    encoding: 'utf-8',
    delimiter: ',',
    ms: 0,
    ...over,
  });
  it('adds counts and times, keeps issues in order and names the whole file’s encoding', () => {
    const first = part({
      read: 3,
      accepted: 2,
      rejected: 1,
      ms: 5,
      issues: [{ file: 'activities.csv', line: 3, code: 'BadDate', message: 'm' }],
      decoding: { bytesReadAsWindows1252: 0, multibyte: false },
    });
    const second = part({ read: 4, accepted: 4, ms: 7, encoding: 'windows-1252', issues: [], decoding: { bytesReadAsWindows1252: 1, multibyte: false } });
    expect(joinParts(first, second)).toEqual({
      ...part({ read: 7, accepted: 6, rejected: 1, ms: 12, issues: first.issues }),
      encoding: 'windows-1252',
    });
    const fatal = [{ file: 'activities.csv', line: 1, code: 'MissingColumn', message: 'm' }];
    expect(joinParts(part({ fatal }), part({ fatal })).fatal).toEqual(fatal);
  });
});
