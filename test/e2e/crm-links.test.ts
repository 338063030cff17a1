/**
 * Every deal links to its CRM record when the settings give the address (`crmDealUrl`): the demo
 * data with the setting added builds a whole site, and then every row of every table that lists
 * deals, on every page and in every language, has the link in its deal column, and every CSV
 * download with a deal column carries the address beside it. The tables are found by their
 * "Deal" column heading, so a deal table added later is checked without being named here.
 * Data-quality issues about a deal (located in deals.csv, the file the demo's deals come from)
 * link their record the same way, in every issue table (the list pages, the seller pages) and
 * in the issue CSVs; issues about accounts, activities or targets do not.
 * Without the setting (the demo site) no deal links anywhere and no CSV has the column.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { isLocale, t } from '../../src/i18n/index.ts';
import { parseCsv } from '../support/csv.ts';

const root = resolve(import.meta.dirname, '../..');
const TEMPLATE = 'https://crm.example.com/deals/{id}?view=full';
const PREFIX = 'https://crm.example.com/deals/';

function files(dir: string, ext: string, base = dir): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? files(join(dir, e.name), ext, base) : e.name.endsWith(ext) ? [join(dir, e.name).slice(base.length + 1)] : [],
  );
}

const text = (html: string) =>
  html
    .replace(/<[^>]+>/g, '')
    .replace(/&amp;/g, '&')
    .trim();

interface DealTableFacts {
  tables: number;
  rows: number;
  /** `page: table caption: row n` of each deal row without a CRM link. */
  missing: string[];
}

/** Reads every table of every page whose header has the page language's "Deal" column. */
function dealTableFacts(siteDir: string): DealTableFacts {
  const facts: DealTableFacts = { tables: 0, rows: 0, missing: [] };
  for (const page of files(siteDir, '.html')) {
    const locale = page.split('/')[0] ?? '';
    if (!isLocale(locale)) continue;
    const html = readFileSync(join(siteDir, page), 'utf8');
    const dealLabel = t(locale, 'common.deal');
    for (const table of html.match(/<table[\s\S]*?<\/table>/g) ?? []) {
      const head = table.match(/<thead[\s\S]*?<\/thead>/)?.[0] ?? '';
      const column = (head.match(/<th[\s\S]*?<\/th>/g) ?? []).map(text).indexOf(dealLabel);
      if (column < 0) continue;
      facts.tables += 1;
      const caption = text(table.match(/<caption[\s\S]*?<\/caption>/)?.[0] ?? '');
      const body = table.match(/<tbody[\s\S]*?<\/tbody>/)?.[0] ?? '';
      (body.match(/<tr[\s\S]*?<\/tr>/g) ?? []).forEach((row, n) => {
        if (/colspan/.test(row)) return; // the "no rows" line of an empty table
        facts.rows += 1;
        const cell = row.match(/<t[hd][\s\S]*?<\/t[hd]>/g)?.[column] ?? '';
        if (!cell.includes(`<a href="${PREFIX}`)) facts.missing.push(`${page}: ${caption}: row ${n + 1}`);
      });
    }
  }
  return facts;
}

/** CSV downloads with a `deal` column: those without `crm_url`, or with a row without the address. */
function csvFacts(siteDir: string): { withDeals: number; withUrl: number; missing: string[] } {
  const facts = { withDeals: 0, withUrl: 0, missing: [] as string[] };
  for (const file of files(join(siteDir, 'data'), '.csv')) {
    const [header = [], ...rows] = parseCsv(readFileSync(join(siteDir, 'data', file), 'utf8'));
    const deal = header.indexOf('deal');
    if (deal < 0) continue;
    facts.withDeals += 1;
    const url = header.indexOf('crm_url');
    if (url < 0) continue;
    facts.withUrl += 1;
    rows.forEach((row, n) => {
      if (!(row[url] ?? '').startsWith(PREFIX)) facts.missing.push(`${file}: row ${n + 2}`);
    });
  }
  return facts;
}

/** The address the test expects for a deal id (the template written out again, not tavla's code). */
const recordUrl = (id: string) => `${PREFIX}${encodeURIComponent(id)}?view=full`;

interface IssueRowFacts {
  dealRows: number;
  /** Of `dealRows`, those on seller pages (the seller's own issues). */
  sellerPageRows: number;
  otherRows: number;
  /** `page: row n: what is wrong` of each row linked wrongly or not linked. */
  wrong: string[];
}

