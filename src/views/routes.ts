/**
 * Every address of the site, in one place. Addresses are stable: English path segments in
 * every language, ISO week and month labels, slugs from ids — so a link pasted into a meeting
 * invite keeps opening the same page after any number of nightly rebuilds. See docs/site.md.
 */
import type { Locale } from '../i18n/index.ts';

export type Section =
  'overview' | 'teams' | 'sellers' | 'channels' | 'targets' | 'pipeline' | 'funnel' | 'activities' | 'quality' | 'weeks' | 'months' | 'definitions';

/** Navigation order: the overview and the two meeting pages first, so they are reached on a phone too. */
export const SECTIONS: readonly Section[] = [
  'overview',
  'weeks',
  'months',
  'teams',
  'sellers',
  'targets',
  'pipeline',
  'channels',
  'funnel',
  'activities',
  'quality',
  'definitions',
];

export interface Routes {
  root(): string;
  section(locale: Locale, section: Section): string;
  team(locale: Locale, slug: string): string;
  seller(locale: Locale, slug: string): string;
  week(locale: Locale, week: string): string;
  month(locale: Locale, month: string): string;
  /** The funnel by source of one period: `last-12-months`, `fy2025`, `all`. */
  leadFunnel(locale: Locale, period: string): string;
  /** CSV downloads hold raw values with English headers, so one file serves every language. */
  csv(locale: Locale, id: string): string;
  definition(locale: Locale, id: string): string;
  /** A full data-quality list: a rule's issues or one owner's, page 1 at the list's own address. */
  qualityList(locale: Locale, kind: 'rule' | 'owner', slug: string, page?: number): string;
  /** Page `page` of the sellers directory: the sellers section, then /sellers/page/<n>/. */
  sellersPage(locale: Locale, page: number): string;
  reportJson(): string;
}

export function routes(base: string): Routes {
  const prefix = base.endsWith('/') ? base : `${base}/`;
  const section = (locale: Locale, name: Section) => (name === 'overview' ? `${prefix}${locale}/` : `${prefix}${locale}/${name}/`);
  return {
    root: () => prefix,
    section,
    team: (locale, slug) => `${prefix}${locale}/teams/${slug}/`,
    seller: (locale, slug) => `${prefix}${locale}/sellers/${slug}/`,
    week: (locale, week) => `${prefix}${locale}/weeks/${week.toLowerCase()}/`,
    month: (locale, month) => `${prefix}${locale}/months/${month}/`,
    leadFunnel: (locale, period) => `${prefix}${locale}/funnel/sources/${period}/`,
    csv: (_locale, id) => `${prefix}data/${id}.csv`,
    definition: (locale, id) => `${section(locale, 'definitions')}#${id}`,
    qualityList: (locale, kind, slug, page = 1) => `${section(locale, 'quality')}${kind === 'rule' ? 'rules' : 'owners'}/${slug}/${page > 1 ? `${page}/` : ''}`,
    sellersPage: (locale, page) => (page > 1 ? `${section(locale, 'sellers')}page/${page}/` : section(locale, 'sellers')),
    reportJson: () => `${prefix}report.json`,
  };
}
