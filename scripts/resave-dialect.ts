/**
 * `node scripts/resave-dialect.ts <from> <to> [--thousands space|nbsp|none]`: copies a data
 * folder, re-saving every CSV as a Nordic spreadsheet or CRM would: Windows-1252, `;`, CRLF,
 * decimal commas with a thousands separator (`1234567.5` → `1 234 567,50`; money columns always
 * get 2 decimals) and dates as `dd.mm.yyyy` (a local time of day is kept). Other files
 * (`tavla.config.json`, README) are copied as they are; a config with `dateOrder` "mdy" is
 * rewritten to "dmy", since every date is then day-first.
 *
 * Only the number and date columns change, found by their canonical names or aliases (the
 * schemas' column lists); ids and text stay as written. A cell that does not read as a number
 * or date is kept verbatim, so a deliberately bad row is rejected the same way after re-saving.
 * Line structure (blank lines, line breaks inside quotes) is kept, so line numbers still match.
 *
 * A character with no Windows-1252 byte (`→`, emoji, C1 controls) fails the whole run, listing
 * every such cell as file:line:column; nothing is written then. Used by the acceptance test
 * test/scripts/resave-dialect.test.ts: the re-saved demo data must give the same report.
 */
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import Papa from 'papaparse';
import { decodeBytes } from '../src/ingest/decode.ts';
import { mapColumns, normalizeHeader } from '../src/ingest/header.ts';
import { parseDate } from '../src/ingest/parse-date.ts';
import { parseNumber } from '../src/ingest/parse-number.ts';
import { chooseDelimiter } from '../src/ingest/read-csv.ts';
import { accountsFile } from '../src/schemas/accounts.ts';
import { activitiesFile } from '../src/schemas/activities.ts';
import type { ColumnSpec } from '../src/schemas/column.ts';
import { dealsFile } from '../src/schemas/deals.ts';
import { funnelFile } from '../src/schemas/funnel.ts';
import { invoicesFile } from '../src/schemas/invoices.ts';
import { targetsFile } from '../src/schemas/targets.ts';
import { usersFile } from '../src/schemas/users.ts';
import { loadSettings, SETTINGS_FILE } from '../src/settings/load-settings.ts';
import type { Settings } from '../src/settings/schema.ts';

export type Thousands = 'space' | 'nbsp' | 'none';
export interface ResaveOptions {
  /** Thousands separator in numbers (default a space, `1 234 567,50`). */
  thousands?: Thousands;
}
export interface ResaveSummary {
  csv: { file: string; rows: number; numbers: number; dates: number }[];
  copied: string[];
}

type Kind = 'money' | 'number' | 'date';
const KINDS: Record<string, Kind> = {
  amount: 'money',
  value: 'money',
  duration_minutes: 'number',
  term_months: 'number',
  visits: 'number',
  leads: 'number',
  nurture: 'number',
  created_date: 'date',
  close_date: 'date',
  contract_start: 'date',
  contract_end: 'date',
  updated_date: 'date',
  date: 'date',
  start_date: 'date',
  end_date: 'date',
};
const SPECS: Record<string, ColumnSpec[]> = Object.fromEntries(
  [accountsFile, activitiesFile, dealsFile, funnelFile, invoicesFile, targetsFile, usersFile].map((spec) => [spec.file, spec.columns]),
);
const SEPARATORS: Record<Thousands, string> = { space: ' ', nbsp: '\u00a0', none: '' };

/** Windows-1252 bytes 0x80–0x9F; the five bytes Microsoft leaves undefined are not encodable. */
const CP1252_HIGH =
  '\u20ac\u0000\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\u0000\u017d\u0000' +
  '\u0000\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\u0000\u017e\u0178';
const HIGH_BYTES = new Map([...CP1252_HIGH].flatMap((c, i) => (c === '\u0000' ? [] : [[c, 0x80 + i] as const])));
const NOT_LATIN1_OR_ASCII = /[^\u0000-\u007f\u00a0-\u00ff]/;

export class ResaveError extends Error {}

function byteOf(char: string): number | undefined {
  const code = char.codePointAt(0) as number;
  if (code < 0x80 || (code >= 0xa0 && code <= 0xff)) return code;
  return HIGH_BYTES.get(char);
}

