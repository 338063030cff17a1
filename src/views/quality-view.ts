/**
 * The data-quality page: every row accounted for, a summary per rule (count, share, who fixes
 * it, a few examples, the fix) and the score per owner. The full lists are their own paged pages
 * (quality-lists.ts) and CSV downloads with every row, so the page keeps its size for any export.
 */
import { t, tn } from '../i18n/index.ts';
import type { FileAccount } from '../core/file-account.ts';
import type { PublishedIssue, Report } from '../report/site-model.ts';
import { buildTable, type ColumnDef } from './build-table.ts';
import type { Fmt } from './format-context.ts';
import { issueLists, type IssueList } from './quality-lists.ts';
import { issueText, ruleHint, ruleTitle } from './quality-texts.ts';
import type { ViewTable } from './table.ts';
import { qualityTrendTable } from './history-view.ts';
import { issueDealHref } from './crm-link.ts';

/** Examples shown per rule on the summary page. */
export const EXAMPLES_PER_RULE = 3;
/** Owners named per rule on the summary page; the rest are counted. */
export const OWNERS_PER_RULE = 5;

const SEVERITY_ORDER = { error: 0, warning: 1, info: 2 } as const;

export interface OwnerCount {
  name: string;
  slug: string;
  count: number;
}

export interface RuleSummary {
  code: string;
  slug: string;
  /** `rejection`: the rows were not used; `check`: the rows were used and the issue is shown. */
  kind: 'rejection' | 'check';
  severity: PublishedIssue['severity'];
  count: number;
  /** count / all issues on the page (rejected-row issues + check issues). */
  share: number;
  /** The owners with most issues of the rule, most first (then by name). */
  owners: OwnerCount[];
  /** Owners with issues of the rule that are not in `owners`. */
  moreOwners: number;
  /** Issues of the rule without an owner. */
  unowned: number;
  examples: PublishedIssue[];
}

