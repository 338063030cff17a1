/**
 * The built demo site in Debian's Chromium, served over HTTP from 127.0.0.1: the key pages of
 * every locale render with JavaScript off (HTTP 200, no console or page errors, nothing fetched
 * from another site, an <h1>), have no serious or critical axe-core violations, and screenshots
 * of a few pages (desktop, phone, print, dark) land in test/output/screenshots/ for a human.
 *
 * Two browser contexts: the page is rendered and judged with JavaScript OFF, as readers get it;
 * axe needs JavaScript, so it runs in a second, JS-on context that only injects axe.
 */
import { mkdirSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import axe from 'axe-core';
import type { Browser, BrowserContext, BrowserContextOptions, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { browserPolicy, launchChromium } from '../support/browser.ts';
import { keyPages, LOCALES, type KeyPage } from '../support/site.ts';
import { startStaticServer, type StaticServer } from '../support/static-server.ts';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const SCREENSHOT_DIR = join(root, 'test/output/screenshots');
const siteDir = inject('siteDir');

const DESKTOP = { width: 1280, height: 800 };
const PHONE = { width: 390, height: 844 };
/** A4 at 96 dpi, for the print-emulated screenshot. */
const PAPER = { width: 794, height: 1123 };

const policy = browserPolicy();
if (!policy.run) process.stderr.write(`\n⚠ browser tests skipped: ${policy.reason}\n\n`);

/** Key pages per locale, found from the built site when the file is collected. */
function pagesOf(locale: string): KeyPage[] {
  try {
    return keyPages(siteDir, locale);
  } catch (error) {
    return [{ label: 'key pages', path: null, problem: `could not read the site in ${siteDir}: ${(error as Error).message}` }];
  }
}
const PAGES = new Map(LOCALES.map((locale) => [locale, pagesOf(locale)] as const));

function pathOf(locale: string, label: string): string {
  const page = PAGES.get(locale as (typeof LOCALES)[number])?.find((p) => p.label === label);
  if (!page?.path) throw new Error(page?.problem ?? `no ${label} page known in ${locale}`);
  return page.path;
}

interface Violation {
  id: string;
  impact: string | null;
  help: string;
  nodes: number;
  targets: string[];
}

describe.skipIf(!policy.run)(`site in Chromium${policy.run ? '' : ` — SKIPPED: ${policy.reason}`}`, () => {
  let browser: Browser | undefined;
  let server: StaticServer | undefined;
  let axeContext: BrowserContext | undefined;
  let setupError: Error | undefined;

  beforeAll(async () => {
    // A setup failure is rethrown by every test, so that each one counts as failed.
    try {
      server = await startStaticServer(siteDir);
      browser = await launchChromium();
      axeContext = await browser.newContext({ javaScriptEnabled: true, bypassCSP: true, viewport: DESKTOP });
    } catch (error) {
      setupError = error as Error;
    }
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  function ready(): { browser: Browser; server: StaticServer; axeContext: BrowserContext } {
    if (setupError) throw new Error(`browser test setup failed: ${setupError.message}`);
    if (!browser || !server || !axeContext) throw new Error('browser test setup did not run');
    return { browser, server, axeContext };
  }

  /**
   * Opens a URL path in a fresh JavaScript-off context and records everything that went wrong:
   * HTTP status, console errors, page errors, failed or 4xx/5xx requests, requests to other sites.
   */
  async function openJsOff(path: string, options: BrowserContextOptions = {}): Promise<{ page: Page; problems: string[]; close: () => Promise<void> }> {
    const { browser, server } = ready();
    const context = await browser.newContext({ viewport: DESKTOP, ...options, javaScriptEnabled: false });
    const problems: string[] = [];
    await context.route('**/*', (route) => {
      const url = route.request().url();
      if (url.startsWith(`${server.url}/`)) return route.continue();
      problems.push(`tried to load from another site: ${url}`);
      return route.abort('blockedbyclient');
    });
    const page = await context.newPage();
    page.on('console', (message) => {
      if (message.type() === 'error') problems.push(`console error: ${message.text()} ${message.location().url ?? ''}`.trim());
    });
    page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
    page.on('response', (response) => {
      if (response.status() >= 400) problems.push(`HTTP ${response.status()} for ${response.url().replace(server.url, '')}`);
    });
    page.on('requestfailed', (request) => {
      if (request.url().startsWith(`${server.url}/`))
        problems.push(`request failed: ${request.url().replace(server.url, '')} (${request.failure()?.errorText})`);
    });
    const response = await page.goto(server.url + path, { waitUntil: 'load' });
    if (!response) problems.push('no response');
    else if (response.status() !== 200) problems.push(`HTTP ${response.status()} (expected 200)`);
    else if (!(response.headers()['content-type'] ?? '').startsWith('text/html')) problems.push(`content-type ${response.headers()['content-type']}`);
    return { page, problems, close: () => context.close() };
  }

  /** axe-core's violations of impact serious or critical on a page, in a JS-on context. */
  async function seriousViolations(path: string, context?: BrowserContext): Promise<Violation[]> {
    const { server, axeContext } = ready();
    const page = await (context ?? axeContext).newPage();
    try {
      await page.goto(server.url + path, { waitUntil: 'load' });
      await page.addScriptTag({ content: axe.source });
      const violations = await page.evaluate(async () => {
        const runner = (globalThis as unknown as { axe: typeof axe }).axe;
        const results = await runner.run(document, { resultTypes: ['violations'] });
        return results.violations.map((v) => ({
          id: v.id,
          impact: v.impact ?? null,
          help: v.help,
          nodes: v.nodes.length,
          targets: v.nodes.slice(0, 3).map((node) => {
            const selector = node.target.map((t) => (Array.isArray(t) ? t.join(' >>> ') : String(t))).join(' ');
            const html = node.html.replace(/\s+/g, ' ');
            return `${selector} ${html.length > 100 ? `${html.slice(0, 100)}…` : html}`;
          }),
        }));
      });
      return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
    } finally {
      await page.close();
    }
  }

  function describeViolations(path: string, violations: Violation[]): string {
    return [
      `${path}: ${violations.length} serious/critical axe violation(s):`,
      ...violations.map((v) => `  [${v.impact}] ${v.id}: ${v.help} (${v.nodes} element(s)):\n      ${v.targets.join('\n      ')}`),
    ].join('\n');
  }

  async function screenshot(name: string, page: Page): Promise<void> {
    mkdirSync(SCREENSHOT_DIR, { recursive: true });
    const file = join(SCREENSHOT_DIR, name);
    await page.screenshot({ path: file, fullPage: true });
    expect(statSync(file).size, `screenshot ${file} is empty`).toBeGreaterThan(0);
  }

  for (const locale of LOCALES) {
    describe(`/${locale}/ key pages`, () => {
      for (const target of PAGES.get(locale) ?? []) {
        it(`${target.label} ${target.path ?? '(not found)'}: renders with JavaScript off, no errors, an <h1>, no serious axe violations`, async () => {
          if (!target.path) throw new Error(target.problem);
          const path = target.path;
          const { page, problems, close } = await openJsOff(path);
          try {
            const h1s = await page.locator('h1').allInnerTexts();
            if (h1s.length === 0) problems.push('no <h1>');
            else if (!h1s[0]?.trim()) problems.push('the <h1> is empty');
            if (!(await page.title()).trim()) problems.push('empty <title>');
            // A key figure wider than its card runs into the next card (at 1280 px).
            const overflowing = await page.evaluate(() =>
              Array.from(document.querySelectorAll('.kpi'))
                .filter((card) => {
                  const value = card.querySelector('.value');
                  return value !== null && value.scrollWidth > value.clientWidth;
                })
                .map((card) => card.querySelector('.value')?.textContent ?? ''),
            );
            for (const value of overflowing) problems.push(`the key figure "${value}" is wider than its card`);
            // A key figure broken over two lines ("54,9 mio. SE" / "K") reads as two figures.
            const wrapped = await page.evaluate(() =>
              Array.from(document.querySelectorAll('.kpi .value'))
                .filter((value) => {
                  const range = document.createRange();
                  range.selectNodeContents(value);
                  return new Set(Array.from(range.getClientRects(), (rect) => Math.round(rect.top))).size > 1;
                })
                .map((value) => value.textContent ?? ''),
            );
            for (const value of wrapped) problems.push(`the key figure "${value}" is broken over lines`);
          } finally {
            await close();
          }
          expect(problems, `${path} (${locale} ${target.label}) with JavaScript off:\n  ${problems.join('\n  ')}\n`).toEqual([]);
          const violations = await seriousViolations(path);
          expect(violations, describeViolations(path, violations)).toEqual([]);
        });
      }
    });
  }

  describe('screenshots in test/output/screenshots/', () => {
    const desktop: [string, string, string][] = [
      ['desktop-sv-overview.png', 'sv', 'overview'],
      ['desktop-sv-week.png', 'sv', 'newest week'],
      ['desktop-sv-pipeline.png', 'sv', 'pipeline'],
      ['desktop-en-overview.png', 'en', 'overview'],
    ];
    for (const [name, locale, label] of desktop) {
      it(`${name}: ${locale} ${label} at 1280×800`, async () => {
        const path = pathOf(locale, label);
        const { page, problems, close } = await openJsOff(path);
        try {
          expect(problems, `${path}:\n  ${problems.join('\n  ')}`).toEqual([]);
          await screenshot(name, page);
        } finally {
          await close();
        }
      });
    }

    it('phone-sv-overview.png: sv overview at 390×844, without sideways scrolling', async () => {
      const path = pathOf('sv', 'overview');
      const { page, problems, close } = await openJsOff(path, { viewport: PHONE, isMobile: true, hasTouch: true });
      try {
        expect(problems, `${path} on a phone:\n  ${problems.join('\n  ')}`).toEqual([]);
        await screenshot('phone-sv-overview.png', page);
        // Elements sticking out past the screen's right edge that no scroll box contains.
        const overflow = await page.evaluate(() => {
          const width = document.documentElement.clientWidth;
          const clipped = (element: Element): boolean => {
            for (let e = element.parentElement; e && e !== document.body; e = e.parentElement) {
              if (getComputedStyle(e).overflowX !== 'visible') return true;
            }
            return false;
          };
          const sticking = Array.from(document.body.querySelectorAll('*')).filter((e) => e.getBoundingClientRect().right > width + 1 && !clipped(e));
          const outermost = sticking.filter((e) => !sticking.includes(e.parentElement as Element));
          return {
            width,
            scrollWidth: document.documentElement.scrollWidth,
            culprits: outermost.slice(0, 5).map((e) => {
              const classes = Array.from(e.classList)
                .map((c) => `.${c}`)
                .join('');
              return `${e.localName}${classes} (right edge at ${Math.round(e.getBoundingClientRect().right)} px)`;
            }),
          };
        });
        expect(
          overflow.scrollWidth,
          `${path} scrolls sideways on a ${PHONE.width} px phone: ${overflow.scrollWidth} px wide; sticking out: ${overflow.culprits.join(', ') || '?'}`,
        ).toBeLessThanOrEqual(overflow.width + 1);
      } finally {
        await close();
      }
    });

    it('print-sv-month.png: sv newest month, print media', async () => {
      const path = pathOf('sv', 'newest month');
      const { page, problems, close } = await openJsOff(path, { viewport: PAPER });
      try {
        expect(problems, `${path}:\n  ${problems.join('\n  ')}`).toEqual([]);
        await page.emulateMedia({ media: 'print' });
        await screenshot('print-sv-month.png', page);
      } finally {
        await close();
      }
    });

    it('dark-sv-overview.png: sv overview in dark mode, with no serious axe violations (contrast)', async () => {
      const path = pathOf('sv', 'overview');
      const { page, problems, close } = await openJsOff(path, { colorScheme: 'dark' });
      try {
        expect(problems, `${path} in dark mode:\n  ${problems.join('\n  ')}`).toEqual([]);
        await screenshot('dark-sv-overview.png', page);
      } finally {
        await close();
      }
      const darkAxe = await ready().browser.newContext({ javaScriptEnabled: true, bypassCSP: true, viewport: DESKTOP, colorScheme: 'dark' });
      try {
        const violations = await seriousViolations(path, darkAxe);
        expect(violations, `dark mode: ${describeViolations(path, violations)}`).toEqual([]);
      } finally {
        await darkAxe.close();
      }
    });
  });
});
