/**
 * Numbers as CRM exports write them: `1234567.50`, `1 234 567,50` (space, no-break space
 * U+00A0, narrow no-break space U+202F or thin space as thousands), `1.234.567,50`,
 * `1,234,567.50`, `1234567,50`, a leading `-`, `−` (U+2212) or `+`, a currency before or after
 * (an upper-case ISO code such as `SEK`, `kr`, `kr.`, `€`, `$`, `£`), and the whole-units
 * suffixes `:-` (`1 500:-`) and `,-` (`1.500,-`): with them there are no decimals, so `.` and
 * spaces can only be thousands separators.
 *
 * Which separator is the decimal one, without any setting:
 * 1. Both `.` and `,` appear: the last one is the decimal separator and must appear once; the
 *    other is the thousands separator (`1.234.567,50`, `1,234,567.50`).
 * 2. Spaces appear: they are thousands separators; a single `.` or `,` is the decimal one.
 * 3. Only one kind appears, more than once: thousands (`1.234.567`).
 * 4. Only one kind appears, once: decimal (`1234,5`, `0,125`, `12.50`) — EXCEPT when it has
 *    exactly 3 digits after it and 1-3 digits before it not starting with 0 (`1,234`, `12.500`):
 *    that reads both ways (1.234 or 1234), so it is rejected as ambiguous unless the caller
 *    says which separator is decimal (`opts.decimalSeparator`, e.g. from the column's other
 *    values or the settings).
 * Thousands groups must be 3 digits (after a first group of 1-3). Everything else (`12,3,4`,
 * `1.2.3,4.5`, `1e5`, `12 %`, `(100)`, `abc`, empty) is rejected: `expected a number, got "…"`.
 */
import { quoteValue } from './parsed.ts';
import type { Parsed } from './parsed.ts';

export type DecimalSeparator = ',' | '.';

export interface NumberOptions {
  /** Resolves values that read two ways (`1,234`); unambiguous values are read as written. */
  decimalSeparator?: DecimalSeparator;
}

const PLAIN = /^-?\d+(?:\.\d+)?$/;
/** `12.500`: plain-looking, but rule 4 makes it ambiguous. */
const AMBIGUOUS_DOT = /^-?[1-9]\d{0,2}\.\d{3}$/;
const CURRENCY = String.raw`(?:[A-Z]{3}|[Kk][Rr]\.?|[€$£])`;
/** Sign and/or currency before the digits (always matches, maybe nothing). */
const PREFIX = new RegExp(String.raw`^([-+\u2212]?)[ \u00a0\u202f\u2009]*(?:${CURRENCY}[ \u00a0\u202f\u2009]*)?([-+\u2212]?)[ \u00a0\u202f\u2009]*`);
/** Whole-units suffix and/or currency after the digits. */
const SUFFIX = new RegExp(String.raw`[ \u00a0\u202f\u2009]*(:-|,-)?[ \u00a0\u202f\u2009]*${CURRENCY}?$`);

type Thousands = 'space' | ',' | '.' | undefined;

function fail(raw: string, detail = ''): Parsed<number> {
  return { ok: false, message: `expected a number, got ${quoteValue(raw)}${detail}` };
}

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

/**
 * The value of a text of 1 to 15 ASCII digits and nothing else (what `parseNumber` and
 * `parseInteger` give it), else undefined: most number cells, read without building a result.
 */
export function plainDigits(text: string): number | undefined {
  if (text.length === 0 || text.length > 15) return undefined;
  for (let i = 0; i < text.length; i++) if (!isDigit(text.charCodeAt(i))) return undefined;
  return Number(text);
}

/** Space, no-break space, narrow no-break space, thin space. */
function isSpace(c: number): boolean {
  return c === 32 || c === 0xa0 || c === 0x202f || c === 0x2009;
}

/** The separators of a number's body: how many of each kind, and where the last `,` and `.` are. */
interface Separators {
  commas: number;
  dots: number;
  spaces: number;
  lastComma: number;
  lastDot: number;
}

/** Counts `body`'s separators; undefined for any other character, or a leading, trailing or doubled separator. */
function countSeparators(body: string): Separators | undefined {
  const found: Separators = { commas: 0, dots: 0, spaces: 0, lastComma: -1, lastDot: -1 };
  let afterSeparator = true; // rejects a leading, trailing or doubled separator
  for (let i = 0; i < body.length; i++) {
    const c = body.charCodeAt(i);
    if (isDigit(c)) {
      afterSeparator = false;
      continue;
    }
    if (afterSeparator) return undefined;
    afterSeparator = true;
    if (c === 44) {
      found.commas++;
      found.lastComma = i;
    } else if (c === 46) {
      found.dots++;
      found.lastDot = i;
    } else if (isSpace(c)) {
      found.spaces++;
    } else {
      return undefined;
    }
  }
  return afterSeparator ? undefined : found;
}

/** Where the decimal separator is (-1: none) and which separator groups thousands. */
interface Reading {
  decimalAt: number;
  thousands: Thousands;
}

