/** What every page needs from the build: the report, the routes under the configured base path. */
import { isLocale, type Locale } from '../i18n/index.ts';
import type { Currency } from '../format/index.ts';
import { issueDealHref } from './crm-link.ts';
import { fmt, type Fmt, type PageLinks } from './format-context.ts';
import { routes, type Routes } from './routes.ts';
import { periodKeys, siteModel } from './site-model-file.ts';
import { stageAnchor, stageSlugs } from './stage-lists.ts';
import type { Report } from '../report/site-model.ts';

export interface PageContext {
  report: Report;
  routes: Routes;
  locale: Locale;
  f: Fmt;
  /** The CRM record of a data-quality issue about a deal, when the setting gives an address. */
  issueHref: (issue: { file: string; recordId?: string }) => string | undefined;
}

let dealFiles: ReadonlySet<string> | undefined;

export function pageContext(lang: string | undefined, base: string): PageContext {
  if (!lang || !isLocale(lang)) throw new Error(`unknown language "${lang}"`);
  const model = siteModel();
  const { report } = model;
  const r = routes(base);
  const f = fmt(lang, report.meta.currency as Currency, report.meetings.crmDealUrl);
  dealFiles ??= new Set(model.dealFiles);
  const files = dealFiles;
  const issueHref = (issue: { file: string; recordId?: string }) => issueDealHref(report.meetings.crmDealUrl, files, issue);
  return { report, routes: r, locale: lang, f: { ...f, links: pageLinks(report, r, lang) }, issueHref };
}

/** Chart links of a page: only to months and weeks that have a page of their own. */
function pageLinks(report: Report, r: Routes, locale: Locale): PageLinks {
  const months = new Set(periodKeys().months);
  // The company's stages, in the order the pipeline page's stage lists take their anchors from.
  const stages = report.company.pipeline.weighted.stages;
  const slugs = stageSlugs(stages.map((s) => s.stageId));
  const withDeals = new Set(stages.filter((s) => s.count > 0).map((s) => s.stageId));
  const weeks = new Set(periodKeys().weeks);
  return {
    month: (month) => (months.has(month) ? r.month(locale, month) : undefined),
    week: (week) => (weeks.has(week) ? r.week(locale, week) : undefined),
    team: (id) => {
      const slug = report.teams.find((x) => x.id === id)?.slug;
      return slug ? r.team(locale, slug) : undefined;
    },
    seller: (slug) => r.seller(locale, slug),
    stage: (stageId) => (withDeals.has(stageId) ? `${r.section(locale, 'pipeline')}#${stageAnchor(slugs.get(stageId)!)}` : undefined),
    teamStage: (scope, stageId) => (slugs.has(stageId) ? `#${stageAnchor(slugs.get(stageId)!, scope)}` : undefined),
  };
}
