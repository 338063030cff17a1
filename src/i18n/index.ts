/**
 * Translated UI strings: flat keys in en.json, sv.json and da.json. en.json defines the keys;
 * the schema below makes a missing or extra key, or a different `{placeholder}`, fail at import
 * (and so fail the build) instead of showing a key on the page.
 */
import { z } from 'zod';
import da from './da.json' with { type: 'json' };
import en from './en.json' with { type: 'json' };
import sv from './sv.json' with { type: 'json' };
import { INTL_LOCALE, type Locale } from './locales.ts';

export { AUTONYMS, INTL_LOCALE, isLocale, LOCALES, type Locale } from './locales.ts';

export type MessageKey = keyof typeof en;
export type Messages = Record<MessageKey, string>;
/** Keys of counted messages: `unit.days` for `unit.days.one` + `unit.days.other`. */
export type PluralKey = MessageKey extends infer K ? (K extends `${infer Base}.other` ? Base : never) : never;
export type Params = Record<string, string | number>;

const PLACEHOLDER = /\{(\w+)\}/g;

/** The sorted placeholder names of a message: `"{a} of {b}"` → `["a", "b"]`. */
export function placeholders(message: string): string[] {
  return [...new Set(Array.from(message.matchAll(PLACEHOLDER), (m) => m[1] ?? ''))].sort();
}

const keys = Object.keys(en) as MessageKey[];

/** Every key of en.json, a non-empty string with the same placeholders as in English. */
export const messagesSchema = z.strictObject(
  Object.fromEntries(
    keys.map((key) => {
      const expected = placeholders(en[key]).join(', ');
      const message = z
        .string()
        .trim()
        .min(1, 'expected a translation, got an empty string')
        .refine((value) => placeholders(value).join(', ') === expected, {
          message: `expected the placeholders {${expected}} as in en.json`,
        });
      return [key, message];
    }),
  ) as unknown as Record<MessageKey, z.ZodType<string>>,
);

/** Validates one language's messages; throws with every problem listed, file and key first. */
export function parseMessages(locale: Locale, raw: unknown): Messages {
  const result = messagesSchema.safeParse(raw);
  if (result.success) return result.data as Messages;
  const lines = result.error.issues.map((issue) => {
    const where = issue.path.length > 0 ? issue.path.join('.') : '(file)';
    return `  src/i18n/${locale}.json: ${where}: ${issue.message}`;
  });
  throw new Error(
    `Translations for "${locale}" do not match en.json:\n${lines.join('\n')}\n` +
      'Add, remove or fix these keys so that every language has exactly the keys of en.json.',
  );
}

const MESSAGES: Record<Locale, Messages> = {
  en: parseMessages('en', en),
  sv: parseMessages('sv', sv),
  da: parseMessages('da', da),
};

/** Whether `key` is a message of the catalogs (for keys built at run time, e.g. per rule code). */
export function isMessageKey(key: string): key is MessageKey {
  return Object.hasOwn(en, key);
}

/** The message `key` in `locale`, with `{name}` replaced from `params`. A missing param throws. */
export function t(locale: Locale, key: MessageKey, params?: Params): string {
  return interpolate(MESSAGES[locale][key], key, params);
}

/** A counted message: `tn('sv', 'unit.days', 3)` → `"3 dagar"`; `{count}` is formatted for the locale. */
export function tn(locale: Locale, key: PluralKey, count: number, params?: Params): string {
  const form = new Intl.PluralRules(INTL_LOCALE[locale]).select(count) === 'one' ? 'one' : 'other';
  const count_ = new Intl.NumberFormat(INTL_LOCALE[locale]).format(count);
  return t(locale, `${key}.${form}` as MessageKey, { count: count_, ...params });
}

function interpolate(message: string, key: string, params: Params | undefined): string {
  return message.replace(PLACEHOLDER, (_, name: string) => {
    const value = params?.[name];
    if (value === undefined) throw new Error(`t(): message "${key}" needs the parameter {${name}}`);
    return String(value);
  });
}
