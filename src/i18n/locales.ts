/**
 * The site's languages and the Intl locale each one formats with. Kept apart from the
 * messages so that `src/format/` can use it without loading any translations.
 */

export const LOCALES = ['sv', 'da', 'en'] as const;
export type Locale = (typeof LOCALES)[number];

/** BCP 47 tag for Intl: Swedish and Danish as written in Sweden and Denmark, British English. */
export const INTL_LOCALE: Record<Locale, string> = {
  sv: 'sv-SE',
  da: 'da-DK',
  en: 'en-GB',
};

/** Each language's name in itself, for the language switch. */
export const AUTONYMS: Record<Locale, string> = {
  sv: 'Svenska',
  da: 'Dansk',
  en: 'English',
};

export function isLocale(value: string): value is Locale {
  return (LOCALES as readonly string[]).includes(value);
}
