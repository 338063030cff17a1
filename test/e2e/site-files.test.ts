/**
 * The built demo site, read from disk (no browser): privacy meta tags, language, no script,
 * nothing loaded from or linked to another site, no broken internal link, robots.txt, the same
 * pages in every language, page weight, report.json and the CSV downloads, and the build log.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import {
  classifyRef,
  cssRefs,
  listFiles,
  LOCALES,
  localeOf,
  parsePage,
  resolveRef,
  resolveUrlPath,
  urlPathOf,
  type ParsedPage,
  type Ref,
} from '../support/site.ts';

const siteDir = inject('siteDir');
const buildLog = inject('buildLog');

const PAGE_BUDGET_BYTES = 150 * 1024;
const MAX_LISTED = 5;

let cache: { files: string[]; pages: ParsedPage[] } | undefined;
function site(): { files: string[]; pages: ParsedPage[] } {
  if (!cache) {
    if (!existsSync(siteDir)) throw new Error(`the site folder ${siteDir} does not exist`);
    const files = listFiles(siteDir);
    cache = { files, pages: files.filter((file) => file.endsWith('.html')).map((file) => parsePage(siteDir, file)) };
  }
  return cache;
}

/** One line per problem, or a passing empty list; the message names the pages. */
function expectNone(problems: string[], what: string): void {
  expect(problems, `${problems.length} ${what}:\n  ${problems.join('\n  ')}\n`).toEqual([]);
}

/** `a, b, c (+4 more)` */
function some(items: string[]): string {
  const shown = items.slice(0, MAX_LISTED).join(', ');
  return items.length > MAX_LISTED ? `${shown} (+${items.length - MAX_LISTED} more)` : shown;
}

function metaContent(page: ParsedPage, name: string): string | null {
  const meta = Array.from(page.document.querySelectorAll('meta[name]')).find((element) => element.getAttribute('name')?.toLowerCase() === name);
  return meta ? (meta.getAttribute('content') ?? '') : null;
}

const tokens = (value: string) =>
  value
    .toLowerCase()
    .split(/[\s,]+/)
    .filter(Boolean);

describe('build log', () => {
  it('reports the number of pages and the page weight', () => {
    expect(buildLog, `the build printed no "pages:" line; its output was:\n${buildLog}`).toMatch(/^.*\bpages: \d+/m);
    expect(buildLog, `the build printed no "page weight" line; its output was:\n${buildLog}`).toMatch(/page weight/i);
  });
});

