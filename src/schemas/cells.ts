/**
 * CSV cells → typed values. Every cell arrives as a string (or undefined when the column is
 * absent); `readCell` normalises it once and either returns the value or a `CellFailure` that
 * carries the rule code of the catalog. The same functions back two readers of one row:
 *
 * - the zod schema (`rowSchema`), which collects every problem of a row with its column, and
 * - the fast reader (`fastRowReader`), which reads a good row without zod and gives up on the
 *   first problem, so validation falls back to the schema for the messages.
 *
 * Both call the same cell functions and the same `finish` (the row's cross-cell checks), so a row
 * the fast reader accepts is exactly the record the schema would give.
 */
import { own, rememberLast } from '../speed/intern.ts';
import { z } from 'zod';
import { isoDateDay, parseDate } from '../ingest/parse-date.ts';
import { dayWindow, implausibleDateMessage, isPlausibleDate, isPlausibleDay } from '../ingest/plausible-date.ts';
import { isoDateOf } from '../periods/calendar.ts';
import { parseInteger, parseNumber, plainDigits } from '../ingest/parse-number.ts';
import type { Settings } from '../settings/schema.ts';

/** Values that CRMs write for "nothing" (see LONGEST_EMPTY_VALUE). */
const EMPTY_VALUES = new Set(['', '#n/a', 'n/a', 'null', '(tom)', '(tomt)']);

/** Trimmed cell text, `''` for empty and null markers. */
export function cleanCell(raw: string | undefined): string {
  const text = (raw ?? '').trim();
  return EMPTY_VALUES.has(text.toLowerCase()) ? '' : text;
}

/** The longest of EMPTY_VALUES. */
const LONGEST_EMPTY_VALUE = 6;

/** Whether `trim()` would keep the character `code` at a text's edge (it removes spaces and line breaks). */
function keptAtEdge(code: number): boolean {
  if (code < 127) return code > 32;
  return !(
    code === 0xa0 ||
    code === 0x1680 ||
    (code >= 0x2000 && code <= 0x200a) ||
    code === 0x2028 ||
    code === 0x2029 ||
    code === 0x202f ||
    code === 0x205f ||
    code === 0x3000 ||
    code === 0xfeff
  );
}

/**
 * `cleanCell` without its work for the common cell: one whose first and last characters `trim()`
 * keeps, and that is longer than any null marker or cannot begin one (`#`, `(`, `n`, `N`), is
 * returned as it is.
 */
export function cleanCellFast(raw: string | undefined): string {
  if (raw === undefined) return '';
  return plainCellAt(raw, 0, raw.length) ? raw : cleanCell(raw);
}

/**
 * Whether `text.slice(from, to)` is a cell `cleanCellFast` gives back as it is (an empty cell
 * too), judged without making the slice: false for a cell it might change, which the caller
 * then reads by its text.
 */
export function plainCellAt(text: string, from: number, to: number): boolean {
  if (from === to) return true;
  const first = text.charCodeAt(from);
  return (
    keptAtEdge(first) &&
    keptAtEdge(text.charCodeAt(to - 1)) &&
    (to - from > LONGEST_EMPTY_VALUE || (first !== 35 && first !== 40 && first !== 78 && first !== 110))
  );
}

/** A cell that cannot be read: the catalog rule, the message and the offending text. */
export class CellFailure {
  readonly rule: string;
  readonly message: string;
  readonly input: string;
  constructor(rule: string, message: string, input: string) {
    this.rule = rule;
    this.message = message;
    this.input = input;
  }
}

const EMPTY = new CellFailure('MissingValue', 'required value is empty', '');

/**
 * How a cell is read. `requiredTextIfColumn`: a required text when the file has the column, `''`
 * when it has not (users.csv's team, absent from some CRM exports).
 */
export type CellKind =
  | 'requiredText'
  | 'requiredTextIfColumn'
  | 'optionalText'
  | 'textOrEmpty'
  | 'requiredNumber'
  | 'optionalNumber'
  | 'optionalInteger'
  | 'requiredDate'
  | 'optionalDate';

export type CellValue<K extends CellKind> = K extends 'requiredText' | 'requiredTextIfColumn' | 'textOrEmpty'
  ? string
  : K extends 'optionalText' | 'optionalDate'
    ? string | undefined
    : K extends 'requiredDate'
      ? string
      : K extends 'requiredNumber'
        ? number
        : number | undefined;

