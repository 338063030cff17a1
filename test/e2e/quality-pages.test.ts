/**
 * The built demo site's data-quality pages (summary, every rule's and every owner's list): in
 * Swedish and Danish no English rule wording and no internal id; in every language no rule code
 * or measure id; the owner lists one link away from the summary.
 */
import { existsSync } from 'node:fs';
import { describe, expect, inject, it } from 'vitest';
import { listFiles, linksOn, parsePage, resolveUrlPath, type ParsedPage } from '../support/site.ts';
import { englishRuleTextIn, internalIds } from '../support/rule-text.ts';

const siteDir = inject('siteDir');

function qualityPages(locale: string): ParsedPage[] {
  if (!existsSync(siteDir)) throw new Error(`the site folder ${siteDir} does not exist`);
  return listFiles(siteDir)
    .filter((file) => file.startsWith(`${locale}/quality/`) && file.endsWith('.html'))
    .map((file) => parsePage(siteDir, file));
}

/** The text a reader sees (no style, no attributes). */
function visibleText(page: ParsedPage): string {
  const body = page.document.querySelector('body')!.cloneNode(true) as Element;
  for (const style of Array.from(body.querySelectorAll('style, script'))) style.remove();
  return (body.textContent ?? '').replace(/\s+/g, ' ');
}

describe('data-quality pages', () => {
  it.each(['sv', 'da'])('%s: no English rule text and no internal id', (locale) => {
    const pages = qualityPages(locale);
    expect(pages.length).toBeGreaterThan(3); // summary + rule lists + owner lists
    const problems = pages.flatMap((page) => {
      const text = visibleText(page);
      return [...englishRuleTextIn(text), ...internalIds(text)].map((found) => `${page.urlPath}: ${found}`);
    });
    expect(problems).toEqual([]);
  });

  it('en: no rule code and no measure id', () => {
    const problems = qualityPages('en').flatMap((page) => internalIds(visibleText(page)).map((found) => `${page.urlPath}: ${found}`));
    expect(problems).toEqual([]);
  });

  it('links every owner with issues to their own list, and every rule to its list', () => {
    const summary = parsePage(siteDir, 'sv/quality/index.html');
    const links = linksOn(summary);
    const owners = links.filter((href) => href.startsWith('/sv/quality/owners/'));
    const rules = links.filter((href) => href.startsWith('/sv/quality/rules/'));
    expect(owners.length).toBeGreaterThan(0);
    expect(rules.length).toBeGreaterThan(0);
    for (const href of [...owners, ...rules]) expect(resolveUrlPath(siteDir, href), href).toMatchObject({ ok: true });
  });
});
