/**
 * Dates and timestamps as CRM exports write them -> the local calendar date `YYYY-MM-DD` in the
 * settings' time zone.
 *
 * Accepted: `2026-11-23` (also `2026-1-5`), optionally followed by ` ` or `T` and `14:05`,
 * `14:05:33` or `14:05:33.123`, optionally followed by `Z` or an offset (`+01:00`, `+0100`,
 * `+01`); and `23.11.2026`, `23/11/2026`, `23-11-2026` in the settings' `dateOrder` (`dmy` or
 * `mdy`), optionally followed by a time (`14:05`, `2:05:33 PM`). Years have four digits, or two
 * in `.` `/` `-` dates as spreadsheet programs write them (`15-03-17`, `3/15/17 8:55 PM`): 00–69
 * are 2000–2069 and 70–99 are 1970–1999 (the POSIX `%y` pivot), so `3/15/17` is 2017-03-15.
 *
 * A timestamp without `Z`/offset is already local time (CRMs export local time): its date is
 * taken as written. One with `Z`/offset is an instant: it is converted to `timeZone` first
 * (2026-03-31T22:30:00Z is 2026-04-01 in Europe/Stockholm). Impossible dates (2026-02-30) are
 * rejected; a date impossible in `dateOrder` but possible in the other order gets a hint to
 * check the setting. An unknown time zone throws (a settings error, not a data error).
 *
 * Speed: no regex for `2026-11-23` and `23.11.2026`, one regex per other shape, no Date objects
 * for local dates, one cached Intl.DateTimeFormat per zone, and instants cached per 15-minute UTC
 * slot (every modern zone changes offset, and so starts a day, on a quarter hour).
 */
import type { IsoDate } from '../core/records.ts';
import { daysFromCivil } from '../periods/calendar.ts';
import { quoteValue } from './parsed.ts';
import type { Parsed } from './parsed.ts';

export type DateOrder = 'dmy' | 'mdy';

export interface DateOptions {
  dateOrder: DateOrder;
  /** IANA time zone, e.g. `Europe/Stockholm`. */
  timeZone: string;
}

const ISO_STAMP = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,]\d{1,9})?)?\s*(Z|[+-]\d{2}(?::?\d{2})?)?)?$/i;
const DMY_STAMP = /^(\d{1,2})([./-])(\d{1,2})\2(\d{4}|\d{2})(?:[ T](\d{1,2}):(\d{2})(?::(\d{2}))?(?:\s*([AP]M))?)?$/i;

/** Two-digit years: 00–69 → 2000–2069, 70–99 → 1970–1999 (POSIX `%y`). */
const TWO_DIGIT_YEAR_PIVOT = 70;

function fullYear(written: string): number {
  const year = Number(written);
  if (written.length !== 2) return year;
  return year < TWO_DIGIT_YEAR_PIVOT ? 2000 + year : 1900 + year;
}

const QUARTER_HOUR_MS = 15 * 60 * 1000;
const MAX_CACHED_SLOTS = 200_000;

