/**
 * After a failed nightly run, the site that stays up says so: every page of the last good
 * site gets a notice, in its own language, at the layout's `data-nightly-status` element
 * ("the nightly update of 7 Dec 2026 failed; these pages are the last good build, of …").
 * The figures are left as they were; the next good build replaces the whole site, notice
 * and all. Each page is rewritten whole (temporary file, then rename).
 */
import { readdir, readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { formatDate } from '../format/date.ts';
import { isLocale, t, type Locale } from '../i18n/index.ts';
import { formatBuiltAt } from '../views/build-stamp.ts';

const STATUS = /<div class="status" data-nightly-status(?: data-built-at="([^"]*)")?>[\s\S]*?<\/div>/;

async function htmlFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  return entries.filter((e) => e.isFile() && e.name.endsWith('.html')).map((e) => join(e.parentPath, e.name));
}

async function timeZoneOf(siteDir: string): Promise<string> {
  try {
    const report = JSON.parse(await readFile(join(siteDir, 'report.json'), 'utf8')) as { meta?: { timeZone?: string } };
    return report.meta?.timeZone ?? 'Europe/Stockholm';
  } catch {
    return 'Europe/Stockholm';
  }
}

/** The page with the notice of a failed night `date`; unchanged when it has no status element. */
export function withFailureNotice(html: string, date: string, timeZone: string): string {
  const lang = /<html lang="([a-z]+)"/.exec(html)?.[1] ?? 'en';
  const locale: Locale = isLocale(lang) ? lang : 'en';
  return html.replace(STATUS, (_element, builtAt: string | undefined) => {
    const built = builtAt ? formatBuiltAt(builtAt, locale, timeZone) : '–';
    const text = t(locale, 'site.nightlyFailed', { date: formatDate(date, locale), built });
    const escaped = text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
    return `<div class="status" data-nightly-status${builtAt ? ` data-built-at="${builtAt}"` : ''}><p class="alert" role="alert">${escaped}</p></div>`;
  });
}

/** Marks every page of the site in `siteDir` with the notice; returns how many pages carry it. */
export async function markNightlyFailed(siteDir: string, date: string): Promise<number> {
  const timeZone = await timeZoneOf(siteDir);
  let marked = 0;
  for (const file of await htmlFiles(siteDir)) {
    const html = await readFile(file, 'utf8');
    const next = withFailureNotice(html, date, timeZone);
    if (next === html && !STATUS.test(html)) continue;
    await writeFile(`${file}.tmp`, next);
    await rename(`${file}.tmp`, file);
    marked += 1;
  }
  return marked;
}