export type CellKinds = Record<string, CellKind>;
export type CellsOf<K extends CellKinds> = { [C in keyof K]: CellValue<K[C]> };

/** Reads one cell of a kind; dates through a per-reader cache (an export has few distinct dates). */
export type CellReader = (kind: CellKind, raw: string | undefined) => unknown;

/** Distinct date texts remembered per reader; past this the cache starts over. */
const MAX_CACHED_DATES = 50_000;

/** One reader per cell kind, sharing one date cache. */
export type CellReaders = { [K in CellKind]: (raw: string | undefined) => unknown };

export function cellReaders(settings: Settings): CellReaders {
  const options = { dateOrder: settings.dateOrder, timeZone: settings.timeZone };
  const dates = new Map<string, string | CellFailure>();
  const window = dayWindow(settings.plausibleYears);
  const date = (text: string): string | CellFailure => {
    // The usual cell, an ISO date, is its own value: one shared string per day, no lookup by text.
    const day = isoDateDay(text);
    if (day === day && isPlausibleDay(day, window)) return isoDateOf(day);
    let value = dates.get(text);
    if (value === undefined) {
      const parsed = parseDate(text, options);
      value = !parsed.ok
        ? new CellFailure('BadDate', parsed.message, text)
        : isPlausibleDate(parsed.value, window)
          ? parsed.value
          : new CellFailure('BadDate', implausibleDateMessage(text, window), text);
      if (dates.size >= MAX_CACHED_DATES) dates.clear();
      dates.set(own(text), value); // a key cut from the parser's chunk would keep the chunk alive
    }
    return value;
  };
  const number = (text: string, integer: boolean): number | CellFailure => {
    const plain = plainDigits(text);
    if (plain !== undefined) return plain;
    const parsed = integer ? parseInteger(text) : parseNumber(text);
    return parsed.ok ? parsed.value : new CellFailure('BadNumber', parsed.message, text);
  };
  return {
    requiredText: (raw) => {
      const text = cleanCellFast(raw);
      return text === '' ? EMPTY : text;
    },
    requiredTextIfColumn: (raw) => {
      if (raw === undefined) return '';
      const text = cleanCellFast(raw);
      return text === '' ? EMPTY : text;
    },
    optionalText: (raw) => {
      const text = cleanCellFast(raw);
      return text === '' ? undefined : text;
    },
    textOrEmpty: (raw) => cleanCellFast(raw),
    requiredNumber: (raw) => {
      const text = cleanCellFast(raw);
      return text === '' ? EMPTY : number(text, false);
    },
    optionalNumber: (raw) => {
      const text = cleanCellFast(raw);
      return text === '' ? undefined : number(text, false);
    },
    optionalInteger: (raw) => {
      const text = cleanCellFast(raw);
      return text === '' ? undefined : number(text, true);
    },
    requiredDate: (raw) => {
      const text = cleanCellFast(raw);
      return text === '' ? EMPTY : date(text);
    },
    optionalDate: (raw) => {
      const text = cleanCellFast(raw);
      return text === '' ? undefined : date(text);
    },
  };
}

export function cellReader(settings: Settings): CellReader {
  const readers = cellReaders(settings);
  return (kind, raw) => readers[kind](raw);
}

type Ctx = { issues: unknown[] };

/** Adds an issue under a catalog rule code; `column` names the cell when the check spans a row. */
export function fail(ctx: Ctx, rule: string, message: string, input: string, column?: string): typeof z.NEVER {
  const path = column === undefined ? {} : { path: [column] };
  (ctx.issues as object[]).push({ code: 'custom', message, input, params: { rule }, ...path });
  return z.NEVER;
}

/** How a row's cross-cell checks report a problem: rule, message, offending text and column. */
export type Fail = (rule: string, message: string, input: string, column: string) => never;

/** The row after its cells: cross-cell checks and the record; problems go through `fail`. */
export type Finish<K extends CellKinds, T> = (cells: CellsOf<K>, fail: Fail) => T;

const cell = z.string().optional();

function zodCell<K extends CellKind>(kind: K, read: CellReader) {
  return cell.transform((raw, ctx): CellValue<K> => {
    const value = read(kind, raw);
    return value instanceof CellFailure ? fail(ctx, value.rule, value.message, value.input) : (value as CellValue<K>);
  });
}