function daysInMonth(year: number, month: number): number {
  if (month === 2) return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

function isRealDate(year: number, month: number, day: number): boolean {
  return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

function isoDate(year: number, month: number, day: number): IsoDate {
  return `${year}-${month < 10 ? '0' : ''}${month}-${day < 10 ? '0' : ''}${day}`;
}

function isTime(hour: string | undefined, minute: string | undefined, second: string | undefined, maxHour = 23): boolean {
  if (hour === undefined) return true;
  return Number(hour) <= maxHour && Number(minute) <= 59 && (second === undefined || Number(second) <= 59);
}

interface ZoneCache {
  format: Intl.DateTimeFormat;
  slots: Map<number, IsoDate>;
}
const zones = new Map<string, ZoneCache>();

function zoneCache(timeZone: string): ZoneCache {
  let cache = zones.get(timeZone);
  if (!cache) {
    let format: Intl.DateTimeFormat;
    try {
      format = new Intl.DateTimeFormat('en-US', { timeZone, year: 'numeric', month: 'numeric', day: 'numeric' });
    } catch {
      throw new RangeError(`unknown time zone "${timeZone}"`);
    }
    cache = { format, slots: new Map() };
    zones.set(timeZone, cache);
  }
  return cache;
}

/** The calendar date in `timeZone` at the instant `epochMs`. */
export function localDateOf(epochMs: number, timeZone: string): IsoDate {
  const cache = zoneCache(timeZone);
  const slot = Math.floor(epochMs / QUARTER_HOUR_MS);
  let date = cache.slots.get(slot);
  if (date === undefined) {
    let year = 0;
    let month = 0;
    let day = 0;
    for (const part of cache.format.formatToParts(slot * QUARTER_HOUR_MS)) {
      if (part.type === 'year') year = Number(part.value);
      else if (part.type === 'month') month = Number(part.value);
      else if (part.type === 'day') day = Number(part.value);
    }
    date = isoDate(year, month, day);
    if (cache.slots.size >= MAX_CACHED_SLOTS) cache.slots.clear();
    cache.slots.set(slot, date);
  }
  return date;
}

/** Offset text (`Z`, `+01:00`, `+0100`, `+01`) -> minutes east of UTC; undefined when invalid. */
function offsetMinutes(offset: string): number | undefined {
  if (offset === 'Z' || offset === 'z') return 0;
  const hours = Number(offset.slice(1, 3));
  const minutes = offset.length > 3 ? Number(offset.slice(-2)) : 0;
  if (hours > 18 || minutes > 59) return undefined;
  return (offset[0] === '-' ? -1 : 1) * (hours * 60 + minutes);
}

function fail(raw: string, detail = ''): Parsed<IsoDate> {
  return { ok: false, message: `expected a date, got ${quoteValue(raw)}${detail}` };
}

/** The number written by `length` digits at `at`, or -1. */
function digitsAt(text: string, at: number, length: number): number {
  let value = 0;
  for (let i = at; i < at + length; i++) {
    const c = text.charCodeAt(i) - 48;
    if (c < 0 || c > 9) return -1;
    value = value * 10 + c;
  }
  return value;
}

/**
 * The day number (src/periods/calendar.ts) of a text that is exactly the ISO date of a real day
 * from year 1000 on (`2026-11-23`, no spaces): `parseDate` reads such a text as itself. NaN for
 * any other text, which `parseDate` then reads.
 */
export function isoDateDay(text: string): number {
  if (text.length !== 10 || text.charCodeAt(4) !== 45 || text.charCodeAt(7) !== 45) return Number.NaN;
  const year = digitsAt(text, 0, 4);
  const month = digitsAt(text, 5, 2);
  const day = digitsAt(text, 8, 2);
  return year >= 1000 && month >= 0 && day >= 0 && isRealDate(year, month, day) ? daysFromCivil(year, month, day) : Number.NaN;
}

export function parseDate(raw: string, opts: DateOptions): Parsed<IsoDate> {
  const text = raw.trim();

  // Fast path for the most common cell, `2026-11-23`, without a regex.
  if (text.length === 10 && text.charCodeAt(4) === 45 && text.charCodeAt(7) === 45) {
    const year = digitsAt(text, 0, 4);
    const month = digitsAt(text, 5, 2);
    const day = digitsAt(text, 8, 2);
    if (year >= 0 && month >= 0 && day >= 0) {
      return isRealDate(year, month, day) ? { ok: true, value: text } : fail(raw, ' (no such day)');
    }
  }

  let m = ISO_STAMP.exec(text);
  if (m) {
    const [, y, mo, d, hour, minute, second, offset] = m;
    const year = Number(y);
    const month = Number(mo);
    const day = Number(d);
    if (!isRealDate(year, month, day)) return fail(raw, ' (no such day)');
    if (!isTime(hour, minute, second)) return fail(raw, ' (no such time)');
    if (offset === undefined) return { ok: true, value: isoDate(year, month, day) };
    const shift = offsetMinutes(offset);
    if (shift === undefined) return fail(raw, ' (no such offset)');
    const milliseconds = /[.,](\d{1,3})/.exec(text)?.[1]?.padEnd(3, '0') ?? '0';
    const epochMs = Date.UTC(year, month - 1, day, Number(hour), Number(minute), Number(second ?? 0), Number(milliseconds)) - shift * 60_000;
    return { ok: true, value: localDateOf(epochMs, opts.timeZone) };
  }

  // Fast path for `23.11.2026` / `23/11/2026` / `23-11-2026` without a time.
  if (text.length === 10) {
    const separator = text.charCodeAt(2);
    if (separator === text.charCodeAt(5) && (separator === 46 || separator === 47 || separator === 45)) {
      const part1 = digitsAt(text, 0, 2);
      const part2 = digitsAt(text, 3, 2);
      const year = digitsAt(text, 6, 4);
      if (part1 >= 0 && part2 >= 0 && year >= 0) return fromDayMonth(raw, part1, part2, year, text[2] as string, true, opts);
    }
  }

  m = DMY_STAMP.exec(text);
  if (m) {
    const [, part1, separator = '', part2, y, hour, minute, second, meridiem] = m;
    const timeOk = isTime(hour, minute, second, meridiem ? 12 : 23) && (!meridiem || Number(hour) >= 1);
    return fromDayMonth(raw, Number(part1), Number(part2), fullYear(y!), separator, timeOk, opts);
  }

  return fail(raw);
}

/** `part1` and `part2` of a `.` `/` `-` date, read in the settings' order. */
function fromDayMonth(raw: string, part1: number, part2: number, year: number, separator: string, timeOk: boolean, opts: DateOptions): Parsed<IsoDate> {
  const dmy = opts.dateOrder === 'dmy';
  const day = dmy ? part1 : part2;
  const month = dmy ? part2 : part1;
  if (timeOk && isRealDate(year, month, day)) return { ok: true, value: isoDate(year, month, day) };
  const order = dmy ? `day${separator}month${separator}year` : `month${separator}day${separator}year`;
  const orderMessage = `expected a date (${order}), got ${quoteValue(raw)}`;
  if (!timeOk) return { ok: false, message: `${orderMessage} (no such time)` };
  if (isRealDate(year, day, month)) {
    return { ok: false, message: `${orderMessage}; is the setting dateOrder ("${opts.dateOrder}") right for this export?` };
  }
  return { ok: false, message: `${orderMessage} (no such day)` };
}
