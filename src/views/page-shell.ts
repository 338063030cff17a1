/**
 * The layout's props for a page: navigation with the current section marked, the same page in
 * the other languages, "data as of" and the row-accounting line from the report.
 */
import { LOCALES, t, type Locale, type MessageKey } from '../i18n/index.ts';
import type { Report } from '../report/site-model.ts';
import { fmt } from './format-context.ts';
import type { Routes, Section } from './routes.ts';
import { SECTIONS } from './routes.ts';
import type { Currency } from '../format/index.ts';
import { buildStamp } from './build-stamp.ts';
import { siteModel } from './site-model-file.ts';

const SECTION_KEY: Record<Section, MessageKey> = {
  overview: 'nav.overview',
  teams: 'nav.teams',
  sellers: 'nav.sellers',
  channels: 'nav.channels',
  targets: 'nav.targets',
  pipeline: 'nav.pipeline',
  funnel: 'nav.funnel',
  activities: 'nav.activities',
  quality: 'nav.quality',
  weeks: 'nav.weekly',
  months: 'nav.monthly',
  definitions: 'common.definitions',
};

export function sectionLabel(locale: Locale, section: Section): string {
  return t(locale, SECTION_KEY[section]);
}

export interface ShellInput {
  report: Report;
  routes: Routes;
  locale: Locale;
  section: Section;
  /** This page in another language. */
  pathIn: (locale: Locale) => string;
  /** True on the section's own page, false on a page below it (a seller under Sellers). */
  isSectionPage?: boolean;
}

export function shellProps({ report, routes, locale, section, pathIn, isSectionPage = true }: ShellInput) {
  const f = fmt(locale, report.meta.currency as Currency, report.meetings.crmDealUrl);
  const read = report.files.reduce((sum, file) => sum + file.read, 0);
  const accepted = report.files.reduce((sum, file) => sum + file.accepted, 0);
  return {
    locale,
    company: report.meta.company,
    homeHref: routes.section(locale, 'overview'),
    nav: SECTIONS.map((s) => ({
      href: routes.section(locale, s),
      label: sectionLabel(locale, s),
      current: s === section ? (isSectionPage ? ('page' as const) : ('section' as const)) : undefined,
    })),
    alternates: LOCALES.map((l) => ({ locale: l, href: pathIn(l) })),
    dataAsOf: f.date(report.meta.asOf),
    rowsLine: t(locale, 'site.rowsAccounted', { read: f.number(read), accepted: f.number(accepted), rejected: f.number(read - accepted) }),
    qualityHref: routes.section(locale, 'quality'),
    // TAVLA_BUILT_AT is set by scripts/build.ts for the whole render, so every page says the same.
    stamp: buildStamp(locale, process.env.TAVLA_BUILT_AT ?? new Date(0).toISOString(), report.meta.timeZone, siteModel().freshness),
  };
}

/** `getStaticPaths` entries for every language. */
export function localePaths() {
  return LOCALES.map((lang) => ({ params: { lang } }));
}
