import { t } from '../i18n/index.ts';
import type { ColumnDef } from './build-table.ts';
import type { Fmt } from './format-context.ts';

/**
 * The link from a deal to its record in the CRM, from the optional `crmDealUrl` setting
 * (`https://crm.example.com/deals/{id}`). The id is URL-encoded; anything that does not come out
 * as an http(s) address gives no link (export data never reaches an `href` unchecked).
 */
export function crmDealHref(template: string | null | undefined, id: string): string | undefined {
  if (!template || !template.includes('{id}') || id === '') return undefined;
  const href = template.split('{id}').join(encodeURIComponent(id));
  let url: URL;
  try {
    url = new URL(href);
  } catch {
    return undefined;
  }
  return url.protocol === 'https:' || url.protocol === 'http:' ? url.href : undefined;
}

/**
 * The deal column of every table that lists deals: the deal's name, linked to its CRM record when
 * the setting gives an address, and (then) the address as a `crm_url` column of the CSV download.
 * Every deal table takes its deal column from here, so none can leave the link out.
 */
export function dealColumns<T>(f: Fmt, deal: (row: T) => { id: string; name: string }): ColumnDef<T>[] {
  const href = (row: T) => crmDealHref(f.crmDealUrl, deal(row).id);
  const hint = t(f.locale, 'table.crmLinks');
  const name: ColumnDef<T> = {
    label: t(f.locale, 'common.deal'),
    key: 'deal',
    show: (row) => deal(row).name,
    raw: (row) => deal(row).name,
  };
  if (!f.crmDealUrl) return [name];
  const link = (row: T) => {
    const url = href(row);
    return url === undefined ? undefined : { href: url, external: { hint } };
  };
  return [
    { ...name, link },
    { label: 'CRM', key: 'crm_url', csvOnly: true, show: () => '', raw: (row) => href(row) ?? '' },
  ];
}

/**
 * The CRM record of a data-quality issue about a deal: an issue located in a file the deals were
 * read from (`dealFiles`: deals.csv, or a CRM export standing in for it such as Salesforce's
 * Opportunity.csv or HubSpot's deals export) names the deal's id as its `recordId`; issues about
 * accounts, activities or targets, and whole-file issues, have no deal to open.
 */
export function issueDealHref(
  template: string | null | undefined,
  dealFiles: ReadonlySet<string>,
  issue: { file: string; recordId?: string },
): string | undefined {
  if (issue.recordId === undefined || !dealFiles.has(issue.file)) return undefined;
  return crmDealHref(template, issue.recordId);
}
