/**
 * Site-wide invariants of a built site, read from its folder only (the HTML pages, the CSV
 * downloads and report.json): what a controller checks by hand on any page. Each check returns one
 * line per breach, naming the page or file, so a failing test says where to look.
 *
 * The expected values are read from report.json and the CSVs and summed here, with no code of
 * tavla's except its message catalogue and money formatter (to find a figure as the page writes it).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { t } from '../../src/i18n/index.ts';
import type { Report } from '../../src/report/site-model.ts';
import { fmt } from '../../src/views/format-context.ts';
import { parseCsv } from '../support/csv.ts';
import type { Currency } from '../../src/format/index.ts';

export interface Site {
  dir: string;
  report: Report;
  /** Every HTML page: path relative to the site folder → markup. */
  pages: Map<string, string>;
}

export function readSite(dir: string): Site {
  const pages = new Map<string, string>();
  const walk = (folder: string) => {
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      const path = join(folder, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.name.endsWith('.html')) pages.set(relative(dir, path), readFileSync(path, 'utf8'));
    }
  };
  walk(dir);
  return { dir, report: JSON.parse(readFileSync(join(dir, 'report.json'), 'utf8')) as Report, pages };
}

/** A CSV download as objects by header; null when the file does not exist. */
export function csvOf(site: Site, id: string): Record<string, string>[] | null {
  const file = join(site.dir, 'data', `${id}.csv`);
  if (!existsSync(file)) return null;
  const [header, ...rows] = parseCsv(readFileSync(file, 'utf8'));
  return rows.map((row) => Object.fromEntries(header!.map((key, i) => [key, row[i] ?? ''])));
}

const cents = (value: number) => Math.round(value * 100);
const sum = (values: readonly number[]) => values.reduce((a, b) => a + cents(b), 0) / 100;
const num = (cell: string | undefined) => (cell === undefined || cell === '' ? null : Number(cell));

/** Company = Σ teams − the shown difference, and Σ sellers likewise; the sums are the scopes' budgets. */
export function reconciliationBreaches(site: Site): string[] {
  const { report } = site;
  const problems: string[] = [];
  const teamIds = new Set(report.teams.map((team) => team.id));
  const budget = (rows: { measure: string; budgetYtd: number | null; fullYearTarget: number | null }[], measure: string, period: string) => {
    const row = rows.find((r) => r.measure === measure);
    return row === undefined ? null : period === 'year-to-date' ? row.budgetYtd : row.fullYearTarget;
  };
  const present = (values: (number | null)[]) => values.filter((v): v is number => v !== null);
  for (const row of report.reconciliation) {
    const where = `report.json reconciliation ${row.measure} ${row.period}`;
    const teams = present(report.teams.map((team) => budget(team.figures.targets.rows, row.measure, row.period)));
    const sellers = present(report.sellers.map((s) => budget(s.figures.targets.rows, row.measure, row.period)));
    const outside = present(report.sellers.filter((s) => !teamIds.has(s.teamId)).map((s) => budget(s.figures.targets.rows, row.measure, row.period)));
    const company = budget(report.company.targets.rows, row.measure, row.period);
    if (row.company !== company) problems.push(`${where}: company ${row.company} ≠ the company's budget ${company}`);
    if (row.teams.sum !== (teams.length ? sum(teams) : null)) problems.push(`${where}: Σ teams ${row.teams.sum} ≠ ${sum(teams)} summed from the teams`);
    if (row.sellers.sum !== (sellers.length ? sum(sellers) : null))
      problems.push(`${where}: Σ sellers ${row.sellers.sum} ≠ ${sum(sellers)} summed from the sellers`);
    if (row.withoutTeam !== (outside.length ? sum(outside) : null)) problems.push(`${where}: people in no team ${row.withoutTeam} ≠ ${sum(outside)}`);
  }
  for (const month of report.months) {
    for (const row of month.reconciliation) {
      const where = `report.json months ${month.month} reconciliation ${row.period}`;
      const pick = (total: { budgetYtd: number | null; fullYearTarget: number | null } | undefined) =>
        total === undefined ? null : row.period === 'year-to-date' ? total.budgetYtd : total.fullYearTarget;
      const teams = present(month.teams.map((team) => pick(team.total)));
      const sellers = present(month.sellers.map((s) => pick(s.total)));
      if (row.teams.sum !== (teams.length ? sum(teams) : null)) problems.push(`${where}: Σ teams ${row.teams.sum} ≠ ${sum(teams)} in the month's team rows`);
      if (row.sellers.sum !== (sellers.length ? sum(sellers) : null))
        problems.push(`${where}: Σ sellers ${row.sellers.sum} ≠ ${sum(sellers)} in the month's seller rows`);
    }
  }
  // The tables as downloaded: company + difference = sum, on every row of every reconciliation CSV.
  const ids = ['targets-reconciliation', ...report.months.filter((m) => m.reconciliation.length > 0).map((m) => `month-${m.month}-reconciliation`)];
  for (const id of ids) {
    const rows = csvOf(site, id);
    if (rows === null) {
      problems.push(`data/${id}.csv is missing`);
      continue;
    }
    for (const [i, row] of rows.entries()) {
      const [company, difference, total] = [num(row.company_budget), num(row.difference), num(row.sum)];
      if (company !== null && difference !== null && cents(company) + cents(difference) !== cents(total ?? NaN)) {
        problems.push(`data/${id}.csv row ${i + 2}: company ${company} + difference ${difference} ≠ sum ${total}`);
      }
    }
    for (const locale of ['sv', 'da', 'en']) {
      const page = id === 'targets-reconciliation' ? `${locale}/targets/index.html` : `${locale}/months/${id.slice(6, 13)}/index.html`;
      if (!site.pages.get(page)?.includes(`id="${id}"`)) problems.push(`${page} does not show the reconciliation ${id}`);
    }
  }
  return problems;
}