export function encodeWindows1252(text: string): Buffer {
  const bytes = Buffer.alloc(text.length);
  let n = 0;
  for (const char of text) {
    const byte = byteOf(char);
    if (byte === undefined) throw new ResaveError(`"${char}" (U+${hex(char)}) has no Windows-1252 byte`);
    bytes[n++] = byte;
  }
  return bytes.subarray(0, n);
}

function hex(char: string): string {
  return (char.codePointAt(0) as number).toString(16).toUpperCase().padStart(4, '0');
}

/** `1234567.5` → `1 234 567,50` (money) or `1 234 567,5`; 3 decimals get a 4th so `1,234` cannot read two ways. */
export function formatNumber(value: number, kind: 'money' | 'number', thousands: string): string | undefined {
  const text = String(Math.abs(value));
  if (!/^\d+(\.\d+)?$/.test(text)) return undefined; // exponent notation: keep the cell as written
  const [whole = '', written = ''] = text.split('.');
  let fraction = kind === 'money' ? written.padEnd(2, '0') : written;
  if (fraction.length === 3) fraction += '0';
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, thousands);
  return `${value < 0 ? '-' : ''}${grouped}${fraction ? `,${fraction}` : ''}`;
}

const LOCAL_TIME = /^\d{4}-\d{1,2}-\d{1,2}[T ](\d{2}:\d{2}(?::\d{2})?)(?:[.,]\d{1,9})?$/;

/** A date cell → `dd.mm.yyyy` (with a local time of day when given without a zone). */
function formatDate(text: string, settings: Settings): string | undefined {
  const parsed = parseDate(text, { dateOrder: settings.dateOrder, timeZone: settings.timeZone });
  if (!parsed.ok) return undefined;
  const [year, month, day] = parsed.value.split('-');
  const time = LOCAL_TIME.exec(text)?.[1];
  return `${day}.${month}.${year}${time ? ` ${time}` : ''}`;
}

