/**
 * The full issue lists behind the data-quality summary: one list per rule (checks and rejected
 * rows) and one per owner (the seller's own check issues), each cut into pages of
 * `ISSUES_PER_PAGE` with stable addresses, so no page grows with the export. Built in one pass.
 *
 * Addresses (routes.ts): `/{lang}/quality/rules/{rule-slug}/`, `/{lang}/quality/owners/{person-slug}/`,
 * page n ≥ 2 below them as `{n}/`. The CSV of a list holds every issue of the list.
 */
import { addTo } from '../model/group-by.ts';
import type { PublishedIssue, Report } from '../report/site-model.ts';

/** Rows per list page: a page stays far below the page-weight budget (about 500 bytes a row). */
export const ISSUES_PER_PAGE = 100;

export type ListKind = 'rule' | 'owner';

export interface IssueList {
  kind: ListKind;
  /** Address segment: the rule slug or the person slug. */
  slug: string;
  /** The rule code, or the owner's person id. */
  key: string;
  /** The owner's name (owner lists only). */
  name?: string;
  issues: PublishedIssue[];
}

/** `PastCloseDate` → `past-close-date`: a rule code as an address segment (codes are permanent). */
export function ruleSlug(code: string): string {
  return code
    .replace(/([a-z0-9])([A-Z])/g, '$1-$2')
    .replace(/([A-Z])([A-Z][a-z])/g, '$1-$2')
    .toLowerCase()
    .replace(/[^a-z0-9-]+/g, '-');
}

/**
 * Lists per rule (in order of first appearance: rejected rows first) and per owner, sorted by
 * slug: every owner of a check issue and every seller, so a seller's list exists (maybe empty)
 * and a link to it from the seller's page never breaks.
 */
function buildLists(report: Report): IssueList[] {
  const byRule = new Map<string, PublishedIssue[]>();
  for (const issue of report.rejected) addTo(byRule, issue.code, issue);
  for (const issue of report.quality.issues) addTo(byRule, issue.code, issue);
  const byOwner = new Map<string, PublishedIssue[]>();
  const person = new Map<string, { slug: string; name: string }>();
  for (const seller of report.sellers ?? []) {
    byOwner.set(seller.person.id, []);
    person.set(seller.person.id, seller.person);
  }
  for (const issue of report.quality.issues) {
    // An owner who cannot be named (initials only, not in users.csv) has no address of their own;
    // their issues stay in the rule lists.
    if (!issue.owner || !issue.owner.slug) continue;
    addTo(byOwner, issue.owner.id, issue);
    person.set(issue.owner.id, issue.owner);
  }
  const rules = [...byRule].map(([code, issues]): IssueList => ({ kind: 'rule', slug: ruleSlug(code), key: code, issues }));
  const owners = [...byOwner]
    .map(([id, issues]): IssueList => ({ kind: 'owner', slug: person.get(id)!.slug, key: id, name: person.get(id)!.name, issues }))
    .sort((a, b) => (a.slug < b.slug ? -1 : a.slug > b.slug ? 1 : 0));
  return [...rules, ...owners];
}

const memo = new WeakMap<Report, IssueList[]>();

/** Every issue list of the report, computed once per report. */
export function issueLists(report: Report): IssueList[] {
  let lists = memo.get(report);
  if (!lists) {
    lists = buildLists(report);
    memo.set(report, lists);
  }
  return lists;
}

export function findList(report: Report, kind: ListKind, slug: string): IssueList | undefined {
  return issueLists(report).find((list) => list.kind === kind && list.slug === slug);
}

/** Number of pages of a list; an empty list still has its one (empty) page. */
export function pageCount(list: Pick<IssueList, 'issues'>, perPage = ISSUES_PER_PAGE): number {
  return Math.max(1, Math.ceil(list.issues.length / perPage));
}

export interface ListPage {
  list: IssueList;
  /** 1-based. */
  page: number;
  pages: number;
  /** 1-based position of the first and last issue shown. */
  first: number;
  last: number;
  issues: PublishedIssue[];
}

/** Page `page` (1-based) of a list; undefined outside 1..pageCount. */
export function listPage(list: IssueList, page: number, perPage = ISSUES_PER_PAGE): ListPage | undefined {
  const pages = pageCount(list, perPage);
  if (!Number.isInteger(page) || page < 1 || page > pages) return undefined;
  const start = (page - 1) * perPage;
  const issues = list.issues.slice(start, start + perPage);
  return { list, page, pages, first: issues.length ? start + 1 : 0, last: start + issues.length, issues };
}

/** The `[...page]` route parameter of page n: none for the first page, `"n"` after it. */
export function pageParam(page: number): string | undefined {
  return page === 1 ? undefined : String(page);
}

/** Every (list, page) pair, for getStaticPaths. */
export function allListPages(report: Report, kind: ListKind): { slug: string; page: number }[] {
  return issueLists(report)
    .filter((list) => list.kind === kind)
    .flatMap((list) => Array.from({ length: pageCount(list) }, (_, i) => ({ slug: list.slug, page: i + 1 })));
}