/** Tables on a page: id → heading text, from figures and table sections. */
function headedTables(html: string): { id: string; heading: string; after: string }[] {
  const found: { id: string; heading: string; after: string }[] = [];
  const pattern = /<(?:section|figure)[^>]*\bid="([^"]+)"[^>]*>\s*(?:<figcaption[^>]*>\s*)?<h[234][^>]*>([\s\S]*?)<\/h[234]>/g;
  for (const match of html.matchAll(pattern)) {
    const end = html.indexOf('</section>', match.index) >= 0 ? html.indexOf('.csv"', match.index) : -1;
    found.push({ id: match[1]!, heading: decode(match[2]!.replace(/<[^>]+>/g, '')), after: html.slice(match.index, end < 0 ? match.index + 4000 : end + 5) });
  }
  return found;
}

function decode(text: string): string {
  return text
    .replace(/&#(\d+);/g, (_, n: string) => String.fromCodePoint(Number(n)))
    .replace(/&#x([0-9a-f]+);/gi, (_, n: string) => String.fromCodePoint(parseInt(n, 16)))
    .replace(/&nbsp;/g, ' ')
    .replace(/&amp;/g, '&')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"');
}

const plain = (text: string) => Number(text.replace(/[\s\u00a0\u202f,]/g, ''));

/** Every "(N)" a table heading promises, and every "of M" a page sentence promises, is in the CSV. */
export function csvCountBreaches(site: Site): string[] {
  const problems: string[] = [];
  for (const [page, html] of site.pages) {
    if (!page.startsWith('en/')) continue;
    for (const table of headedTables(html)) {
      // "Won deals (41)", "Booked for the coming week (W47, 128)"; en writes 1,234 (no space after the comma).
      const counted = /\((?:[^()]*?[A-Za-z]\w*,\s+)?([\d\s\u00a0\u202f,]+)\)\s*$/.exec(table.heading);
      const rows = csvOf(site, table.id);
      if (rows === null) continue;
      const text = decode(table.after.replace(/<[^>]+>/g, ' '));
      if (counted) {
        const n = plain(counted[1]!);
        const header = Object.keys(rows[0] ?? {});
        // A table of counts per person adds up to its heading; a list has one row per item.
        const got = header.includes('count') && !header.includes('deal') ? rows.reduce((a, r) => a + Number(r.count), 0) : rows.length;
        if (rows.length > 0 || n > 0) if (got !== n) problems.push(`${page} #${table.id}: heading says ${n}, data/${table.id}.csv holds ${got}`);
      }
      for (const m of text.matchAll(/of (?:the )?([\d\s\u00a0\u202f,]+) (?:deals|rows)/g)) {
        const n = plain(m[1]!);
        if (n !== rows.length) problems.push(`${page} #${table.id}: "${m[0]}" but data/${table.id}.csv holds ${rows.length} rows`);
      }
    }
  }
  // Deal lists add up to their headline totals (contract value and annual volume).
  const lists = [
    ...site.report.months.flatMap(
      (m) =>
        [
          [`month-${m.month}-won`, m.won],
          [`month-${m.month}-lost`, m.lost],
          [`month-${m.month}-created`, m.created],
          [`month-${m.month}-open-closing`, m.openClosingInMonth],
        ] as const,
    ),
    ...site.report.weeks.flatMap(
      (w) =>
        [
          [`week-${w.week.toLowerCase()}-won`, w.won],
          [`week-${w.week.toLowerCase()}-lost`, w.lost],
          [`week-${w.week.toLowerCase()}-created`, w.created],
        ] as const,
    ),
    ...site.report.sellers.map((s) => [`seller-${s.person.slug}-open-deals`, s.openDeals] as const),
  ];
  for (const [id, list] of lists) {
    const rows = csvOf(site, id);
    if (rows === null) continue;
    const contract = sum(rows.map((r) => Number(r.contract_value)));
    const annual = sum(rows.map((r) => Number(r.annual_volume)));
    if (rows.length !== list.count || contract !== list.amount || annual !== list.annualAmount) {
      problems.push(
        `data/${id}.csv: ${rows.length} deals, ${contract} contract value, ${annual} annual volume; report.json says ${list.count}, ${list.amount}, ${list.annualAmount}`,
      );
    }
  }
  return problems;
}

/** A figure shown on a page is report.json's, and the same figure on two pages is the same. */
export function figureBreaches(site: Site): string[] {
  const { report } = site;
  const problems: string[] = [];
  const f = fmt('en', report.meta.currency as Currency);
  // The month review's total budget and result, as written on its page and in its CSV.
  for (const month of report.months) {
    const total = month.company.rows.find((r) => r.measure === 'volume:total')!;
    const page = site.pages.get(`en/months/${month.month}/index.html`) ?? '';
    for (const value of [total.resultYtd, total.budgetYtd]) {
      if (value !== null && !decode(page).includes(f.money(value)))
        problems.push(`en/months/${month.month}: ${f.money(value)} of report.json is not on the page`);
    }
    const row = csvOf(site, `month-${month.month}-company`)?.find((r) => r.measure === 'volume:total');
    if (row && (num(row.budget_ytd) !== total.budgetYtd || num(row.result_ytd) !== total.resultYtd)) {
      problems.push(`data/month-${month.month}-company.csv: total ${row.result_ytd} / ${row.budget_ytd} ≠ report.json ${total.resultYtd} / ${total.budgetYtd}`);
    }
  }
  // Open deals: a seller's key figure and the heading of their list of open deals.
  for (const seller of report.sellers) {
    const page = decode(site.pages.get(`en/sellers/${seller.person.slug}/index.html`) ?? '');
    const open = seller.figures.pipeline.open.count;
    if (seller.openDeals.count !== open) problems.push(`seller ${seller.person.slug}: open deals listed ${seller.openDeals.count} ≠ open pipeline ${open}`);
    if (page && !page.includes(`${t('en', 'metric.dealsOpen')} (${f.number(open)})`))
      problems.push(`en/sellers/${seller.person.slug}: no "Open deals (${open})"`);
  }
  // The funnel's cohort: won + lost + open + closed after as-of = created; open ≤ the pipeline's.
  const cohort = report.funnel.yearToDate.cohort.opportunities;
  if (cohort.won + cohort.lost + cohort.open + cohort.closedAfterAsOf !== cohort.created)
    problems.push(`funnel cohort parts do not add up to ${cohort.created}`);
  if (cohort.open > report.company.pipeline.open.count) problems.push(`funnel cohort open ${cohort.open} > open deals ${report.company.pipeline.open.count}`);
  // Key figure cards: a label shown on several pages of the same scope shows one value.
  const companyPages = ['en/index.html', ...['channels', 'targets', 'pipeline', 'funnel', 'activities'].map((s) => `en/${s}/index.html`)];
  const seen = new Map<string, { value: string; page: string }>();
  for (const page of companyPages) {
    for (const card of kpis(site.pages.get(page) ?? '')) {
      const before = seen.get(card.label);
      if (before && before.value !== card.value) problems.push(`"${card.label}" is ${before.value} on ${before.page} but ${card.value} on ${page}`);
      else seen.set(card.label, { value: card.value, page });
    }
  }
  const overview = decode(site.pages.get('en/index.html') ?? '');
  const open = report.company.pipeline.open;
  if (!overview.includes(`${open.count} open deals`)) problems.push(`en/index.html does not say ${open.count} open deals`);
  return problems;
}

function kpis(html: string): { label: string; value: string; sub: string }[] {
  return [
    ...html.matchAll(
      /<article class="kpi"[^>]*>\s*<h3[^>]*>([\s\S]*?)<\/h3>\s*<p class="value"[^>]*>([\s\S]*?)<\/p>(?:\s*<p class="sub"[^>]*>([\s\S]*?)<\/p>)?/g,
    ),
  ].map((m) => ({
    label: decode(m[1]!.replace(/<[^>]+>/g, '')).trim(),
    value: decode(m[2]!).trim(),
    sub: decode(m[3] ?? '').trim(),
  }));
}

/** The visible text of a page: no tags, styles or attribute values. */
function visibleText(html: string): string {
  return decode(
    html
      .replace(/<style[\s\S]*?<\/style>/g, ' ')
      .replace(/<script[\s\S]*?<\/script>/g, ' ')
      .replace(/<[^>]+>/g, ' '),
  );
}

/** No page shows an internal id: a person's id, a team's id that is not its name, a measure id. */
export function rawIdBreaches(site: Site, skip?: RegExp): string[] {
  const { report } = site;
  const ids = [
    ...report.sellers.map((s) => s.person.id).filter((id) => /[._:]/.test(id) && id.length >= 5),
    ...report.teams.filter((team) => team.id !== team.name && team.id.length >= 4).map((team) => team.id),
  ];
  const patterns = [/\b(?:volume|activity):[a-z_]+\b/, ...ids.map((id) => new RegExp(`(?<![\\w.-])${id.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\w-])`))];
  const problems: string[] = [];
  for (const [page, html] of site.pages) {
    if (skip?.test(page)) continue;
    const text = visibleText(html);
    for (const pattern of patterns) {
      const hit = pattern.exec(text);
      if (hit) problems.push(`${page}: "${hit[0]}" in "${text.slice(Math.max(0, hit.index - 40), hit.index + 40).replace(/\s+/g, ' ')}"`);
    }
  }
  return problems;
}

/** A goal's share counts the activities of the people who hold the goal, and no one else's. */
export function goalPopulationBreaches(site: Site): string[] {
  const { report } = site;
  const problems: string[] = [];
  const check = (where: string, rows: Report['weeks'][number]['goals'], people: { type: string; actual: number; goal: number }[]) => {
    for (const type of new Set(rows.map((r) => r.type))) {
      const ofType = rows.filter((r) => r.type === type);
      const holders = people.filter((p) => p.type === type);
      const actual = ofType.reduce((a, r) => a + r.actual, 0);
      const goal = ofType.reduce((a, r) => a + r.goal, 0);
      const byPeople = [holders.reduce((a, p) => a + p.actual, 0), holders.reduce((a, p) => a + p.goal, 0)];
      if (actual !== byPeople[0] || goal !== byPeople[1]) {
        problems.push(`${where} ${type}: ${actual} of ${goal}, but the goal holders did ${byPeople[0]} of ${byPeople[1]}`);
      }
      for (const row of ofType) {
        if (row.goal > 0 && row.share !== row.actual / row.goal)
          problems.push(`${where} ${row.week} ${type}: share ${row.share} ≠ ${row.actual} ÷ ${row.goal}`);
      }
    }
  };
  for (const week of report.weeks) {
    check(`week ${week.week}`, week.goals, week.goalsByPerson);
    const holders = new Map<string, number>();
    for (const p of week.goalsByPerson) holders.set(p.type, (holders.get(p.type) ?? 0) + 1);
    for (const row of week.goals)
      if (row.holders !== (holders.get(row.type) ?? 0))
        problems.push(`week ${week.week} ${row.type}: ${row.holders} holders, ${holders.get(row.type) ?? 0} people listed`);
  }
  check('company, recent weeks', report.company.activities.goalsRecentWeeks, report.company.activities.goalsByPerson);
  for (const team of report.teams) check(`team ${team.slug}`, team.figures.activities.goalsRecentWeeks, team.figures.activities.goalsByPerson);
  // Attainment tables list only people with a budget: an attainment without one is not a figure.
  for (const id of ['targets-by-seller', ...report.months.map((m) => `month-${m.month}-sellers`)]) {
    for (const [i, row] of (csvOf(site, id) ?? []).entries()) {
      if (row.budget_ytd === '') problems.push(`data/${id}.csv row ${i + 2}: ${row.seller ?? row.name} has no budget but is in an attainment table`);
    }
  }
  return problems;
}

/** A chart with nothing but zeros draws a sentence, not bars: a seller with no volume this year. */
export function zeroChartBreaches(site: Site): string[] {
  const problems: string[] = [];
  for (const seller of site.report.sellers) {
    if (seller.figures.volume.byMonth.some((m) => m.annualVolume !== 0)) continue;
    const html = site.pages.get(`en/sellers/${seller.person.slug}/index.html`);
    if (html === undefined) continue;
    const start = html.indexOf(`id="seller-${seller.person.slug}-volume-by-month"`);
    const figure = start < 0 ? '' : html.slice(start, html.indexOf('</figure>', start));
    if (figure.includes('<svg') || !figure.includes('tavla-chart-empty')) problems.push(`en/sellers/${seller.person.slug}: volume chart of zeros is drawn`);
  }
  return problems;
}