/** The rules of the header comment applied to the separators found; 'ambiguous' for rule 4's exception. */
function readSeparators(body: string, found: Separators, decimalHint: DecimalSeparator | undefined, wholeUnits: boolean): Reading | 'ambiguous' | undefined {
  const { commas, dots, spaces, lastComma, lastDot } = found;
  let decimalAt = -1;
  let thousands: Thousands = spaces > 0 ? 'space' : undefined;
  if (wholeUnits) {
    // `1.500,-`: no decimals; `.` and spaces can only be thousands separators.
    if (commas > 0 || (dots > 0 && spaces > 0)) return undefined;
    if (dots > 0) thousands = '.';
  } else if (commas > 0 && dots > 0) {
    if (spaces > 0) return undefined;
    const decimalIsComma = lastComma > lastDot;
    if ((decimalIsComma ? commas : dots) !== 1) return undefined;
    decimalAt = decimalIsComma ? lastComma : lastDot;
    thousands = decimalIsComma ? '.' : ',';
  } else if (commas > 0 || dots > 0) {
    const separator: DecimalSeparator = commas > 0 ? ',' : '.';
    const at = commas > 0 ? lastComma : lastDot;
    const count = commas + dots;
    if (spaces > 0) {
      if (count !== 1) return undefined;
      decimalAt = at;
    } else if (count > 1) {
      thousands = separator;
    } else if (body.length - at - 1 === 3 && at <= 3 && body.charCodeAt(0) !== 48) {
      // `1,234` / `12.500`: decimal or thousands?
      if (decimalHint === undefined) return 'ambiguous';
      if (decimalHint === separator) decimalAt = at;
      else thousands = separator;
    } else {
      decimalAt = at;
    }
  }
  return { decimalAt, thousands };
}

/** The body as `1234.5` text once its separators are known; undefined when a thousands group or the fraction is wrong. */
function joinDigits(body: string, { decimalAt, thousands }: Reading): string | undefined {
  const intEnd = decimalAt === -1 ? body.length : decimalAt;
  let digits = '';
  let groupStart = 0;
  for (let i = 0; i < intEnd; i++) {
    const c = body.charCodeAt(i);
    if (isDigit(c)) continue;
    const isThousands = thousands === 'space' ? isSpace(c) : thousands === ',' ? c === 44 : thousands === '.' ? c === 46 : false;
    if (!isThousands) return undefined;
    const groupLength = i - groupStart;
    if (groupStart === 0 ? groupLength > 3 || body.charCodeAt(0) === 48 : groupLength !== 3) return undefined;
    digits += body.slice(groupStart, i);
    groupStart = i + 1;
  }
  if (groupStart > 0 && intEnd - groupStart !== 3) return undefined;
  digits += body.slice(groupStart, intEnd);
  if (decimalAt === -1) return digits;
  const fraction = body.slice(decimalAt + 1);
  for (let i = 0; i < fraction.length; i++) if (!isDigit(fraction.charCodeAt(i))) return undefined;
  return `${digits}.${fraction}`;
}

/**
 * The number `body` (digits and separators only) stands for, as `1234.5` text; 'ambiguous'
 * for rule 4's exception; undefined when unreadable. One pass to count, one to check groups.
 */
function readBody(body: string, decimalHint: DecimalSeparator | undefined, wholeUnits: boolean): string | 'ambiguous' | undefined {
  const found = countSeparators(body);
  if (found === undefined) return undefined;
  const reading = readSeparators(body, found, decimalHint, wholeUnits);
  if (reading === undefined || reading === 'ambiguous') return reading;
  return joinDigits(body, reading);
}

export function parseNumber(raw: string, opts: NumberOptions = {}): Parsed<number> {
  const text = raw.trim();
  if (PLAIN.test(text) && !AMBIGUOUS_DOT.test(text)) {
    const value = Number(text);
    return { ok: true, value: value === 0 ? 0 : value };
  }
  let from = 0;
  let to = text.length;
  let sign = '';
  if (!isDigit(text.charCodeAt(0))) {
    const prefix = PREFIX.exec(text) as RegExpExecArray; // always matches
    const [whole, signBefore = '', signAfter = ''] = prefix;
    if (signBefore && signAfter) return fail(raw);
    sign = signBefore || signAfter;
    from = whole.length;
  }
  let suffix: string | undefined;
  if (!isDigit(text.charCodeAt(to - 1))) {
    const match = SUFFIX.exec(text.slice(from)) as RegExpExecArray; // always matches
    suffix = match[1];
    to -= match[0].length;
  }
  const body = text.slice(from, to);
  const digits = readBody(body, opts.decimalSeparator, suffix !== undefined);
  if (digits === 'ambiguous') {
    const [whole, fraction] = body.split(/[.,]/);
    return fail(raw, ` (ambiguous: ${whole}.${fraction} or ${whole}${fraction})`);
  }
  if (digits === undefined) return fail(raw);
  const value = Number(digits) * (sign === '-' || sign === '\u2212' ? -1 : 1);
  return { ok: true, value: value === 0 ? 0 : value };
}

/** A whole number (counts, minutes, months); `12,00` is 12, `1,5` is rejected. */
export function parseInteger(raw: string, opts: NumberOptions = {}): Parsed<number> {
  const parsed = parseNumber(raw, opts);
  if (!parsed.ok) return { ok: false, message: parsed.message.replace('expected a number', 'expected a whole number') };
  if (!Number.isSafeInteger(parsed.value)) return { ok: false, message: `expected a whole number, got ${quoteValue(raw)}` };
  return parsed;
}
