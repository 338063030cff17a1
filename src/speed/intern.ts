/**
 * Keeping millions of records small. The CSV parser hands out cells as slices of its chunk text,
 * so a kept cell would keep its whole chunk alive; and the same owner, account or date text
 * repeats on most rows. `own` copies a cell out of its chunk; `interner` returns one shared copy
 * per distinct text.
 */
import { FingerprintTable } from './fingerprint-table.ts';

/** V8 copies substrings shorter than this instead of slicing them. */
const SLICE_MIN_LENGTH = 13;

/** A copy of `text` that does not keep the text it was cut from alive. */
export function own(text: string): string {
  return text.length < SLICE_MIN_LENGTH ? text : (' ' + text).slice(1);
}

/** Distinct texts one interner keeps; past this it only copies (no unbounded growth). */
const MAX_INTERNED = 1_000_000;

/** One shared copy per distinct text. */
export function interner(): (text: string) => string {
  const seen = new FingerprintTable();
  return (text) => (seen.size < MAX_INTERNED ? seen.intern(text, own) : (seen.get(text) ?? own(text)));
}

/** `intern(text)` for a present value, undefined stays undefined. */
export function optionalText(intern: (text: string) => string, text: string | undefined): string | undefined {
  return text === undefined ? undefined : intern(text);
}

/**
 * `read`, remembering the text of the call before and what it gave: a column often repeats its
 * text on the next row (a currency, the date of a log in date order). The text is kept as a copy
 * (`own`), so no parser chunk stays alive with it.
 */
export function rememberLast<T>(read: (text: string) => T): (text: string) => T {
  let lastText: string | undefined;
  let lastValue!: T;
  return (text) => {
    if (text !== lastText) {
      lastValue = read(text);
      lastText = own(text);
    }
    return lastValue;
  };
}
