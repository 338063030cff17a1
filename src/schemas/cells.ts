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
import { own } from './intern.ts';
import { z } from 'zod';
import { parseDate } from '../ingest/parse-date.ts';
import { parseInteger, parseNumber } from '../ingest/parse-number.ts';
import type { Settings } from '../settings/schema.ts';

/** Values that CRMs write for "nothing". */
const EMPTY_VALUES = new Set(['', '#n/a', 'n/a', 'null', '(tom)', '(tomt)']);

/** Trimmed cell text, `''` for empty and null markers. */
export function cleanCell(raw: string | undefined): string {
  const text = (raw ?? '').trim();
  return EMPTY_VALUES.has(text.toLowerCase()) ? '' : text;
}

/**
 * `cleanCell` without its work for the common cell: one that starts and ends with a printable
 * ASCII character that can begin no null marker (`#`, `(`, `n`, `N`) is returned as it is.
 */
function cleanCellFast(raw: string | undefined): string {
  if (raw === undefined || raw.length === 0) return '';
  const first = raw.charCodeAt(0);
  const last = raw.charCodeAt(raw.length - 1);
  if (first <= 32 || first >= 127 || last <= 32 || last >= 127 || first === 35 || first === 40 || first === 78 || first === 110) {
    return cleanCell(raw);
  }
  return raw;
}

/** `text` is one or more ASCII digits. */
function allDigits(text: string): boolean {
  if (text.length === 0) return false;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 48 || code > 57) return false;
  }
  return true;
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

export type CellKind =
  | 'requiredText'
  | 'optionalText'
  | 'textOrEmpty'
  | 'requiredNumber'
  | 'optionalNumber'
  | 'optionalInteger'
  | 'requiredDate'
  | 'optionalDate';

type CellValue<K extends CellKind> = K extends 'requiredText' | 'textOrEmpty'
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

export function cellReader(settings: Settings): CellReader {
  const options = { dateOrder: settings.dateOrder, timeZone: settings.timeZone };
  const dates = new Map<string, string | CellFailure>();
  // Exports are mostly in date order: the same date text as the row before needs no lookup.
  let lastText = '';
  let lastValue: string | CellFailure = '';
  const date = (text: string): string | CellFailure => {
    if (text === lastText) return lastValue;
    let value = dates.get(text);
    if (value === undefined) {
      const parsed = parseDate(text, options);
      value = parsed.ok ? parsed.value : new CellFailure('BadDate', parsed.message, text);
      if (dates.size >= MAX_CACHED_DATES) dates.clear();
      dates.set(own(text), value); // a key cut from the parser's chunk would keep the chunk alive
    }
    lastText = own(text);
    lastValue = value;
    return value;
  };
  const number = (text: string, integer: boolean): number | CellFailure => {
    // Most cells are plain digits: read at once (what parseNumber gives them, without its work).
    if (text.length <= 15 && allDigits(text)) return Number(text);
    const parsed = integer ? parseInteger(text) : parseNumber(text);
    return parsed.ok ? parsed.value : new CellFailure('BadNumber', parsed.message, text);
  };
  return (kind, raw) => {
    const text = cleanCellFast(raw);
    switch (kind) {
      case 'requiredText':
        return text === '' ? EMPTY : text;
      case 'optionalText':
        return text === '' ? undefined : text;
      case 'textOrEmpty':
        return text;
      case 'requiredNumber':
        return text === '' ? EMPTY : number(text, false);
      case 'optionalNumber':
        return text === '' ? undefined : number(text, false);
      case 'optionalInteger':
        return text === '' ? undefined : number(text, true);
      case 'requiredDate':
        return text === '' ? EMPTY : date(text);
      case 'optionalDate':
        return text === '' ? undefined : date(text);
    }
  };
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
  return z.object(shape).transform((row, ctx) =>
    finish(row as CellsOf<K>, ((rule, message, input, column) => fail(ctx, rule, message, input, column)) as Fail),
  );
}

