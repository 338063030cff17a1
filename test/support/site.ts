/**
 * Reading a built site from disk for the end-to-end checks: its files, its pages and their
 * URLs, every address a page refers to, and where an internal address lands in the folder.
 * The site uses trailing-slash URLs: `/sv/teams/` is the file `sv/teams/index.html`.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, posix } from 'node:path';
import { parseHTML } from 'linkedom';
import { LOCALES } from '../../src/i18n/locales.ts';

export { LOCALES };

/** Stand-in origin for resolving addresses; the site never knows where it is hosted. */
const ORIGIN = 'http://site.invalid';

/** Every file under `dir`, as sorted POSIX paths relative to it (`sv/teams/index.html`). */
export function listFiles(dir: string): string[] {
  const files: string[] = [];
  const walk = (relative: string) => {
    for (const entry of readdirSync(join(dir, relative), { withFileTypes: true })) {
      const path = relative ? `${relative}/${entry.name}` : entry.name;
      if (entry.isDirectory()) walk(path);
      else if (entry.isFile()) files.push(path);
    }
  };
  walk('');
  return files.sort();
}

/** The URL path a file is served at: `sv/teams/index.html` → `/sv/teams/`, `404.html` → `/404.html`. */
export function urlPathOf(file: string): string {
  if (file === 'index.html') return '/';
  if (file.endsWith('/index.html')) return `/${file.slice(0, -'index.html'.length)}`;
  return `/${file}`;
}

/** The locale folder a URL path lies in (`/da/weeks/` → `da`), or undefined. */
export function localeOf(urlPath: string): string | undefined {
  const first = urlPath.split('/')[1] ?? '';
  return (LOCALES as readonly string[]).includes(first) ? first : undefined;
}

export type Resolution = { ok: true; file: string } | { ok: false; reason: string };

/**
 * Where a same-site URL path lands: `dir/` → `dir/index.html`, a file → itself. A directory
 * addressed without its trailing slash counts as broken: the site's URLs all end in `/`.
 */
export function resolveUrlPath(siteDir: string, urlPath: string): Resolution {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return { ok: false, reason: 'malformed percent-encoding' };
  }
  const relative = posix.normalize(decoded).replace(/^\/+/, '');
  if (relative.startsWith('..')) return { ok: false, reason: 'points above the site root' };
  const path = join(siteDir, relative);
  if (decoded.endsWith('/')) {
    return existsSync(join(path, 'index.html'))
      ? { ok: true, file: posix.join(relative, 'index.html') }
      : { ok: false, reason: existsSync(path) ? 'folder has no index.html' : 'no such page' };
  }
  if (!existsSync(path)) return { ok: false, reason: 'no such file' };
  if (statSync(path).isDirectory()) {
    return existsSync(join(path, 'index.html'))
      ? { ok: false, reason: `folder addressed without its trailing slash (use ${urlPath}/)` }
      : { ok: false, reason: 'is a folder without index.html' };
  }
  return { ok: true, file: relative };
}

export type RefKind = 'internal' | 'outside' | 'javascript' | 'ignored';

/** Sorts an address: same page or harmless scheme, same site, another site, or a `javascript:` URL. */
export function classifyRef(value: string): RefKind {
  const ref = value.trim();
  if (ref === '' || ref.startsWith('#')) return 'ignored';
  if (ref.startsWith('//')) return 'outside';
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(ref)?.[1]?.toLowerCase();
  if (scheme === undefined) return 'internal';
  if (scheme === 'javascript') return 'javascript';
  if (['mailto', 'tel', 'data', 'about', 'blob'].includes(scheme)) return 'ignored';
  return 'outside';
}

/** Resolves an internal address against the URL path of the page (or stylesheet) it is in. */
export function resolveRef(ref: string, baseUrlPath: string): string {
  return new URL(ref.trim(), ORIGIN + baseUrlPath).pathname;
}

export interface Ref {
  /** Where it was found: `a[href]`, `img[srcset]`, `meta refresh`, `style url()`. */
  where: string;
  value: string;
}

const URL_ATTRIBUTES = ['href', 'src', 'poster', 'action', 'formaction', 'data', 'cite', 'background', 'xlink:href', 'ping', 'manifest', 'longdesc'];
const SRCSET_ATTRIBUTES = ['srcset', 'imagesrcset'];