/** The zod schema of a row: every cell read by its kind, then `finish`. */
export function rowSchema<K extends CellKinds, T>(kinds: K, settings: Settings, finish: Finish<K, T>) {
  const read = cellReader(settings);
  const shape = Object.fromEntries(Object.entries(kinds).map(([name, kind]) => [name, zodCell(kind, read)]));
  return z
    .object(shape)
    .transform((row, ctx) => finish(row as CellsOf<K>, ((rule, message, input, column) => fail(ctx, rule, message, input, column)) as Fail));
}

/** Returned by a fast reader for a row it does not accept; the schema then explains why. */
export const NOT_FAST = Symbol('not-fast');

/** A fast reader: the columns it reads, in order, and the reading of one row's values. */
export interface FastRowReader<T> {
  columns: readonly string[];
  /** `values[i]` is the cell of `columns[i]` (undefined: column absent). */
  read(values: readonly (string | undefined)[]): T | typeof NOT_FAST;
}

/** Cell kinds that can fail (a required cell left empty, a number or date that cannot be read). */
const CAN_FAIL: ReadonlySet<CellKind> = new Set([
  'requiredText',
  'requiredTextIfColumn',
  'requiredNumber',
  'optionalNumber',
  'optionalInteger',
  'requiredDate',
  'optionalDate',
]);

/**
 * Reads a good row without zod: the record, or `NOT_FAST` at the first problem. The reading of a
 * row is made once per file as code from the schema's own constant column names and kinds (cell
 * readers called one by one, the row object of fixed shape written as one literal), so no row
 * goes through a loop over kinds or a switch, and every row object shares one hidden class.
 */
export function fastRowReader<K extends CellKinds, T>(kinds: K, settings: Settings, finish: Finish<K, T>): FastRowReader<T> {
  const readers = cellReaders(settings);
  const entries = Object.entries(kinds);
  const columns = entries.map(([name]) => name);
  const cells = entries.map(([, kind]) => readers[kind]);
  const giveUp = (() => {
    throw NOT_FAST;
  }) as Fail;
  const body = [
    ...entries.map(([, kind], i) => `const c${i} = r${i}(v[${i}]);${CAN_FAIL.has(kind) ? ` if (c${i} instanceof Failure) return NOT_FAST;` : ''}`),
    `const row = {${columns.map((name, i) => `${JSON.stringify(name)}: c${i}`).join(', ')}};`,
    'try {',
    '  return finish(row, giveUp);',
    '} catch (error) {',
    '  if (error === NOT_FAST) return NOT_FAST;',
    '  throw error;',
    '}',
  ].join('\n');
  const make = new Function('Failure', 'NOT_FAST', 'finish', 'giveUp', ...cells.map((_, i) => `r${i}`), `return function read(v) {\n${body}\n};`);
  return { columns, read: make(CellFailure, NOT_FAST, finish, giveUp, ...cells) as FastRowReader<T>['read'] };
}

/** A raw text remembered as not in the lookup. */
const UNKNOWN = Symbol('unknown');

/** `lookup.get(valueKey(raw))`, remembered per distinct raw text (a column repeats few values). */
export function cachedLookup<T>(lookup: ReadonlyMap<string, T>): (raw: string) => T | undefined {
  const seen = new Map<string, T | typeof UNKNOWN>();
  // The text of the row before needs no lookup at all: a column of few values often repeats one.
  return rememberLast((raw) => {
    const known = seen.get(raw);
    if (known !== undefined) return known === UNKNOWN ? undefined : (known as T);
    const value = lookup.get(valueKey(raw));
    if (seen.size < 10_000) seen.set(own(raw), value ?? UNKNOWN); // a key cut from the parser's chunk would keep it alive
    return value;
  });
}

/** Case- and space-insensitive key for value maps. */
export function valueKey(value: string): string {
  return value
    .trim()
    .toLowerCase()
    .replace(/[\s_-]+/g, ' ');
}

/** A lookup from CRM values (ids, labels, aliases, mapped names) to canonical values. */
export function valueLookup<T extends string>(entries: Iterable<[string, T]>): Map<string, T> {
  const map = new Map<string, T>();
  for (const [key, value] of entries) map.set(valueKey(key), value);
  return map;
}
