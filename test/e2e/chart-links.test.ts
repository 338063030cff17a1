/**
 * A chart's bars lead to their rows in the browser, with JavaScript off and by keyboard: Tab
 * reaches the overview's first monthly column, it is named by its month and value, and Enter
 * opens that month's review.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { browserPolicy, launchChromium } from '../support/browser.ts';
import { startStaticServer, type StaticServer } from '../support/static-server.ts';

const siteDir = inject('siteDir');
const policy = browserPolicy();

describe.skipIf(!policy.run)(`chart links in Chromium${policy.run ? '' : ` — SKIPPED: ${policy.reason}`}`, () => {
  let browser: Browser | undefined;
  let server: StaticServer | undefined;

  beforeAll(async () => {
    server = await startStaticServer(siteDir);
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('Tab reaches a month column of the overview chart and Enter opens its monthly review', async () => {
    const context = await browser!.newContext({ javaScriptEnabled: false, viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    await page.goto(`${server!.url}/sv/`, { waitUntil: 'load' });
    let focused: { name: string | null; href: string | null } | null = null;
    for (let i = 0; i < 150 && !focused; i++) {
      await page.keyboard.press('Tab');
      focused = await page.evaluate(() => {
        const a = document.activeElement;
        return a && a.closest('svg.tavla-plot') ? { name: a.getAttribute('aria-label'), href: a.getAttribute('href') } : null;
      });
    }
    expect(focused?.name).toMatch(/^januari 2026: /);
    expect(focused?.href).toBe('/sv/months/2026-01/');
    await Promise.all([page.waitForURL('**/sv/months/2026-01/'), page.keyboard.press('Enter')]);
    expect(new URL(page.url()).pathname).toBe('/sv/months/2026-01/');
    await context.close();
  });
});
