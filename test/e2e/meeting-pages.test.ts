/**
 * The meeting pages in Chromium, as a meeting uses them: the overview, the latest weekly page and
 * the monthly review at 1280 px, on a projector (1366×768) and on a phone (390 px). Layout facts,
 * not pixels: nothing wider than the screen, the first block on the first screen, the meeting
 * pages reachable from the phone's navigation, and the monthly review printed to A4 in at most
 * four pages with its title, as-of date and page numbers in the page margins. Swedish and Danish
 * pages hold no internal stage, measure or channel id. Screenshots land in test/output/screenshots/.
 */
import { mkdirSync, readdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { browserPolicy, launchChromium } from '../support/browser.ts';
import { startStaticServer, type StaticServer } from '../support/static-server.ts';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const SCREENSHOT_DIR = join(root, 'test/output/screenshots');
const siteDir = inject('siteDir');
const policy = browserPolicy();

const VIEWPORTS = {
  desktop: { width: 1280, height: 800 },
  projector: { width: 1366, height: 768 },
  phone: { width: 390, height: 844 },
} as const;
const MAX_PRINT_PAGES = 4;
/** Smallest chart text, in CSS px as rendered, by viewport width. */
const MIN_CHART_TEXT: Record<number, number> = { 390: 11, 1280: 14 };

interface ChartText {
  id: string;
  /** Smallest rendered size of the chart's visible text, in CSS px, and that text. */
  min: number;
  smallest: string;
  /** Visible SVG texts reaching outside their drawing by more than a pixel. */
  outside: string[];
}

/**
 * Measures, in the browser, every chart of the page: the rendered size of each visible text (an
 * SVG text's computed font size is in the drawing's units, so it is multiplied by the drawing's
 * scale on screen; HTML text such as the legend is taken as computed) and whether it stays inside
 * its SVG's box.
 */
function measureChartText(): ChartText[] {
  return [...document.querySelectorAll('figure.chart')].map((figure) => {
    let min = Infinity;
    let smallest = '';
    const outside: string[] = [];
    const svg = figure.querySelector('svg.tavla-plot');
    const frame = svg?.getBoundingClientRect();
    for (const element of figure.querySelectorAll('.plot *')) {
      const own = [...element.childNodes].some((node) => node.nodeType === Node.TEXT_NODE && (node.textContent ?? '').trim() !== '');
      if (!own || element.closest('title, desc')) continue;
      const box = element.getBoundingClientRect();
      if (box.width === 0 || box.height === 0) continue;
      let size = parseFloat(getComputedStyle(element).fontSize);
      if (element instanceof SVGGraphicsElement) {
        const ctm = element.getScreenCTM();
        if (ctm) size *= Math.hypot(ctm.a, ctm.b);
        if (frame && (box.left < frame.left - 1 || box.right > frame.right + 1 || box.top < frame.top - 1 || box.bottom > frame.bottom + 1)) {
          outside.push(element.textContent ?? '');
        }
      }
      if (size < min) {
        min = size;
        smallest = (element.textContent ?? '').trim();
      }
    }
    return { id: figure.id, min, smallest, outside };
  });
}

/** The newest folder under sv/<section>/ (weeks, months), and the one before it. */
function latest(section: string, back = 0): string {
  const names = readdirSync(join(siteDir, 'sv', section), { withFileTypes: true })
    .filter((e) => e.isDirectory())
    .map((e) => e.name)
    .sort();
  const name = names[names.length - 1 - back];
  if (!name) throw new Error(`no ${section} pages in ${siteDir}/sv/${section}`);
  return name;
}

const pages = () => ({
  overview: '/sv/',
  weekly: `/sv/weeks/${latest('weeks')}/`,
  monthly: `/sv/months/${latest('months', 1)}/`,
});

/** Counts the pages of a PDF by its page objects (`/Type /Page`, not `/Pages`). */
export function pdfPageCount(pdf: Buffer): number {
  return (pdf.toString('latin1').match(/\/Type\s*\/Page(?![s\w])/g) ?? []).length;
}

describe.skipIf(!policy.run)(`meeting pages in Chromium${policy.run ? '' : ` — SKIPPED: ${policy.reason}`}`, () => {
  let browser: Browser | undefined;
  let server: StaticServer | undefined;

  beforeAll(async () => {
    server = await startStaticServer(siteDir);
    browser = await launchChromium();
    mkdirSync(SCREENSHOT_DIR, { recursive: true });
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  async function open(path: string, viewport: { width: number; height: number }): Promise<Page> {
    const context = await browser!.newContext({ javaScriptEnabled: false, viewport });
    const page = await context.newPage();
    const response = await page.goto(server!.url + path, { waitUntil: 'load' });
    expect(response?.status(), path).toBe(200);
    return page;
  }

  for (const [name, viewport] of Object.entries(VIEWPORTS)) {
    for (const key of ['overview', 'weekly', 'monthly'] as const) {
      it(`${key} at ${name} (${viewport.width}×${viewport.height}): no sideways overflow${name === 'phone' ? '' : ', first block on the first screen'}`, async () => {
        const path = pages()[key];
        const page = await open(path, viewport);
        const facts = await page.evaluate(() => {
          const block = document.querySelector('.first-block');
          const wide = [...document.querySelectorAll('main *')]
            .filter((el) => el.getBoundingClientRect().right > window.innerWidth + 1 && !el.closest('.scroll, details:not([open])'))
            .slice(0, 3)
            .map((el) => `${el.tagName.toLowerCase()}.${el.className}`);
          return {
            scrollWidth: document.documentElement.scrollWidth,
            innerWidth: window.innerWidth,
            blockBottom: block ? block.getBoundingClientRect().bottom : null,
            wide,
          };
        });
        await page.screenshot({ path: join(SCREENSHOT_DIR, `meeting-${key}-${name}.png`), fullPage: false });
        expect(facts.scrollWidth, `${path}: page wider than the screen (${facts.wide.join(', ')})`).toBeLessThanOrEqual(facts.innerWidth);
        expect(facts.wide, `${path}: elements reaching past the right edge`).toEqual([]);
        expect(facts.blockBottom, `${path}: no .first-block`).not.toBeNull();
        if (name !== 'phone') expect(facts.blockBottom!, `${path}: first block ends below the first screen`).toBeLessThanOrEqual(viewport.height);
        await page.context().close();
      });
    }
  }

  for (const width of [390, 1280]) {
    it(`draws every chart's text at ${MIN_CHART_TEXT[width]} px or more at ${width} px, inside its drawing (sv, da, en)`, async () => {
      const viewport = width === 390 ? VIEWPORTS.phone : VIEWPORTS.desktop;
      let charts = 0;
      for (const lang of ['sv', 'da', 'en']) {
        for (const path of Object.values(pages())) {
          const localized = path.replace(/^\/sv\//, `/${lang}/`);
          const page = await open(localized, viewport);
          const facts = await page.evaluate(measureChartText);
          for (const chart of facts) {
            expect(chart.min, `${localized}#${chart.id}: "${chart.smallest}" at ${chart.min.toFixed(1)} px`).toBeGreaterThanOrEqual(MIN_CHART_TEXT[width]!);
            expect(chart.outside, `${localized}#${chart.id}: text outside the drawing`).toEqual([]);
          }
          charts += facts.length;
          await page.context().close();
        }
      }
      // The overview and the monthly review hold four charts each, the weekly page at least one.
      expect(charts).toBeGreaterThanOrEqual(3 * 9);
    });
  }

  it('reaches the weekly and monthly pages from the navigation on a phone', async () => {
    const page = await open('/sv/', VIEWPORTS.phone);
    const links = await page.evaluate(() =>
      [...document.querySelectorAll('.main-nav a')].map((a) => {
        const box = a.getBoundingClientRect();
        return { href: a.getAttribute('href'), visible: box.width > 0 && box.left >= 0 && box.right <= window.innerWidth };
      }),
    );
    for (const section of ['/sv/weeks/', '/sv/months/']) {
      expect(
        links.find((l) => l.href === section),
        `${section} in the navigation`,
      ).toMatchObject({ visible: true });
    }
    await page.context().close();
  });

  it(`prints the monthly review to A4 in at most ${MAX_PRINT_PAGES} pages, with title, as-of date and page numbers`, async () => {
    const path = pages().monthly;
    const page = await open(path, VIEWPORTS.desktop);
    await page.emulateMedia({ media: 'print' });
    await page.screenshot({ path: join(SCREENSHOT_DIR, 'meeting-monthly-print.png'), fullPage: true });
    const pdf = await page.pdf({ format: 'A4', preferCSSPageSize: true, printBackground: true });
    const count = pdfPageCount(pdf);
    expect(count, `${path} printed to ${count} pages`).toBeGreaterThan(0);
    expect(count, `${path} printed to ${count} pages`).toBeLessThanOrEqual(MAX_PRINT_PAGES);
    const css = await page.evaluate(() => [...document.querySelectorAll('style')].map((s) => s.textContent ?? '').join('\n'));
    expect(css).toMatch(/@top-left \{ content: "[^"]*Månadsgenomgång/);
    expect(css).toMatch(/@top-right \{ content: "Per /);
    expect(css).toContain('counter(page)');
    await page.context().close();
  });

  it('shows no internal stage, measure or channel id on Swedish and Danish meeting pages', async () => {
    const ids = /\b(volume:(?:total|new|upsell|renewal|winback)|best_case|meeting_held|meeting_booked|winback|qualification|negotiation)\b/;
    for (const lang of ['sv', 'da']) {
      for (const path of Object.values(pages())) {
        const localized = path.replace(/^\/sv\//, `/${lang}/`);
        const page = await open(localized, VIEWPORTS.desktop);
        const text = await page.evaluate(() => document.querySelector('main')?.innerText ?? '');
        expect(text.match(ids)?.[0], `${localized} shows an internal id`).toBeUndefined();
        await page.context().close();
      }
    }
  });
});
