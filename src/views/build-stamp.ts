/**
 * The line every page carries about its own age: when the site was built and how old the export
 * was, and a prominent warning when the export is stale (src/quality/freshness.ts) or when the
 * last nightly run failed (the nightly run writes that warning into the pages it kept, at the
 * `data-nightly-status` element of the layout; src/nightly/failure-notice.ts).
 */
import { INTL_LOCALE, t, tn, type Locale } from '../i18n/index.ts';
import { formatDate } from '../format/date.ts';
import type { Freshness } from '../quality/freshness.ts';

export interface BuildStamp {
  /** "Built 7 Dec 2026, 02:31 from an export with data through 5 December 2026 (2 days old)." */
  line: string;
  /** Shown prominently when the export is stale. */
  staleWarning?: string;
  /** The build time (ISO), kept on the page for the nightly run's failure notice. */
  builtAt: string;
}

/** A moment as "7 dec. 2026 02:31" in the report's time zone. */
export function formatBuiltAt(iso: string, locale: Locale, timeZone: string): string {
  return new Intl.DateTimeFormat(INTL_LOCALE[locale], { dateStyle: 'medium', timeStyle: 'short', timeZone }).format(new Date(iso));
}

export function buildStamp(locale: Locale, builtAt: string, timeZone: string, freshness: Freshness | undefined): BuildStamp {
  const built = formatBuiltAt(builtAt, locale, timeZone);
  if (!freshness || freshness.dataThrough === null || freshness.ageDays === null) return { line: t(locale, 'site.builtAt', { built }), builtAt };
  const through = formatDate(freshness.dataThrough, locale);
  const age = tn(locale, 'unit.days', freshness.ageDays);
  return {
    line: t(locale, 'site.builtFrom', { built, through, age }),
    staleWarning: freshness.stale
      ? t(locale, 'site.exportStale', { through, age, asOf: formatDate(freshness.asOf, locale), limit: tn(locale, 'unit.days', freshness.limitDays) })
      : undefined,
    builtAt,
  };
}
