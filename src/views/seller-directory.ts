/**
 * The sellers directory: everyone in the report, by team and then by name, `SELLERS_PER_PAGE` to a
 * page, so that no page grows with the export (at about 640 sellers one page would pass the page
 * budget). The first page is /<lang>/sellers/, the next /<lang>/sellers/page/2/ and on.
 */
import type { Locale } from '../i18n/index.ts';
import type { SellerEntry } from '../report/site-model.ts';

const SELLERS_PER_PAGE = 100;

export interface DirectoryPage {
  sellers: SellerEntry[];
  page: number;
  pages: number;
  /** 1-based positions of the page's first and last seller in the whole directory. */
  first: number;
  last: number;
  total: number;
}

/** How many pages the directory of `count` people takes (one, however few). */
export function directoryPageCount(count: number): number {
  return Math.max(1, Math.ceil(count / SELLERS_PER_PAGE));
}

/** Page `page` (1-based) of the directory in `locale`'s order; undefined past the last page. */
export function directoryPage(sellers: readonly SellerEntry[], locale: Locale, page: number): DirectoryPage | undefined {
  const pages = directoryPageCount(sellers.length);
  if (!Number.isInteger(page) || page < 1 || page > pages) return undefined;
  const sorted = [...sellers].sort((a, b) => a.teamName.localeCompare(b.teamName, locale) || a.person.name.localeCompare(b.person.name, locale));
  const start = (page - 1) * SELLERS_PER_PAGE;
  const onPage = sorted.slice(start, start + SELLERS_PER_PAGE);
  return { sellers: onPage, page, pages, first: start + 1, last: start + onPage.length, total: sellers.length };
}
