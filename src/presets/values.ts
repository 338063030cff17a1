/**
 * Small value conversions CRM exports need before the canonical cell readers see them: Salesforce
 * empty lookups and 0/1 booleans, zone-less UTC timestamps, durations in milliseconds or `01:30`,
 * multi-value association cells, currency names. Each returns `undefined` for "nothing".
 */
import { parseNumber } from '../ingest/parse-number.ts';

/** `''` and `undefined` are nothing. */
export function present(value: string | undefined): string | undefined {
  return value === undefined || value.trim() === '' ? undefined : value.trim();
}

/** The first non-empty value of a list cell (`123;456`, `Anna, Bo`). */
export function firstOf(value: string | undefined, separators = /[;,]/): string | undefined {
  if (value === undefined) return undefined;
  for (const part of value.split(separators)) {
    const text = part.trim();
    if (text) return text;
  }
  return undefined;
}

/** The first argument that is not empty. */
export function either(...values: (string | undefined)[]): string | undefined {
  for (const value of values) {
    const text = present(value);
    if (text !== undefined) return text;
  }
  return undefined;
}

/** Salesforce writes an empty lookup as fifteen zeros (plus `AAA` in the 18-character form). */
export function salesforceId(value: string | undefined): string | undefined {
  const text = present(value);
  return text === undefined || /^0{15}(?:AAA)?$/.test(text) ? undefined : text;
}

const TRUE_VALUES = new Set(['1', 'true', 'on', 'yes', 'y', 'x', 'ja', 'sant', 'done', 'klar', 'utförd', 'udført', 'færdig', 'gjort']);

/** A boolean cell as CRMs write it: `1`, `true`, `Yes`, `Done`, Swedish and Danish words. */
export function isTrue(value: string | undefined): boolean {
  return TRUE_VALUES.has((value ?? '').trim().toLowerCase());
}

/** A zone-less timestamp the export documents as UTC gets its `Z`; dates stay as they are. */
export function utcStamp(value: string | undefined): string | undefined {
  const text = present(value);
  if (text === undefined) return undefined;
  return /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?$/.test(text) ? `${text}Z` : text;
}

function round2(n: number): string {
  return String(Math.round(n * 100) / 100);
}

/** `H:MM` or `H:MM:SS` as minutes; undefined when the value has another shape. */
function clockMinutes(text: string): number | undefined {
  const match = /^(\d{1,3}):([0-5]\d)(?::([0-5]\d))?$/.exec(text);
  if (!match) return undefined;
  return Number(match[1]) * 60 + Number(match[2]) + Number(match[3] ?? 0) / 60;
}

/** HubSpot's call duration: milliseconds (or `0:05:32` when formatted) → minutes. */
export function minutesFromMilliseconds(value: string | undefined): string | undefined {
  const text = present(value);
  if (text === undefined) return undefined;
  const clock = clockMinutes(text);
  if (clock !== undefined) return round2(clock);
  const parsed = parseNumber(text, { decimalSeparator: '.' });
  return parsed.ok ? round2(parsed.value / 60000) : text;
}

/** Seconds → minutes (Salesforce `CallDurationInSeconds`). */
export function minutesFromSeconds(value: string | undefined): string | undefined {
  const text = present(value);
  if (text === undefined) return undefined;
  const parsed = parseNumber(text, { decimalSeparator: '.' });
  return parsed.ok ? round2(parsed.value / 60) : text;
}

/** Pipedrive's duration `01:30` (hours:minutes) or a plain number of minutes → minutes. */
export function minutesFromClock(value: string | undefined): string | undefined {
  const text = present(value);
  if (text === undefined) return undefined;
  const clock = clockMinutes(text);
  return clock === undefined ? text : round2(clock);
}

/** Minutes between two local timestamps `2026-11-20 14:00` (HubSpot meeting start and end). */
export function minutesBetween(start: string | undefined, end: string | undefined): string | undefined {
  const at = (text: string | undefined) => {
    const match = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})/.exec(text ?? '');
    return match ? Date.UTC(+match[1]!, +match[2]! - 1, +match[3]!, +match[4]!, +match[5]!) : undefined;
  };
  const from = at(start);
  const to = at(end);
  return from === undefined || to === undefined || to < from ? undefined : String((to - from) / 60000);
}

/** An ISO currency code from `SEK`, `Swedish Krona (SEK)` or `sek`. */
export function currencyCode(value: string | undefined): string | undefined {
  const text = present(value);
  if (text === undefined) return undefined;
  const code = /\b([A-Za-z]{3})\b\)?$/.exec(text);
  return code ? code[1]!.toUpperCase() : text;
}

/** `Anna` + `Berg` → `Anna Berg`. */
export function fullName(first: string | undefined, last: string | undefined): string | undefined {
  return present(
    [first, last]
      .map((part) => part?.trim() ?? '')
      .filter(Boolean)
      .join(' '),
  );
}

/** A number cell with a known decimal separator, rewritten so it reads one way only (`12.500` → `12.5`). */
export function withDecimal(value: string | undefined, decimalSeparator: ',' | '.'): string | undefined {
  const text = present(value);
  if (text === undefined) return value;
  const parsed = parseNumber(text, { decimalSeparator });
  if (!parsed.ok) return text;
  const written = String(parsed.value);
  // `1.234` would read two ways again; `1.2340` reads one way.
  return /^-?[1-9]\d{0,2}\.\d{3}$/.test(written) ? `${written}0` : written;
}