function ownerCounts(issues: readonly PublishedIssue[]): { owners: OwnerCount[]; unowned: number } {
  const counts = new Map<string, OwnerCount>();
  let unowned = 0;
  for (const issue of issues) {
    if (!issue.owner) {
      unowned++;
      continue;
    }
    const entry = counts.get(issue.owner.id) ?? { name: issue.owner.name, slug: issue.owner.slug, count: 0 };
    entry.count++;
    counts.set(issue.owner.id, entry);
  }
  const owners = [...counts.values()].sort((a, b) => b.count - a.count || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  return { owners, unowned };
}

/** One summary per rule with issues: errors first, then warnings, then info; most issues first. */
export function ruleSummaries(report: Report): RuleSummary[] {
  const total = report.rejected.length + report.quality.issues.length;
  const rejectedCodes = new Set(report.rejected.map((issue) => issue.code));
  return issueLists(report)
    .filter((list): list is IssueList => list.kind === 'rule')
    .map((list): RuleSummary => {
      const { owners, unowned } = ownerCounts(list.issues);
      const first = list.issues[0]!;
      return {
        code: list.key,
        slug: list.slug,
        kind: rejectedCodes.has(list.key) ? 'rejection' : 'check',
        severity: first.severity,
        count: list.issues.length,
        share: list.issues.length / total,
        owners: owners.slice(0, OWNERS_PER_RULE),
        moreOwners: Math.max(0, owners.length - OWNERS_PER_RULE),
        unowned,
        examples: list.issues.slice(0, EXAMPLES_PER_RULE),
      };
    })
    .sort((a, b) => SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] || b.count - a.count || (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
}

/** `deals.csv:42:7`; the line is left out for issues about a whole file. */
export function issueLocation(issue: Pick<PublishedIssue, 'file' | 'line' | 'column'>): string {
  return [issue.file, issue.line > 0 ? issue.line : null, issue.column ?? null].filter((x) => x !== null).join(':');
}

/**
 * Every issue of a list as a CSV (raw values, English rule texts so one file serves every
 * language); the page shows none of its rows (`pageRows: 0`): the paged list pages do. With the
 * `crmDealUrl` setting, a `crm_url` column holds the CRM address of each issue about a deal
 * (located in one of `dealFiles`), as the deal CSVs do.
 */
export function issueTable(
  id: string,
  title: string,
  issues: readonly PublishedIssue[],
  f: Fmt,
  description?: string,
  dealFiles: ReadonlySet<string> = new Set(),
): ViewTable {
  const { locale } = f;
  const crm: ColumnDef<PublishedIssue>[] = f.crmDealUrl
    ? [{ label: 'CRM', key: 'crm_url', csvOnly: true, show: () => '', raw: (i) => issueDealHref(f.crmDealUrl, dealFiles, i) ?? '' }]
    : [];
  return buildTable(
    { id, title: `${title} (${f.number(issues.length)})`, description, pageRows: 0 },
    [
      { label: t(locale, 'quality.file'), key: 'location', show: issueLocation, raw: issueLocation },
      { label: t(locale, 'quality.code'), key: 'code', show: (i) => ruleTitle(locale, i.code), raw: (i) => i.code },
      { label: t(locale, 'quality.record'), key: 'record', show: (i) => i.recordId ?? '', raw: (i) => i.recordId ?? '' },
      ...crm,
      { label: t(locale, 'quality.field'), key: 'field', show: (i) => i.field ?? '', raw: (i) => i.field ?? '' },
      { label: t(locale, 'quality.message'), key: 'message', show: (i) => issueText(locale, i), raw: (i) => i.message },
      { label: t(locale, 'quality.owner'), key: 'owner', show: (i) => i.owner?.name ?? t(locale, 'common.noOwner'), raw: (i) => i.owner?.name ?? '' },
      { label: t(locale, 'quality.hint'), key: 'hint', show: (i) => ruleHint(locale, i.code), raw: (i) => i.hint },
    ],
    issues,
  );
}

/** The CSV id of a full list: `quality-rule-past-close-date`, `quality-owner-anna-berg`. */
export function listCsvId(list: Pick<IssueList, 'kind' | 'slug'>): string {
  return `quality-${list.kind}-${list.slug}`;
}

/**
 * The downloads with every issue: all checks, all rejected rows, each rule's and each owner's list.
 * `dealFiles`: the site model's, so issues about deals carry their CRM address.
 */
export function qualityCsvTables(report: Report, f: Fmt, dealFiles: readonly string[] = []): ViewTable[] {
  const { locale } = f;
  const files = new Set(dealFiles);
  return [
    issueTable('quality-issues', t(locale, 'quality.issues'), report.quality.issues, f, undefined, files),
    issueTable('quality-rejected', t(locale, 'quality.rejectedIssues'), report.rejected, f, t(locale, 'quality.rejected.desc'), files),
    ...issueLists(report).map((list) => issueTable(listCsvId(list), list.key, list.issues, f, undefined, files)),
  ];
}

function rowsTable(report: Report, f: Fmt): ViewTable {
  const { locale } = f;
  const present = report.files.filter((file) => file.present);
  const sum = (key: 'read' | 'accepted' | 'rejected') => f.number(present.reduce((s, file) => s + file[key], 0));
  return buildTable<FileAccount>(
    {
      id: 'quality-rows',
      title: t(locale, 'quality.accounting'),
      description: t(locale, 'quality.accounting.desc'),
      footer: [t(locale, 'common.total'), sum('read'), sum('accepted'), sum('rejected')],
    },
    [
      { label: t(locale, 'quality.file'), key: 'file', show: (r) => r.file, raw: (r) => r.file },
      { label: t(locale, 'quality.rowsRead'), key: 'read', align: 'end', show: (r) => f.number(r.read), raw: (r) => r.read },
      { label: t(locale, 'quality.rowsAccepted'), key: 'accepted', align: 'end', show: (r) => f.number(r.accepted), raw: (r) => r.accepted },
      { label: t(locale, 'quality.rowsRejected'), key: 'rejected', align: 'end', show: (r) => f.number(r.rejected), raw: (r) => r.rejected },
    ],
    present,
  );
}

/** Owners on the summary page; the rest are in the CSV (an export may have thousands of owners). */
export const OWNERS_ON_PAGE = 50;

type OwnerEntry = Report['quality']['byOwner'][number];

/** Owners with most issues first, then by name: the page shows the first OWNERS_ON_PAGE. */
export function ownersByIssues(report: Report): OwnerEntry[] {
  return [...report.quality.byOwner].sort((a, b) => b.issues - a.issues || (a.person.name < b.person.name ? -1 : a.person.name > b.person.name ? 1 : 0));
}

export function ownerTable(report: Report, f: Fmt): ViewTable {
  const { locale } = f;
  return buildTable(
    { id: 'quality-by-owner', title: t(locale, 'quality.byOwner'), description: t(locale, 'quality.score.desc'), pageRows: OWNERS_ON_PAGE },
    [
      { label: t(locale, 'common.seller'), key: 'owner', show: (r) => r.person.name, raw: (r) => r.person.name },
      { label: t(locale, 'quality.scored'), key: 'scored', align: 'end', show: (r) => f.number(r.scored), raw: (r) => r.scored },
      { label: t(locale, 'quality.issues'), key: 'issues', align: 'end', show: (r) => f.number(r.issues), raw: (r) => r.issues },
      { label: t(locale, 'quality.score'), key: 'score', align: 'end', show: (r) => f.percent(r.score), raw: (r) => r.score },
    ],
    ownersByIssues(report),
  );
}

export function ruleTable(report: Report, f: Fmt, summaries = ruleSummaries(report)): ViewTable {
  const { locale } = f;
  const owners = (r: RuleSummary) => r.owners.map((o) => `${o.name} (${f.number(o.count)})`).join(', ');
  return buildTable(
    { id: 'quality-by-rule', title: t(locale, 'quality.byRule'), description: t(locale, 'quality.byRule.desc') },
    [
      { label: t(locale, 'quality.code'), key: 'code', show: (r) => ruleTitle(locale, r.code), raw: (r) => r.code },
      { label: t(locale, 'quality.kind'), key: 'kind', show: (r) => t(locale, `quality.kind.${r.kind}`), raw: (r) => r.kind },
      { label: t(locale, 'common.count'), key: 'count', align: 'end', show: (r) => f.number(r.count), raw: (r) => r.count },
      { label: t(locale, 'quality.share'), key: 'share', align: 'end', show: (r) => f.percent(r.share), raw: (r) => r.share },
      { label: t(locale, 'quality.owners'), key: 'owners', show: owners, raw: owners },
      { label: t(locale, 'quality.hint'), key: 'hint', show: (r) => ruleHint(locale, r.code), raw: (r) => ruleHint('en', r.code) },
    ],
    summaries,
  );
}

/** At most `max` rows on the page; the CSV keeps every row and the page says how many are left off. */
function capRows(table: ViewTable, max: number): ViewTable {
  if (table.rows.length <= max) return table;
  return { ...table, rows: table.rows.slice(0, max), hiddenRows: (table.hiddenRows ?? 0) + table.rows.length - max };
}

export interface QualityPageTables {
  rows: ViewTable;
  /** The rule summary's CSV (the page draws the summary with RuleSummary.astro). */
  byRule: ViewTable;
  byOwner: ViewTable;
  /** Score per owner week by week, when the build has history. */
  trend: ViewTable | null;
}

/** The tables of the summary page, by name. */
export function qualityPageTables(report: Report, f: Fmt): QualityPageTables {
  return {
    rows: rowsTable(report, f),
    byRule: ruleTable(report, f),
    byOwner: ownerTable(report, f),
    trend: report.history && report.history.qualityByOwner.length > 0 ? capRows(qualityTrendTable(report.history, f), OWNERS_ON_PAGE) : null,
  };
}

/** The tables of the summary page, in page order. */
export function qualityTables(report: Report, f: Fmt): ViewTable[] {
  const { rows, byRule, byOwner, trend } = qualityPageTables(report, f);
  return [rows, byRule, byOwner, ...(trend ? [trend] : [])];
}

export interface QualityKpi {
  label: string;
  value: string;
  sub: string;
}

/**
 * The page's key figures. Rows rejected counts rows (a row with three bad cells is one row,
 * three problems); the score is "–" with the reason when nothing could be scored.
 */
export function qualityKpis(report: Report, f: Fmt): QualityKpi[] {
  const { locale } = f;
  const rejectedRows = report.files.reduce((sum, file) => sum + file.rejected, 0);
  const score = report.quality.overallScore;
  const rules = new Set(report.quality.issues.map((issue) => issue.code)).size;
  return [
    {
      label: t(locale, 'quality.overall'),
      value: f.percent(score),
      sub: score === null ? t(locale, 'quality.score.absent') : t(locale, 'quality.score.desc'),
    },
    {
      label: t(locale, 'quality.issues'),
      value: f.number(report.quality.issues.length),
      sub: tn(locale, 'quality.issues.sub', rules),
    },
    {
      label: t(locale, 'quality.rowsRejected'),
      value: f.number(rejectedRows),
      sub: t(locale, 'quality.rowsRejected.sub', { issues: f.number(report.rejected.length) }),
    },
  ];
}
