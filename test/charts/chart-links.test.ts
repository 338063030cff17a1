/**
 * Bars and points that lead to the rows behind them: a plain `<a href>` around the mark (works
 * with JavaScript off), named for screen readers and the keyboard, and a chart whose marks link is
 * a group of links, not one image (an image hides its links). A chart without links is unchanged.
 */
import { describe, expect, it } from 'vitest';
import { barChart, lineChart, progressBars, stackedBarsByMonth } from '../../src/charts/index.ts';
import { cumulativeByMonth } from '../../src/charts/cumulative-by-month.ts';
import { forecastStack } from '../../src/charts/forecast-stack.ts';

const base = { locale: 'sv' as const, title: 'Titel' };
// Money and percentages keep their parts together with no-break spaces; read here as spaces.
const anchors = (svg: string) => [...svg.matchAll(/<a ([^>]*)>/g)].map((m) => m[1]!.replace(/\u00a0/g, ' '));

describe('chart links', () => {
  it('a bar chart links each bar that has an address, named by its label and value', () => {
    const svg = barChart(
      [
        { label: 'Offert', value: 1_500_000, href: '/sv/pipeline/' },
        { label: 'Förhandling', value: 500_000 },
      ],
      { ...base, currency: 'SEK' },
    );
    expect(anchors(svg)).toEqual(['aria-label="Offert: 1,5 mnkr" href="/sv/pipeline/"']);
    expect(svg).not.toContain('xlink:href');
    expect(svg).toMatch(/^<svg role="group" aria-label="Titel"/);
  });

  it('without addresses the chart stays one image with no links', () => {
    const svg = barChart([{ label: 'Offert', value: 1 }], base);
    expect(svg).toMatch(/^<svg role="img"/);
    expect(svg).not.toContain('<a ');
  });

  it('a monthly bar chart links each month that has a page, as one column over its stack', () => {
    const svg = stackedBarsByMonth(
      [
        { month: '2026-01', channel: 'new', value: 100 },
        { month: '2026-01', channel: 'winback', value: 20 },
        { month: '2026-02', channel: 'new', value: 50 },
      ],
      { ...base, currency: 'SEK', monthHref: (m) => (m === '2026-01' ? '/sv/months/2026-01/' : undefined) },
    );
    // January: 100 + 20 = 120 kr in one link; February has no page, so no link.
    expect(anchors(svg)).toEqual(['aria-label="januari 2026: 120 kr" href="/sv/months/2026-01/"']);
  });

  it('attainment bars, forecast rows, weekly and cumulative points link where given', () => {
    expect(anchors(progressBars([{ label: 'Malmö', value: 0.8, href: '/sv/teams/malmo/' }], base))).toEqual([
      'aria-label="Malmö: 80 %" href="/sv/teams/malmo/"',
    ]);
    const forecast = forecastStack([{ label: 'Malmö Q4', closed: 10, commit: 5, bestCase: 5, budget: 30, href: '/sv/teams/malmo/' }], {
      ...base,
      labels: { closed: 'Stängt', commit: 'Commit', bestCase: 'Bästa fall', budget: 'Budget' },
    });
    // 10 + 5 + 5 = 20 forecast; the link covers up to the budget (30) so the tick is inside it.
    expect(anchors(forecast)).toEqual(['aria-label="Malmö Q4: 20" href="/sv/teams/malmo/"']);
    const weeks = lineChart(
      [
        { week: '2026-W46', value: 3, href: '/sv/weeks/2026-w46/' },
        { week: '2026-W47', value: null, href: '/sv/weeks/2026-w47/' },
      ],
      base,
    );
    // A week without a value has no point, so nothing to click.
    expect(anchors(weeks)).toEqual(['aria-label="v. 46 2026: 3" href="/sv/weeks/2026-w46/"']);
    const cumulative = cumulativeByMonth([{ month: '2026-01', result: 5, budget: 4 }], {
      ...base,
      resultLabel: 'U',
      budgetLabel: 'B',
      monthHref: (m) => `/sv/months/${m}/`,
    });
    expect(anchors(cumulative)).toEqual(['aria-label="januari 2026: 5" href="/sv/months/2026-01/"']);
  });
});