function quoteField(field: string): string {
  return /[";\r\n]/.test(field) ? `"${field.replaceAll('"', '""')}"` : field;
}

/** Re-saves one CSV text; returns the new text (to be encoded) and counts. */
export function resaveCsv(
  file: string,
  text: string,
  settings: Settings,
  thousands: string,
  problems: string[],
): { text: string; rows: number; numbers: number; dates: number } {
  const firstLine = text.split(/\r\n|\n|\r/).find((line) => line.trim() !== '') ?? '';
  const delimiter = chooseDelimiter(firstLine);
  const parsed = Papa.parse<string[]>(text, {
    delimiter: delimiter === 'none' ? ',' : delimiter,
    skipEmptyLines: false,
  });
  const broken = parsed.errors.find((error) => error.type === 'Quotes');
  if (broken) throw new ResaveError(`${file}: row ${(broken.row ?? 0) + 1} has broken quotes; cannot re-save it faithfully`);
  const rows = parsed.data;
  if (/(\r\n|\n|\r)$/.test(text) && rows.length > 0 && rows.at(-1)!.join('') === '' && rows.at(-1)!.length === 1) rows.pop();

  const headerIndex = rows.findIndex((row) => row.join('').trim() !== '');
  const header = rows[headerIndex] ?? [];
  const kinds: (Kind | undefined)[] = header.map(() => undefined);
  const spec = SPECS[file];
  if (spec) {
    const { index } = mapColumns(header, spec);
    for (const [name, at] of Object.entries(index)) kinds[at] = KINDS[name];
  } else {
    header.forEach((name, at) => (kinds[at] = Object.entries(KINDS).find(([key]) => normalizeHeader(key) === normalizeHeader(name))?.[1]));
  }

  let line = 1;
  let numbers = 0;
  let dates = 0;
  const out: string[] = [];
  rows.forEach((row, r) => {
    const fields = row.map((cell, c) => {
      const kind = r > headerIndex ? kinds[c] : undefined;
      const trimmed = cell.trim();
      let value = cell;
      if (kind && trimmed !== '') {
        if (kind === 'date') {
          const date = formatDate(trimmed, settings);
          if (date !== undefined) {
            value = date;
            dates++;
          }
        } else {
          const number = parseNumber(trimmed);
          const formatted = number.ok ? formatNumber(number.value, kind, thousands) : undefined;
          if (formatted !== undefined) {
            value = formatted;
            numbers++;
          }
        }
      }
      if (NOT_LATIN1_OR_ASCII.test(value)) {
        for (const char of value) {
          if (byteOf(char) === undefined) problems.push(`${file}:${line}:${c + 1}: "${char}" (U+${hex(char)}) has no Windows-1252 byte`);
        }
      }
      return quoteField(value);
    });
    const record = fields.join(';');
    out.push(record);
    line += 1 + (record.match(/\r\n|\n|\r/g)?.length ?? 0);
  });
  const ending = /(\r\n|\n|\r)$/.test(text) ? '\r\n' : '';
  return { text: out.join('\r\n') + ending, rows: Math.max(0, rows.length - headerIndex - 1), numbers, dates };
}

/** Re-saves the folder `from` into `to` (created; must be empty if it exists). Throws ResaveError. */
export async function resaveDialect(from: string, to: string, options: ResaveOptions = {}): Promise<ResaveSummary> {
  const thousands = SEPARATORS[options.thousands ?? 'space'];
  if (thousands === undefined) throw new ResaveError(`--thousands must be space, nbsp or none, got "${options.thousands}"`);
  if (!existsSync(from)) throw new ResaveError(`${from}: no such folder`);
  if (existsSync(to) && readdirSync(to).length > 0) throw new ResaveError(`${to}: the target folder is not empty`);
  const loaded = await loadSettings(from);
  if (!loaded.ok) throw new ResaveError(`${from}/${SETTINGS_FILE}: ${loaded.issues.map((i) => `${i.field ?? ''} ${i.message}`.trim()).join('; ')}`);

  const problems: string[] = [];
  const outputs: { file: string; bytes: Buffer }[] = [];
  const summary: ResaveSummary = { csv: [], copied: [] };
  for (const entry of readdirSync(from, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
    if (!entry.isFile()) continue;
    if (!entry.name.toLowerCase().endsWith('.csv')) continue;
    const { text } = decodeBytes(readFileSync(join(from, entry.name)));
    const result = resaveCsv(entry.name, text, loaded.settings, thousands, problems);
    summary.csv.push({ file: entry.name, rows: result.rows, numbers: result.numbers, dates: result.dates });
    if (problems.length === 0) outputs.push({ file: entry.name, bytes: encodeWindows1252(result.text) });
  }
  if (problems.length > 0) {
    const shown = problems.slice(0, 20).map((p) => `  ${p}`);
    if (problems.length > 20) shown.push(`  … and ${problems.length - 20} more`);
    throw new ResaveError(`${problems.length} character(s) cannot be saved as Windows-1252; nothing was written:\n${shown.join('\n')}`);
  }

  mkdirSync(to, { recursive: true });
  for (const { file, bytes } of outputs) writeFileSync(join(to, file), bytes);
  for (const entry of readdirSync(from, { withFileTypes: true })) {
    if (!entry.isFile() || entry.name.toLowerCase().endsWith('.csv')) continue;
    if (entry.name === SETTINGS_FILE && loaded.settings.dateOrder === 'mdy') {
      const json = JSON.parse(readFileSync(join(from, entry.name), 'utf8').replace(/^\uFEFF/, '')) as Record<string, unknown>;
      writeFileSync(join(to, entry.name), `${JSON.stringify({ ...json, dateOrder: 'dmy' }, null, 2)}\n`);
    } else {
      copyFileSync(join(from, entry.name), join(to, entry.name));
    }
    summary.copied.push(entry.name);
  }
  return summary;
}

if (import.meta.main) {
  const args = process.argv.slice(2);
  const flag = args.indexOf('--thousands');
  const thousands = flag >= 0 ? (args.splice(flag, 2)[1] as Thousands) : undefined;
  const [from, to] = args;
  if (!from || !to || args.length !== 2) {
    process.stderr.write('usage: node scripts/resave-dialect.ts <from> <to> [--thousands space|nbsp|none]\n');
    process.exit(2);
  }
  try {
    const summary = await resaveDialect(resolve(from), resolve(to), { thousands });
    for (const f of summary.csv) {
      process.stdout.write(`${f.file.padEnd(18)} ${String(f.rows).padStart(7)} rows  ${f.numbers} numbers, ${f.dates} dates re-written\n`);
    }
    process.stdout.write(`copied: ${summary.copied.join(', ') || '(nothing)'}\n→ ${resolve(to)} (Windows-1252, ";", CRLF, decimal comma, dd.mm.yyyy)\n`);
  } catch (error) {
    if (!(error instanceof ResaveError)) throw error;
    process.stderr.write(`resave-dialect: ${error.message}\n`);
    process.exit(1);
  }
}