/** Returned by a fast reader for a row it does not accept; the schema then explains why. */
export const NOT_FAST = Symbol('not-fast');

/** A fast reader: the columns it reads, in order, and the reading of one row's values. */
export interface FastRowReader<T> {
  columns: readonly string[];
  /** `values[i]` is the cell of `columns[i]` (undefined: column absent). */
  read(values: readonly (string | undefined)[]): T | typeof NOT_FAST;
}

/**
 * An object literal of fixed shape from positional values. Built once per file from the
 * schema's own constant column names, so every row object shares one hidden class (filling `{}`
 * key by key would make each store a slow dictionary write).
 */
function shapeOf(names: readonly string[]): (values: readonly unknown[]) => Record<string, unknown> {
  const body = `return {${names.map((name, i) => `${JSON.stringify(name)}: v[${i}]`).join(', ')}};`;
  return new Function('v', body) as (values: readonly unknown[]) => Record<string, unknown>;
}

/** Reads a good row without zod: the record, or `NOT_FAST` at the first problem. */
export function fastRowReader<K extends CellKinds, T>(kinds: K, settings: Settings, finish: Finish<K, T>): FastRowReader<T> {
  const read = cellReader(settings);
  const entries = Object.entries(kinds);
  const columns = entries.map(([name]) => name);
  const types = entries.map(([, kind]) => kind);
  const shape = shapeOf(columns);
  const typed: unknown[] = new Array(columns.length);
  const giveUp = (() => {
    throw NOT_FAST;
  }) as Fail;
  return {
    columns,
    read(values) {
      for (let i = 0; i < types.length; i++) {
        const value = read(types[i]!, values[i]);
        if (value instanceof CellFailure) return NOT_FAST;
        typed[i] = value;
      }
      try {
        return finish(shape(typed) as CellsOf<K>, giveUp);
      } catch (error) {
        if (error === NOT_FAST) return NOT_FAST;
        throw error;
      }
    },
  };
}

/** A raw text remembered as not in the lookup. */
const UNKNOWN = Symbol('unknown');

/** `lookup.get(valueKey(raw))`, remembered per distinct raw text (a column repeats few values). */
export function cachedLookup<T>(lookup: ReadonlyMap<string, T>): (raw: string) => T | undefined {
  const seen = new Map<string, T | typeof UNKNOWN>();
  return (raw) => {
    const known = seen.get(raw);
    if (known !== undefined) return known === UNKNOWN ? undefined : (known as T);
    const value = lookup.get(valueKey(raw));
    if (seen.size < 10_000) seen.set(own(raw), value ?? UNKNOWN); // a key cut from the parser's chunk would keep it alive
    return value;
  };
}

const legacyRead = cellReader({ dateOrder: 'dmy', timeZone: 'UTC' } as Settings);
/** Single zod cells, for schemas with a cell of their own (users' team). */
export const optionalText = zodCell('optionalText', legacyRead);
export const requiredText = zodCell('requiredText', legacyRead);
export const textOrEmpty = zodCell('textOrEmpty', legacyRead);
export const requiredNumber = zodCell('requiredNumber', legacyRead);
export const optionalInteger = zodCell('optionalInteger', legacyRead);

/** A required date cell, read with the settings' day order and time zone. */
export function requiredDate(settings: Settings) {
  return zodCell('requiredDate', cellReader(settings));
}

/** An optional date cell, read with the settings' day order and time zone. */
export function optionalDate(settings: Settings) {
  return zodCell('optionalDate', cellReader(settings));
}

/** Case- and space-insensitive key for value maps. */
export function valueKey(value: string): string {
  return value.trim().toLowerCase().replace(/[\s_-]+/g, ' ');
}

/** A lookup from CRM values (ids, labels, aliases, mapped names) to canonical values. */
export function valueLookup<T extends string>(entries: Iterable<[string, T]>): Map<string, T> {
  const map = new Map<string, T>();
  for (const [key, value] of entries) map.set(valueKey(key), value);
  return map;
}
