/**
 * Acceptance: the demo export re-saved as Windows-1252, `;`, CRLF, decimal commas and
 * dd.mm.yyyy dates (scripts/resave-dialect.ts, run as the CLI) gives the same report — only
 * the files' detected encoding and delimiter and the read times differ.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { encodeWindows1252, formatNumber, resaveDialect } from '../../scripts/resave-dialect.ts';
import { decodeWindows1252 } from '../../src/ingest/decode.ts';
import { runPipeline } from '../../src/pipeline/run-pipeline.ts';
import type { Report } from '../../src/report/site-model.ts';
import { jsonDiffLines } from '../scenarios/json-diff.ts';

const ROOT = resolve(fileURLToPath(new URL('.', import.meta.url)), '../..');
const SCRIPT = join(ROOT, 'scripts/resave-dialect.ts');
const NOW = new Date('2026-11-20T12:00:00Z');

function cli(...args: string[]) {
  return spawnSync(process.execPath, [SCRIPT, ...args], { cwd: ROOT, encoding: 'utf8' });
}

/** The report without what legitimately differs between dialects: encoding, delimiter, read times. */
function comparable(report: Report): unknown {
  const files = report.files.map(({ encoding: _e, delimiter: _d, ms: _ms, ...rest }) => rest);
  return JSON.parse(JSON.stringify({ ...report, files }));
}

async function reportOf(dataDir: string): Promise<Report> {
  const result = await runPipeline({ dataDir, now: NOW, log: () => {} });
  if (!result.ok) throw new Error(`pipeline failed on ${dataDir}:\n${result.messages.join('\n')}`);
  return result.site.report;
}

const temp = mkdtempSync(join(tmpdir(), 'tavla-resave-'));
afterAll(() => rmSync(temp, { recursive: true, force: true }));

describe('the demo data re-saved in the Nordic spreadsheet dialect', () => {
  const resaved = join(temp, 'demo-1252');
  let original: Report;
  let converted: Report;
  beforeAll(async () => {
    const run = cli(join(ROOT, 'data'), resaved);
    if (run.status !== 0) throw new Error(`resave-dialect failed (${run.status}):\n${run.stderr}`);
    original = await reportOf(join(ROOT, 'data'));
    converted = await reportOf(resaved);
  }, 180_000);

  it('gives the same report, apart from encoding, delimiter and timings', () => {
    expect(jsonDiffLines(comparable(original), comparable(converted))).toEqual([]);
  });

  it('is read as semicolon-separated, with the files holding å ä ö – as Windows-1252', () => {
    const present = (files: Report['files']) => files.filter((f) => f.present);
    expect(present(converted.files).map((f) => f.delimiter)).toEqual(present(converted.files).map(() => ';'));
    const encodings = Object.fromEntries(converted.files.map((f) => [f.file, f.encoding]));
    expect(encodings).toMatchObject({
      'deals.csv': 'windows-1252',
      'accounts.csv': 'windows-1252',
      'users.csv': 'windows-1252',
    });
    expect(present(original.files).every((f) => f.encoding === 'utf-8' && f.delimiter === ',')).toBe(true);
  });

  it('writes deals.csv as Windows-1252 bytes, `;` and CRLF, with decimal commas and dd.mm.yyyy', () => {
    const bytes = readFileSync(join(resaved, 'deals.csv'));
    expect(bytes.includes(0xe5) || bytes.includes(0xf6)).toBe(true); // å or ö
    expect(bytes.includes(0x96)).toBe(true); // – in the deal names
    expect(() => new TextDecoder('utf-8', { fatal: true }).decode(bytes)).toThrow();
    for (const utf8 of [
      [0xc3, 0xa5],
      [0xc3, 0xb6],
      [0xe2, 0x80, 0x93],
    ])
      expect(bytes.includes(Buffer.from(utf8))).toBe(false);

    const text = decodeWindows1252(bytes);
    const lines = text.split('\r\n');
    expect(text.split('\n').length).toBe(lines.length); // every line break is CRLF
    expect(lines[0]).toBe(
      'id;name;account_id;owner;stage;amount;currency;created_date;close_date;channel;product;contract_start;' +
        'contract_end;term_months;forecast_category;source;lost_reason;sdr;updated_date',
    );
    expect(lines[1]).toBe(
      'D-10001;Torslanda Mejeri – Norrsken Integration;A-1729;hanna.wallin;lost;120 000,00;SEK;14.09.2023;15.01.2024;;' +
        'Norrsken Integration;;;12;;event;Pris;;15.01.2024',
    );
    // The deliberately unreadable amount stays as written, so it is rejected the same way.
    expect(lines[2314]).toContain(';12,3,4;');
  });

  it('copies tavla.config.json unchanged (dateOrder stays dmy)', () => {
    expect(readFileSync(join(resaved, 'tavla.config.json'), 'utf8')).toBe(readFileSync(join(ROOT, 'data/tavla.config.json'), 'utf8'));
  });
});