/** `url(...)` and `@import "..."` addresses in CSS text. */
export function cssRefs(css: string, where: string): Ref[] {
  const refs: Ref[] = [];
  for (const match of css.matchAll(/url\(\s*(['"]?)(.*?)\1\s*\)/gi)) refs.push({ where: `${where} url()`, value: match[2] ?? '' });
  for (const match of css.matchAll(/@import\s+(['"])(.*?)\1/gi)) refs.push({ where: `${where} @import`, value: match[2] ?? '' });
  return refs;
}

export interface ParsedPage {
  /** Path of the file relative to the site folder. */
  file: string;
  urlPath: string;
  html: string;
  bytes: number;
  document: Document;
  refs: Ref[];
}

export function parsePage(siteDir: string, file: string): ParsedPage {
  const buffer = readFileSync(join(siteDir, file));
  const html = buffer.toString('utf8');
  const { document } = parseHTML(html) as unknown as { document: Document };
  const refs: Ref[] = [];
  for (const element of Array.from(document.querySelectorAll('*'))) {
    const tag = element.localName;
    for (const attribute of Array.from(element.attributes)) {
      const name = attribute.name.toLowerCase();
      if (URL_ATTRIBUTES.includes(name)) {
        refs.push({ where: `${tag}[${name}]`, value: attribute.value });
      } else if (SRCSET_ATTRIBUTES.includes(name)) {
        for (const candidate of attribute.value.split(',')) {
          const url = candidate.trim().split(/\s+/)[0];
          if (url) refs.push({ where: `${tag}[${name}]`, value: url });
        }
      } else if (name === 'style') {
        refs.push(...cssRefs(attribute.value, `${tag}[style]`));
      }
    }
    if (tag === 'style') refs.push(...cssRefs(element.textContent ?? '', '<style>'));
    if (tag === 'meta' && element.getAttribute('http-equiv')?.toLowerCase() === 'refresh') {
      const url = /url\s*=\s*['"]?([^'"]+)/i.exec(element.getAttribute('content') ?? '')?.[1];
      if (url) refs.push({ where: 'meta refresh', value: url.trim() });
    }
  }
  return { file, urlPath: urlPathOf(file), html, bytes: buffer.length, document, refs };
}

/** The internal links (`a[href]`) of a page, resolved to URL paths, in document order. */
export function linksOn(page: ParsedPage): string[] {
  return page.refs.filter((ref) => ref.where === 'a[href]' && classifyRef(ref.value) === 'internal').map((ref) => resolveRef(ref.value, page.urlPath));
}

export interface KeyPage {
  /** Short name for test titles and screenshots: `overview`, `team`, `newest week`. */
  label: string;
  /** URL path, or null when it could not be found (then `problem` says why). */
  path: string | null;
  problem?: string;
}

/**
 * The pages the browser tests visit in one locale. A team and a seller are the first such
 * link on their list page; the week and month are the newest linked from their archive.
 */
export function keyPages(siteDir: string, locale: string): KeyPage[] {
  const fixed = (label: string, section: string): KeyPage => ({ label, path: `/${locale}/${section}` });
  const linked = (label: string, listPath: string, pattern: RegExp, pick: 'first' | 'newest'): KeyPage => {
    const resolution = resolveUrlPath(siteDir, listPath);
    if (!resolution.ok) return { label, path: null, problem: `${listPath} is missing (${resolution.reason}), so no ${label} page to visit` };
    const links = [...new Set(linksOn(parsePage(siteDir, resolution.file)).filter((path) => pattern.test(path)))];
    const path = pick === 'first' ? links[0] : links.sort().at(-1);
    return path ? { label, path } : { label, path: null, problem: `${listPath} has no link matching ${pattern}, so no ${label} page to visit` };
  };
  return [
    fixed('overview', ''),
    linked('team', `/${locale}/teams/`, new RegExp(`^/${locale}/teams/[^/]+/$`), 'first'),
    linked('seller', `/${locale}/sellers/`, new RegExp(`^/${locale}/sellers/[^/]+/$`), 'first'),
    fixed('channels', 'channels/'),
    fixed('targets', 'targets/'),
    fixed('pipeline', 'pipeline/'),
    fixed('funnel', 'funnel/'),
    fixed('activities', 'activities/'),
    fixed('quality', 'quality/'),
    fixed('weeks archive', 'weeks/'),
    linked('newest week', `/${locale}/weeks/`, new RegExp(`^/${locale}/weeks/\\d{4}-w\\d{2}/$`), 'newest'),
    fixed('months archive', 'months/'),
    linked('newest month', `/${locale}/months/`, new RegExp(`^/${locale}/months/\\d{4}-\\d{2}/$`), 'newest'),
  ];
}