/** Every issue table (the one with the page language's "Record" column) on every page. */
function issueRowFacts(siteDir: string): IssueRowFacts {
  const facts: IssueRowFacts = { dealRows: 0, sellerPageRows: 0, otherRows: 0, wrong: [] };
  for (const page of files(siteDir, '.html')) {
    const locale = page.split('/')[0] ?? '';
    if (!isLocale(locale)) continue;
    const html = readFileSync(join(siteDir, page), 'utf8');
    for (const table of html.match(/<table[\s\S]*?<\/table>/g) ?? []) {
      const head = (table.match(/<thead[\s\S]*?<\/thead>/)?.[0] ?? '').match(/<th[\s\S]*?<\/th>/g) ?? [];
      const column = head.map(text).indexOf(t(locale, 'quality.record'));
      if (column < 0) continue;
      const body = table.match(/<tbody[\s\S]*?<\/tbody>/)?.[0] ?? '';
      (body.match(/<tr[\s\S]*?<\/tr>/g) ?? []).forEach((row, n) => {
        const cells = row.match(/<t[hd][\s\S]*?<\/t[hd]>/g) ?? [];
        const file = text(cells[1] ?? '').split(':')[0];
        const cell = cells[column] ?? '';
        const record = text(cell.replace(/<span class="visually-hidden"[^>]*>[\s\S]*?<\/span>/, ''));
        const href = cell.match(/<a href="([^"]*)"/)?.[1]?.replace(/&amp;/g, '&');
        if (file === 'deals.csv' && record !== '') {
          facts.dealRows += 1;
          if (page.split('/')[1] === 'sellers') facts.sellerPageRows += 1;
          if (href !== recordUrl(record)) facts.wrong.push(`${page}: row ${n + 1}: ${record} links to ${href ?? 'nothing'}`);
        } else {
          facts.otherRows += 1;
          if (href !== undefined) facts.wrong.push(`${page}: row ${n + 1}: ${file} ${record} is not a deal but links to ${href}`);
        }
      });
    }
  }
  return facts;
}

describe('CRM record links on every deal', () => {
  let siteDir = '';

  beforeAll(() => {
    const work = mkdtempSync(join(tmpdir(), 'tavla-crm-links-'));
    const data = join(work, 'data');
    cpSync(join(root, 'data'), data, { recursive: true });
    const config = JSON.parse(readFileSync(join(data, 'tavla.config.json'), 'utf8'));
    writeFileSync(join(data, 'tavla.config.json'), JSON.stringify({ ...config, crmDealUrl: TEMPLATE }, null, 2));
    siteDir = join(work, 'site');
    const build = spawnSync(process.execPath, [join(root, 'scripts/build.ts')], {
      cwd: root,
      encoding: 'utf8',
      env: { ...process.env, TAVLA_DATA: data, TAVLA_OUT: siteDir, TAVLA_HISTORY: join(data, 'history'), ASTRO_TELEMETRY_DISABLED: '1' },
    });
    if (build.status !== 0) throw new Error(`building the site with crmDealUrl failed:\n${build.stdout}\n${build.stderr}`);
  }, 900_000);

  it('links every row of every deal table on every page to its record', () => {
    const facts = dealTableFacts(siteDir);
    expect(facts.missing.slice(0, 20)).toEqual([]);
    // The pipeline's stalled and slipped lists, the weekly agenda's and the monthly pack's lists,
    // every seller's open deals, in three languages: hundreds of tables, thousands of rows.
    expect(facts.tables).toBeGreaterThan(100);
    expect(facts.rows).toBeGreaterThan(1000);
  });

  it('puts the record address in every deal CSV', () => {
    const facts = csvFacts(siteDir);
    expect(facts.withDeals).toBeGreaterThan(20);
    expect(facts.withUrl).toBe(facts.withDeals);
    expect(facts.missing.slice(0, 20)).toEqual([]);
  });

  it("links each data-quality issue about a deal to the deal's record, and no other issue", () => {
    const facts = issueRowFacts(siteDir);
    expect(facts.wrong.slice(0, 20)).toEqual([]);
    // Every rule's and every owner's list, and the seller pages, in three languages.
    expect(facts.dealRows).toBeGreaterThan(30);
    expect(facts.sellerPageRows).toBeGreaterThan(5);
    expect(facts.otherRows).toBeGreaterThan(5);
  });

  it('puts the record address of each issue about a deal in the issue CSVs', () => {
    for (const name of ['quality-issues', 'quality-rejected', 'quality-rule-past-close-date']) {
      const [header = [], ...rows] = parseCsv(readFileSync(join(siteDir, 'data', `${name}.csv`), 'utf8'));
      const [location, record, url] = ['location', 'record', 'crm_url'].map((key) => header.indexOf(key));
      expect(url, name).toBeGreaterThan(-1);
      const deals = rows.filter((row) => row[location!]!.startsWith('deals.csv:') && row[record!] !== '');
      expect(deals.length, name).toBeGreaterThan(0);
      expect(
        rows.map((row) => row[url!]),
        name,
      ).toEqual(rows.map((row) => (deals.includes(row) ? recordUrl(row[record!]!) : '')));
    }
  });

  it('encodes the deal id into the template', () => {
    const stalled = parseCsv(readFileSync(join(siteDir, 'data', 'pipeline-stalled.csv'), 'utf8'));
    const url = stalled[1]![stalled[0]!.indexOf('crm_url')]!;
    expect(url).toMatch(/^https:\/\/crm\.example\.com\/deals\/[^/?]+\?view=full$/);
  });
});

describe('without the setting', () => {
  it('no deal links and no crm_url column', () => {
    const siteDir = inject('siteDir');
    const facts = dealTableFacts(siteDir);
    expect(facts.tables).toBeGreaterThan(100);
    expect(facts.missing.length).toBe(facts.rows);
    expect(csvFacts(siteDir).withUrl).toBe(0);
  });
});
