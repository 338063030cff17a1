/**
 * Zod building blocks for CSV cells. Every cell arrives as a string (or undefined when the
 * column is absent); these normalise it once. A failed cell carries the rule code of the
 * catalog in `params.rule`, so validation can report it under a permanent code.
 */
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

type Ctx = { issues: unknown[] };

/** Adds an issue under a catalog rule code; `column` names the cell when the check spans a row. */
export function fail(ctx: Ctx, rule: string, message: string, input: string, column?: string): typeof z.NEVER {
  const path = column === undefined ? {} : { path: [column] };
  (ctx.issues as object[]).push({ code: 'custom', message, input, params: { rule }, ...path });
  return z.NEVER;
}

const cell = z.string().optional();

export const optionalText = cell.transform((raw) => cleanCell(raw) || undefined);

export const requiredText = cell.transform((raw, ctx) => {
  const text = cleanCell(raw);
  return text === '' ? fail(ctx, 'MissingValue', 'required value is empty', '') : text;
});

/** Text that may be empty, kept as `''` (e.g. an owner the export left blank). */
export const textOrEmpty = cell.transform((raw) => cleanCell(raw));

export const requiredNumber = cell.transform((raw, ctx) => {
  const text = cleanCell(raw);
  if (text === '') return fail(ctx, 'MissingValue', 'required value is empty', '');
  const parsed = parseNumber(text);
  return parsed.ok ? parsed.value : fail(ctx, 'BadNumber', parsed.message, text);
});

export const optionalNumber = cell.transform((raw, ctx) => {
  const text = cleanCell(raw);
  if (text === '') return undefined;
  const parsed = parseNumber(text);
  return parsed.ok ? parsed.value : fail(ctx, 'BadNumber', parsed.message, text);
});

export const optionalInteger = cell.transform((raw, ctx) => {
  const text = cleanCell(raw);
  if (text === '') return undefined;
  const parsed = parseInteger(text);
  return parsed.ok ? parsed.value : fail(ctx, 'BadNumber', parsed.message, text);
});

function dateTransform(settings: Settings, required: boolean) {
  const options = { dateOrder: settings.dateOrder, timeZone: settings.timeZone };
  return (raw: string | undefined, ctx: Ctx): string | undefined => {
    const text = cleanCell(raw);
    if (text === '') return required ? fail(ctx, 'MissingValue', 'required value is empty', '') : undefined;
    const parsed = parseDate(text, options);
    return parsed.ok ? parsed.value : fail(ctx, 'BadDate', parsed.message, text);
  };
}

/** A required date cell, read with the settings' day order and time zone. */
export function requiredDate(settings: Settings) {
  const transform = dateTransform(settings, true);
  return cell.transform((raw, ctx) => transform(raw, ctx) as string);
}

/** An optional date cell, read with the settings' day order and time zone. */
export function optionalDate(settings: Settings) {
  return cell.transform(dateTransform(settings, false));
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
