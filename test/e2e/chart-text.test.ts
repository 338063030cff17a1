/**
 * Every chart type of src/charts, drawn from hand-written inputs with long names and wide values,
 * put in place of a chart of the built overview (so the site's own CSS, fonts and widths apply)
 * and measured in Chromium: its smallest text as rendered is at least 11 px on a 390 px phone and
 * 14 px at 1280 px, also in the monthly review's two columns there, and no text leaves the drawing.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { barChart, funnelChart, lineChart, progressBars, stackedBarsByMonth } from '../../src/charts/index.ts';
import { cumulativeByMonth } from '../../src/charts/cumulative-by-month.ts';
import { forecastStack } from '../../src/charts/forecast-stack.ts';
import { leadLossChart } from '../../src/charts/lead-loss-chart.ts';
import * as fixtures from '../charts/fixtures.ts';
import { browserPolicy, launchChromium } from '../support/browser.ts';
import { startStaticServer, type StaticServer } from '../support/static-server.ts';

const siteDir = inject('siteDir');
const policy = browserPolicy();

const months = Array.from({ length: 12 }, (_, i) => `2026-${String(i + 1).padStart(2, '0')}`);
const weeks = Array.from({ length: 26 }, (_, i) => `2026-W${String(i + 22).padStart(2, '0')}`);

/** One chart of every type, in English (the widest labels: "105%", "SEK millions"). */
function everyChart(): Record<string, string> {
  const base = { locale: 'en' as const, title: 'Chart' };
  return {
    bar: barChart([...fixtures.volumePerChannel, { label: 'A seller with a rather long name', value: 12_345_678 }], { ...base, currency: 'SEK' }),
    funnel: funnelChart(fixtures.funnel, { ...base, scale: 'sqrt' }),
    progress: progressBars([...fixtures.attainment, { label: 'Far ahead', value: 1.87, expected: 0.9 }], base),
    stacked: stackedBarsByMonth(
      months.map((month, i) => ({ month, channel: 'new' as const, value: 100_000 * (i + 1) })),
      { ...base, currency: 'SEK', months, target: 800_000 },
    ),
    line: lineChart(
      weeks.map((week, i) => ({ week, value: 1_000 + 97 * i })),
      { ...base, weeks, goal: 2_000 },
    ),
    lineCapped: lineChart(
      [
        { week: '2026-W46', value: 914 },
        { week: '2026-W47', value: 120 },
      ],
      { ...base, percent: true, cap: 200 },
    ),
    cumulative: cumulativeByMonth(
      months.map((month) => ({ month, result: 4_400_000, budget: 4_500_000 })),
      { ...base, currency: 'SEK', resultLabel: 'Result', budgetLabel: 'Budget' },
    ),
    forecast: forecastStack(
      [
        { label: 'The company FY2026-Q4', closed: 9_000_000, commit: 8_600_000, bestCase: 3_800_000, budget: 16_200_000 },
        { label: 'Stockholm FY2026-Q4', closed: 4_700_000, commit: 3_000_000, bestCase: 1_000_000, budget: 7_700_000 },
      ],
      { ...base, currency: 'SEK', labels: { closed: 'Closed', commit: 'Commit', bestCase: 'Best case', budget: 'Budget' } },
    ),
    leadLoss: leadLossChart(
      [
        { label: 'organic_search_campaign_2026', stopped: [20, 5, 3] },
        { label: 'social', stopped: [3, 0, 1] },
      ],
      { ...base, segments: ['Stopped at leads', 'Stopped at deals', 'Won'], endsWon: true },
    ),
  };
}

/** The newest monthly review (its charts stand in two columns at 1280 px). */
function latestMonth(): string {
  const names = readdirSync(join(siteDir, 'en', 'months'), { withFileTypes: true })
    .filter((e) => e.isDirectory())
    .map((e) => e.name)
    .sort();
  return `/en/months/${names.at(-1)}/`;
}

describe.skipIf(!policy.run)(`every chart type's text in Chromium${policy.run ? '' : ` — SKIPPED: ${policy.reason}`}`, () => {
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

  const cases = [
    { name: 'a phone', path: () => '/en/', selector: 'figure.chart', width: 390, min: 11 },
    { name: 'a 1280 px screen', path: () => '/en/', selector: 'figure.chart', width: 1280, min: 14 },
    { name: "the monthly review's columns at 1280 px", path: latestMonth, selector: '.pack-charts figure.chart', width: 1280, min: 14 },
  ];
  for (const c of cases) {
    it(`draws every chart type's text at ${c.min} px or more on ${c.name}, inside the drawing`, async () => {
      // JavaScript on only for the test to swap the chart in; the page itself has none.
      const context = await browser!.newContext({ viewport: { width: c.width, height: 900 } });
      const page = await context.newPage();
      await page.goto(server!.url + c.path(), { waitUntil: 'load' });
      for (const [type, markup] of Object.entries(everyChart())) {
        const facts = await page.evaluate(
          ([selector, html]) => {
            const plot = document.querySelector(`${selector} .plot`)!;
            plot.innerHTML = html;
            const svg = plot.querySelector('svg')!;
            const frame = svg.getBoundingClientRect();
            let min = Infinity;
            let smallest = '';
            const outside: string[] = [];
            for (const text of svg.querySelectorAll('text')) {
              const box = text.getBoundingClientRect();
              if (box.width === 0 || !(text.textContent ?? '').trim()) continue;
              const ctm = text.getScreenCTM();
              const size = parseFloat(getComputedStyle(text).fontSize) * (ctm ? Math.hypot(ctm.a, ctm.b) : 1);
              if (size < min) [min, smallest] = [size, text.textContent ?? ''];
              if (box.left < frame.left - 1 || box.right > frame.right + 1 || box.top < frame.top - 1 || box.bottom > frame.bottom + 1) {
                outside.push(text.textContent ?? '');
              }
            }
            return { width: frame.width, min, smallest, outside };
          },
          [c.selector, markup] as const,
        );
        expect(facts.min, `${type} at ${facts.width} px: "${facts.smallest}" at ${facts.min.toFixed(1)} px`).toBeGreaterThanOrEqual(c.min);
        expect(facts.outside, `${type} at ${facts.width} px: text outside the drawing`).toEqual([]);
      }
      await context.close();
    });
  }
});
