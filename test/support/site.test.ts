/**
 * The helpers the end-to-end checks read a built site with: URL paths of files, where a link
 * lands, which addresses count as another site, and what a page refers to.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { classifyRef, keyPages, listFiles, localeOf, parsePage, resolveRef, resolveUrlPath, urlPathOf } from './site.ts';

let site: string;

beforeAll(() => {
  site = mkdtempSync(join(tmpdir(), 'tavla-site-'));
  const put = (path: string, text: string) => {
    mkdirSync(join(site, path, '..'), { recursive: true });
    writeFileSync(join(site, path), text);
  };
  put('index.html', '<meta http-equiv="refresh" content="0; url=/sv/">');
  put('sv/index.html', '<html lang="sv"><h1>Översikt</h1>');
  put('sv/teams/index.html', '<a href="/sv/">home</a><a href="nord/">Nord</a><a href="syd/">Syd</a>');
  put('sv/teams/nord/index.html', '<h1>Nord</h1>');
  put('sv/weeks/index.html', '<a href="2026-w09/">9</a><a href="2026-w47/">47</a><a href="2026-w12/">12</a>');
  put('data/deals.csv', 'a\n');
});

afterAll(() => rmSync(site, { recursive: true, force: true }));

describe('site helpers', () => {
  it('lists files and maps them to trailing-slash URL paths', () => {
    expect(listFiles(site)).toContain('sv/teams/nord/index.html');
    expect(urlPathOf('index.html')).toBe('/');
    expect(urlPathOf('sv/teams/index.html')).toBe('/sv/teams/');
    expect(urlPathOf('404.html')).toBe('/404.html');
    expect(localeOf('/da/weeks/')).toBe('da');
    expect(localeOf('/data/deals.csv')).toBeUndefined();
  });

  it('classifies addresses', () => {
    expect(classifyRef('https://example.com/')).toBe('outside');
    expect(classifyRef('HTTP://example.com/')).toBe('outside');
    expect(classifyRef('//cdn.example.com/x.css')).toBe('outside');
    expect(classifyRef('javascript:void(0)')).toBe('javascript');
    expect(classifyRef('#main')).toBe('ignored');
    expect(classifyRef('mailto:a@b.se')).toBe('ignored');
    expect(classifyRef('data:image/png;base64,xx')).toBe('ignored');
    expect(classifyRef('../teams/')).toBe('internal');
    expect(classifyRef('/report.json?x=1#y')).toBe('internal');
  });

  it('resolves links like a browser, dropping query and fragment', () => {
    expect(resolveRef('../weeks/2026-w47/#top', '/sv/teams/')).toBe('/sv/weeks/2026-w47/');
    expect(resolveRef('/report.json?v=1', '/sv/')).toBe('/report.json');
    expect(resolveRef('nord/', '/sv/teams/')).toBe('/sv/teams/nord/');
  });

  it('finds where a URL path lands, and why not', () => {
    expect(resolveUrlPath(site, '/sv/teams/')).toEqual({ ok: true, file: 'sv/teams/index.html' });
    expect(resolveUrlPath(site, '/data/deals.csv')).toEqual({ ok: true, file: 'data/deals.csv' });
    expect(resolveUrlPath(site, '/sv/teams')).toMatchObject({ ok: false, reason: expect.stringContaining('trailing slash') });
    expect(resolveUrlPath(site, '/sv/nope/')).toMatchObject({ ok: false, reason: 'no such page' });
    expect(resolveUrlPath(site, '/data/')).toMatchObject({ ok: false, reason: 'folder has no index.html' });
  });

  it('collects the addresses of a page, the meta refresh included', () => {
    expect(parsePage(site, 'index.html').refs).toEqual([{ where: 'meta refresh', value: '/sv/' }]);
  });

  it('picks the first team and the newest week as key pages, and says what is missing', () => {
    const pages = keyPages(site, 'sv');
    expect(pages.find((p) => p.label === 'team')?.path).toBe('/sv/teams/nord/');
    expect(pages.find((p) => p.label === 'newest week')?.path).toBe('/sv/weeks/2026-w47/');
    expect(pages.find((p) => p.label === 'seller')).toMatchObject({ path: null, problem: expect.stringContaining('/sv/sellers/ is missing') });
  });
});
