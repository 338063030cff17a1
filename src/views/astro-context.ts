/** What every page needs from the build: the report, the routes under the configured base path. */
import { isLocale, type Locale } from '../i18n/index.ts';
import type { Currency } from '../format/index.ts';
import { fmt, type Fmt } from './format-context.ts';
import { routes, type Routes } from './routes.ts';
import { siteModel } from './site-model-file.ts';
import type { Report } from '../report/site-model.ts';

export interface PageContext {
  report: Report;
  routes: Routes;
  locale: Locale;
  f: Fmt;
}

export function pageContext(lang: string | undefined, base: string): PageContext {
  if (!lang || !isLocale(lang)) throw new Error(`unknown language "${lang}"`);
  const { report } = siteModel();
  return { report, routes: routes(base), locale: lang, f: fmt(lang, report.meta.currency as Currency) };
}