describe('resave-dialect details', () => {
  it('formats numbers with a decimal comma and a thousands separator', () => {
    expect(formatNumber(1234567.5, 'money', ' ')).toBe('1 234 567,50');
    expect(formatNumber(-5000, 'money', '\u00a0')).toBe('-5\u00a0000,00');
    expect(formatNumber(0, 'money', ' ')).toBe('0,00');
    expect(formatNumber(1734, 'number', ' ')).toBe('1 734');
    expect(formatNumber(7.5, 'number', '')).toBe('7,5');
    // `1,234` reads two ways; a 4th decimal makes it unambiguous.
    expect(formatNumber(1.234, 'number', '')).toBe('1,2340');
  });

  it('encodes every Windows-1252 character to its byte (round trip through the reader)', () => {
    const undefinedBytes = new Set([0x81, 0x8d, 0x8f, 0x90, 0x9d]);
    const bytes = Uint8Array.from({ length: 256 }, (_, i) => i).filter((b) => !undefinedBytes.has(b));
    expect([...encodeWindows1252(decodeWindows1252(bytes))]).toEqual([...bytes]);
    expect(encodeWindows1252('€ å ö – ”').toString('hex')).toBe('8020e520f620962094');
    expect(() => encodeWindows1252('\u0081')).toThrow('U+0081');
  });

  it('keeps a non-breaking-space thousands separator readable', async () => {
    const from = join(temp, 'nbsp-in');
    mkdirSync(from);
    writeFileSync(join(from, 'deals.csv'), 'id,account_id,owner,stage,amount,created_date,close_date\nD-1,A-1,u1,won,1234567.5,2026-01-05,2026-02-10\n');
    writeFileSync(join(from, 'tavla.config.json'), '{"asOf": "2026-03-01"}\n');
    await resaveDialect(from, join(temp, 'nbsp-out'), { thousands: 'nbsp' });
    const bytes = readFileSync(join(temp, 'nbsp-out', 'deals.csv'));
    expect(decodeWindows1252(bytes).split('\r\n')[1]).toBe('D-1;A-1;u1;won;1\u00a0234\u00a0567,50;05.01.2026;10.02.2026');
    const report = await reportOf(join(temp, 'nbsp-out'));
    expect(report.company.volume.yearToDate.annualVolume).toBe(1_234_567.5);
  });

  it('fails loudly, naming file:line:column, on a character Windows-1252 cannot hold, and writes nothing', () => {
    const from = join(temp, 'arrow-in');
    const to = join(temp, 'arrow-out');
    mkdirSync(from);
    writeFileSync(
      join(from, 'deals.csv'),
      'id,name,account_id,owner,stage,amount,created_date,close_date\n' +
        'D-1,Åre – ok,A-1,u1,won,100,2026-01-05,2026-02-10\n' +
        'D-2,Lager → Kiruna 🚚,A-1,u1,won,100,2026-01-05,2026-02-10\n',
    );
    const run = cli(from, to);
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('2 character(s) cannot be saved as Windows-1252; nothing was written');
    expect(run.stderr).toContain('deals.csv:3:2: "→" (U+2192) has no Windows-1252 byte');
    expect(run.stderr).toContain('deals.csv:3:2: "🚚" (U+1F69A) has no Windows-1252 byte');
    expect(existsSync(to)).toBe(false);
  });
});