describe('built site on disk', () => {
  it('has pages in every locale and a root page that redirects to one of them', () => {
    const { files, pages } = site();
    const missing = LOCALES.filter((locale) => !files.includes(`${locale}/index.html`)).map((l) => `/${l}/ (no ${l}/index.html)`);
    expectNone(missing, 'locale overview page(s) missing');
    const root = pages.find((page) => page.file === 'index.html');
    expect(root, 'no index.html at the site root (it must redirect to the default locale)').toBeDefined();
    const refresh = root?.refs.find((ref) => ref.where === 'meta refresh');
    expect(refresh, '/index.html has no <meta http-equiv="refresh" content="0; url=/xx/">').toBeDefined();
    const target = resolveRef(refresh?.value ?? '', '/');
    expect(
      LOCALES.map((locale) => `/${locale}/`),
      `/ redirects to ${refresh?.value} (= ${target}), not to a locale's overview`,
    ).toContain(target);
  });

  it('every page has <meta name="robots" content="noindex, nofollow"> and <meta name="referrer" content="no-referrer">', () => {
    const problems: string[] = [];
    for (const page of site().pages) {
      const robots = metaContent(page, 'robots');
      const referrer = metaContent(page, 'referrer');
      if (robots === null) problems.push(`${page.urlPath}: no robots meta tag`);
      else if (!tokens(robots).includes('noindex') || !tokens(robots).includes('nofollow')) {
        problems.push(`${page.urlPath}: robots is "${robots}", not "noindex, nofollow"`);
      }
      if (referrer === null) problems.push(`${page.urlPath}: no referrer meta tag`);
      else if (referrer.trim().toLowerCase() !== 'no-referrer') problems.push(`${page.urlPath}: referrer is "${referrer}", not "no-referrer"`);
    }
    expectNone(problems, 'page(s) without the privacy meta tags');
  });

  it('every page has <html lang>, equal to its locale folder under /sv/, /da/, /en/', () => {
    const problems: string[] = [];
    for (const page of site().pages) {
      const lang = page.document.documentElement.getAttribute('lang');
      const locale = localeOf(page.urlPath);
      if (!lang) problems.push(`${page.urlPath}: <html> has no lang`);
      else if (locale && lang !== locale) problems.push(`${page.urlPath}: <html lang="${lang}">, expected "${locale}"`);
    }
    expectNone(problems, 'page(s) with a wrong or missing language');
  });

  it('no page has JavaScript: no <script>, no on… event attributes, no javascript: URLs', () => {
    const problems: string[] = [];
    for (const page of site().pages) {
      const scripts = page.html.match(/<script\b/gi)?.length ?? 0;
      if (scripts > 0) problems.push(`${page.urlPath}: ${scripts} <script> element(s)`);
      const handlers = new Set<string>();
      for (const element of Array.from(page.document.querySelectorAll('*'))) {
        for (const attribute of Array.from(element.attributes)) {
          if (/^on[a-z]+$/i.test(attribute.name)) handlers.add(`${element.localName}[${attribute.name}]`);
        }
      }
      if (handlers.size > 0) problems.push(`${page.urlPath}: event handler attribute(s) ${some([...handlers])}`);
      for (const ref of page.refs.filter((r) => classifyRef(r.value) === 'javascript')) {
        problems.push(`${page.urlPath}: ${ref.where}="${ref.value}"`);
      }
    }
    const scriptFiles = site().files.filter((file) => /\.m?js$/.test(file));
    if (scriptFiles.length > 0) problems.push(`JavaScript file(s) in the site: ${some(scriptFiles)}`);
    expectNone(problems, 'JavaScript finding(s)');
  });

  it('nothing links to or loads from another site (http://, https://, //)', () => {
    const problems: string[] = [];
    for (const page of site().pages) {
      for (const ref of page.refs) {
        if (classifyRef(ref.value) === 'outside') problems.push(`${page.urlPath}: ${ref.where}="${ref.value}"`);
      }
    }
    for (const file of site().files.filter((f) => f.endsWith('.css'))) {
      for (const ref of cssRefs(readFileSync(join(siteDir, file), 'utf8'), file)) {
        if (classifyRef(ref.value) === 'outside') problems.push(`/${file}: ${ref.where} "${ref.value}"`);
      }
    }
    expectNone(problems, 'outside address(es)');
  });

  it('every internal link and resource resolves to a file in the site', () => {
    // Grouped by target, so that a broken nav link reads as one line, not one per page.
    const broken = new Map<string, { reason: string; refs: Set<string>; from: Set<string> }>();
    const check = (ref: Ref, baseUrlPath: string, from: string) => {
      if (classifyRef(ref.value) !== 'internal') return;
      const target = resolveRef(ref.value, baseUrlPath);
      const resolution = resolveUrlPath(siteDir, target);
      if (resolution.ok) return;
      const entry = broken.get(target) ?? { reason: resolution.reason, refs: new Set(), from: new Set() };
      entry.refs.add(`${ref.where}="${ref.value}"`);
      entry.from.add(from);
      broken.set(target, entry);
    };
    for (const page of site().pages) for (const ref of page.refs) check(ref, page.urlPath, page.urlPath);
    for (const file of site().files.filter((f) => f.endsWith('.css'))) {
      for (const ref of cssRefs(readFileSync(join(siteDir, file), 'utf8'), file)) check(ref, urlPathOf(file), `/${file}`);
    }
    const lines = [...broken].map(
      ([target, { reason, refs, from }]) => `${target} — ${reason}; as ${some([...refs])}; on ${from.size} page(s): ${some([...from])}`,
    );
    expectNone(lines, 'broken internal link target(s)');
  });

  it('robots.txt disallows everything', () => {
    const path = join(siteDir, 'robots.txt');
    expect(existsSync(path), 'no robots.txt at the site root').toBe(true);
    const text = readFileSync(path, 'utf8');
    const lines = text
      .split(/\r?\n/)
      .map((line) => line.replace(/#.*/, '').trim())
      .filter(Boolean);
    let inStarGroup = false;
    let disallowsAll = false;
    let allows = false;
    for (const line of lines) {
      const [field = '', ...rest] = line.split(':');
      const value = rest.join(':').trim();
      const key = field.trim().toLowerCase();
      if (key === 'user-agent') inStarGroup = value === '*';
      else if (inStarGroup && key === 'disallow' && value === '/') disallowsAll = true;
      else if (inStarGroup && key === 'allow' && value !== '') allows = true;
    }
    expect(disallowsAll && !allows, `robots.txt must say "User-agent: *" then "Disallow: /" (and allow nothing); it says:\n${text}`).toBe(true);
  });

  it('every locale has the same pages, including every section of the report', () => {
    const byLocale = new Map<string, Set<string>>();
    for (const locale of LOCALES) byLocale.set(locale, new Set());
    for (const page of site().pages) {
      const locale = localeOf(page.urlPath);
      if (locale) byLocale.get(locale)?.add(page.urlPath.slice(locale.length + 1));
    }
    const all = new Set([...byLocale.values()].flatMap((paths) => [...paths]));
    const problems: string[] = [];
    for (const [locale, paths] of byLocale) {
      const missing = [...all].filter((path) => !paths.has(path)).sort();
      if (missing.length > 0) problems.push(`/${locale}/ lacks ${missing.length} page(s) other locales have: ${some(missing.map((p) => `/${locale}${p}`))}`);
    }
    const required: [string, RegExp][] = [
      ['overview /', /^\/$/],
      ['teams/', /^\/teams\/$/],
      ['a team teams/<slug>/', /^\/teams\/[^/]+\/$/],
      ['sellers/', /^\/sellers\/$/],
      ['a seller sellers/<slug>/', /^\/sellers\/[^/]+\/$/],
      ['channels/', /^\/channels\/$/],
      ['targets/', /^\/targets\/$/],
      ['pipeline/', /^\/pipeline\/$/],
      ['funnel/', /^\/funnel\/$/],
      ['funnel by source funnel/sources/all/', /^\/funnel\/sources\/all\/$/],
      ['funnel by source of the last 12 months', /^\/funnel\/sources\/last-12-months\/$/],
      ['activities/', /^\/activities\/$/],
      ['quality/', /^\/quality\/$/],
      ['weeks/ archive', /^\/weeks\/$/],
      ['a week weeks/YYYY-wNN/', /^\/weeks\/\d{4}-w\d{2}\/$/],
      ['months/ archive', /^\/months\/$/],
      ['a month months/YYYY-MM/', /^\/months\/\d{4}-\d{2}\/$/],
    ];
    for (const [locale, paths] of byLocale) {
      for (const [name, pattern] of required) {
        if (![...paths].some((path) => pattern.test(path))) problems.push(`/${locale}/ has no ${name} page`);
      }
    }
    expectNone(problems, 'difference(s) between the locales or missing section(s)');
  });

  it('every page weighs under 150 KB with the stylesheets it links', () => {
    const problems: string[] = [];
    for (const page of site().pages) {
      let bytes = page.bytes;
      const sheets: string[] = [];
      for (const link of Array.from(page.document.querySelectorAll('link[rel~="stylesheet"][href]'))) {
        const href = link.getAttribute('href') ?? '';
        if (classifyRef(href) !== 'internal') continue;
        const resolution = resolveUrlPath(siteDir, resolveRef(href, page.urlPath));
        if (!resolution.ok) continue; // reported by the broken-link test
        bytes += statSync(join(siteDir, resolution.file)).size;
        sheets.push(resolution.file);
      }
      if (bytes >= PAGE_BUDGET_BYTES) {
        problems.push(
          `${page.urlPath}: ${(bytes / 1024).toFixed(1)} KiB (HTML ${(page.bytes / 1024).toFixed(1)} KiB${sheets.length ? ` + ${sheets.join(', ')}` : ''})`,
        );
      }
    }
    expectNone(problems, `page(s) at or over the ${PAGE_BUDGET_BYTES / 1024} KiB budget`);
  });

  it('report.json parses and has meta.asOf', () => {
    const path = join(siteDir, 'report.json');
    expect(existsSync(path), 'no report.json at the site root').toBe(true);
    let report: unknown;
    try {
      report = JSON.parse(readFileSync(path, 'utf8'));
    } catch (error) {
      throw new Error(`report.json is not valid JSON: ${(error as Error).message}`);
    }
    const meta = (report as { meta?: { asOf?: unknown } } | null)?.meta;
    expect(meta, 'report.json has no "meta" object').toBeTypeOf('object');
    expect(meta?.asOf, `report.json meta.asOf is ${JSON.stringify(meta?.asOf)}, expected a non-empty string`).toBeTypeOf('string');
    expect(String(meta?.asOf).length, 'report.json meta.asOf is empty').toBeGreaterThan(0);
  });

  it('offers non-empty CSV downloads, linked from the pages', () => {
    const csvFiles = site().files.filter((file) => file.endsWith('.csv'));
    expect(csvFiles.length, 'no .csv file anywhere in the site (expected downloads such as /data/….csv)').toBeGreaterThan(0);
    const empty = csvFiles.filter((file) => statSync(join(siteDir, file)).size === 0).map((file) => `/${file} is empty`);
    expectNone(empty, 'empty CSV download(s)');
    const linked = site().pages.some((page) =>
      page.refs.some((ref) => classifyRef(ref.value) === 'internal' && resolveRef(ref.value, page.urlPath).endsWith('.csv')),
    );
    expect(linked, `no page links to a CSV download (files: ${some(csvFiles.map((f) => `/${f}`))})`).toBe(true);
  });
});
