import { describe, expect, it } from 'vitest';
import { barChart, createDocument, funnelChart, lineChart, progressBars, stackedBarsByMonth } from '../../src/charts/index.ts';
import { roundNumbers } from '../../src/charts/render.ts';
import * as fixtures from './fixtures.ts';

const base = { locale: 'sv' as const, title: 'Titel', description: 'Beskrivning.' };

describe('barChart', () => {
  it('renders volume per channel in channel colours', async () => {
    const svg = barChart(fixtures.volumePerChannel, {
      ...base,
      title: 'Försäljningsvolym per kanal',
      currency: 'SEK',
    });
    expect(svg).toContain('fill="#3b7dd8"');
    expect(svg).toContain('1,4&#160;mnkr');
    await expect(svg).toMatchFileSnapshot('../output/charts/barChart.svg');
  });

  it('renders open pipeline by stage in one colour, in the given order', async () => {
    const svg = barChart(fixtures.pipelineByStage, { ...base, locale: 'da', title: 'Åben pipeline pr. fase', currency: 'DKK' });
    expect(svg.indexOf('Kvalificering')).toBeLessThan(svg.indexOf('Förhandling'));
    await expect(svg).toMatchFileSnapshot('../output/charts/barChart-stages.svg');
  });

  it('says there is nothing to draw, instead of drawing, for no rows or only zeros', () => {
    for (const data of [
      [],
      [
        { label: 'A', value: 0 },
        { label: 'B', value: 0 },
      ],
    ]) {
      const markup = barChart(data, base);
      expect(markup).not.toContain('<svg');
      expect(markup).toContain('class="tavla-chart-empty"');
    }
  });
});

describe('stackedBarsByMonth', () => {
  it('stacks channels per month with a target per month', async () => {
    const svg = stackedBarsByMonth(fixtures.volumeByMonth, {
      ...base,
      title: 'Försäljningsvolym per månad',
      currency: 'SEK',
      months: ['2026-01', '2026-02', '2026-03', '2026-04'],
      target: [
        { month: '2026-01', value: 1_000_000 },
        { month: '2026-02', value: 1_000_000 },
        { month: '2026-03', value: 1_200_000 },
        { month: '2026-04', value: 1_200_000 },
      ],
    });
    expect(svg).toContain('<ul class="chart-legend">');
    expect(svg).toContain('Förlängningar');
    expect(svg).toContain('jan. 2026');
    await expect(svg).toMatchFileSnapshot('../output/charts/stackedBarsByMonth.svg');
  });

  it('stacks volume whose channel is not set in grey, so each column is the whole volume of its month', () => {
    const data = [
      { month: '2026-01', channel: 'new' as const, value: 300_000 },
      { month: '2026-01', channel: 'unset' as const, value: 200_000 },
      { month: '2026-02', channel: 'unset' as const, value: 400_000 },
    ];
    const svg = stackedBarsByMonth(data, { ...base, title: 'Volym', currency: 'SEK', months: ['2026-01', '2026-02'] });
    // Two grey segments (January's 200 000 and February's 400 000), one for the new deals; the
    // legend's swatches are rounded (rx), the bars are not. Heights scale with the values:
    // 300 000 : 200 000 : 400 000 = 3 : 2 : 4.
    const bars = [...svg.matchAll(/<rect fill="(#[0-9a-f]{6})" height="([\d.]+)"/g)].map((m) => [m[1], Number(m[2])] as const);
    expect(bars.map(([fill]) => fill)).toEqual(['#c2549d', '#868b94', '#868b94']);
    const [newBar, janUnset, febUnset] = bars.map(([, height]) => height);
    expect(janUnset! / newBar!).toBeCloseTo(2 / 3, 2);
    expect(febUnset! / newBar!).toBeCloseTo(4 / 3, 2);
    expect(svg).toContain('Kanal saknas');
    // Without such volume the legend does not name it.
    const given = stackedBarsByMonth(data.slice(0, 1), { ...base, title: 'Volym', currency: 'SEK' });
    expect(given).not.toContain('Kanal saknas');
  });

  it('draws one rule for a constant target, in English', async () => {
    const svg = stackedBarsByMonth(fixtures.volumeByMonth, { ...base, locale: 'en', title: 'Sales volume', currency: 'EUR', target: 1_100_000 });
    expect(svg).toContain('Target');
    await expect(svg).toMatchFileSnapshot('../output/charts/stackedBarsByMonth-en.svg');
  });
});

describe('lineChart', () => {
  it('draws new pipeline per week with a gap for a missing week and a goal', async () => {
    const svg = lineChart(fixtures.newPipelinePerWeek, { ...base, title: 'Ny pipeline per vecka', currency: 'SEK', goal: 400_000 });
    expect(svg).toContain('v.&#160;47');
    await expect(svg).toMatchFileSnapshot('../output/charts/lineChart.svg');
  });

  it('draws several series across the turn of the year in Danish', async () => {
    const svg = lineChart(fixtures.callsVsMeetings, {
      ...base,
      locale: 'da',
      title: 'Aktiviteter pr. uge',
      weeks: ['2026-W52', '2026-W53', '2027-W01'],
      goal: 30,
      goalLabel: 'Mål for opkald',
    });
    expect(svg).toContain('uge&#160;53');
    expect(svg).toContain('Mål for opkald');
    await expect(svg).toMatchFileSnapshot('../output/charts/lineChart-series.svg');
  });

  it('reads a percentage axis as percentages, in the locale’s way', () => {
    // Shares of a weekly goal: 50, 100 and 150 % (the goal at 100). The 280-unit chart's plot area
    // is 280 − 32 − 34 = 214 units high: room for floor(214 / 44) = 4 steps of two 22-unit lines,
    // so the axis goes from 0 to 150 in steps of 50 (0–150 in 4 steps of round size: 50).
    const shares = [
      { week: '2026-W45', value: 50 },
      { week: '2026-W46', value: 100 },
      { week: '2026-W47', value: 150 },
    ];
    const ticks = (svg: string) => [...(svg.match(/data-mark="y-axis tick label"[^]*?<\/g>/)?.[0].matchAll(/>([^<>]+)<\/text>/g) ?? [])].map((m) => m[1]);
    expect(ticks(lineChart(shares, { ...base, goal: 100, percent: true }))).toEqual(['0&#160;%', '50&#160;%', '100&#160;%', '150&#160;%']);
    expect(ticks(lineChart(shares, { ...base, locale: 'en', goal: 100, percent: true }))).toContain('100%');
    expect(ticks(lineChart(shares, { ...base, goal: 100 }))).toContain('100'); // a plain count axis: no sign
  });

  it('thins the week ticks on a long axis', () => {
    const weeks = Array.from({ length: 52 }, (_, i) => `2026-W${String(i + 1).padStart(2, '0')}`);
    const svg = lineChart(
      weeks.map((week, i) => ({ week, value: i })),
      base,
    );
    expect(svg.match(/data-mark="x-axis tick label"[^]*?<\/g>/)?.[0].match(/<text/g)).toHaveLength(11);
  });
});

describe('funnelChart', () => {
  it('labels every link with its count and conversion', async () => {
    const svg = funnelChart(fixtures.funnel, { ...base, title: 'KPI-kedjan' });
    expect(svg).toContain('480 · 4&#160;% av Besök');
    expect(svg).toContain('80 · 83&#160;% av Bokade möten');
    await expect(svg).toMatchFileSnapshot('../output/charts/funnelChart.svg');
  });

  it('has a square-root scale for wide ranges', async () => {
    const svg = funnelChart(fixtures.funnel, { ...base, locale: 'en', title: 'KPI chain', scale: 'sqrt' });
    await expect(svg).toMatchFileSnapshot('../output/charts/funnelChart-sqrt.svg');
  });
});

describe('progressBars', () => {
  it('shows attainment against 100 % and the expected pace', async () => {
    const svg = progressBars(fixtures.attainment, { ...base, title: 'Måluppfyllelse per säljare' });
    expect(svg).toContain('112&#160;%');
    expect(svg).toContain('>–</text>');
    await expect(svg).toMatchFileSnapshot('../output/charts/progressBars.svg');
  });
});

describe('every chart', () => {
  const hostile = ['<script>alert(1)</script>', '"><img src=x onerror=alert(1)>'];
  const renders: Record<string, (label: string) => string> = {
    barChart: (label) => barChart([{ label, value: 1 }], { ...base, title: label, description: label }),
    stackedBarsByMonth: (label) =>
      stackedBarsByMonth([{ month: '2026-01', channel: 'new', value: 1 }], { ...base, title: label, targetLabel: label, target: 2 }),
    lineChart: (label) =>
      lineChart(
        [
          { week: '2026-W01', value: 1, series: label },
          { week: '2026-W01', value: 2, series: 'b' },
        ],
        { ...base, title: label },
      ),
    funnelChart: (label) =>
      funnelChart(
        [
          { label, value: 2 },
          { label: 'b', value: 1, conversion: 0.5, from: label },
        ],
        { ...base, title: label },
      ),
    progressBars: (label) => progressBars([{ label, value: 0.5 }], { ...base, title: label }),
  };

  for (const [name, render] of Object.entries(renders)) {
    it(`${name} escapes text from data`, () => {
      for (const label of hostile) {
        const svg = render(label);
        expect(svg).not.toMatch(/<script|<img/i);
        expect(svg).not.toContain('" onerror');
        expect(svg).toContain('&lt;');
      }
    });

    it(`${name} is an accessible, self-contained image`, () => {
      const svg = render('Namn');
      expect(svg).toMatch(/<svg role="img" aria-label="Namn"/);
      expect(svg).toContain('<title>Namn</title>');
      expect(svg).not.toMatch(/<script|href=|url\(|@import|javascript:/i);
    });

    it(`${name} gives the same bytes on every run and document`, () => {
      expect(render('x')).toBe(render('x'));
    });
  }

  it('does not depend on the document it is given', () => {
    const a = barChart(fixtures.pipelineByStage, { ...base, document: createDocument() });
    const b = barChart(fixtures.pipelineByStage, base);
    expect(a).toBe(b);
  });

  it('writes the description as <desc>', () => {
    expect(barChart([{ label: 'A', value: 1 }], { ...base, description: 'A & B' })).toContain('<desc>A &amp; B</desc>');
  });
});

describe('roundNumbers', () => {
  it('keeps 3 decimals in geometry', () => {
    expect(roundNumbers('M0,23.333333333333332L1.5,2e-7')).toBe('M0,23.333L1.5,2e-7');
    expect(roundNumbers('translate(-12.34567,8)')).toBe('translate(-12.346,8)');
  });
});

describe('empty and zero data', () => {
  // A seller with 0 kr every month: twelve months of zeros must not draw twelve full-height bars.
  const months = Array.from({ length: 12 }, (_, i) => `2026-${String(i + 1).padStart(2, '0')}`);
  it('draws a sentence, not marks, when every value is zero or missing', () => {
    const charts = [
      stackedBarsByMonth(
        months.map((month) => ({ month, channel: 'new' as const, value: 0 })),
        { ...base, months },
      ),
      progressBars(
        [
          { label: 'A', value: null },
          { label: 'B', value: 0 },
        ],
        base,
      ),
      lineChart(
        [
          { week: '2026-W47', value: 0 },
          { week: '2026-W48', value: null },
        ],
        base,
      ),
      funnelChart([{ label: 'Leads', value: 0 }], base),
    ];
    for (const markup of charts) {
      expect(markup).not.toContain('<svg');
      expect(markup).toContain('Inget att rita');
    }
  });
});

describe('lineChart of percentages with a cap', () => {
  it('stops the axis at the cap, marks the value above it with its figure, and says so', () => {
    // 914 % and 120 % against a cap of 200 %: the axis tops out at 200 %, the 914 % point is a ▲
    // labelled "914 %", and a note names the cap.
    const markup = lineChart(
      [
        { week: '2026-W46', value: 120, series: 'Calls' },
        { week: '2026-W47', value: 914, series: 'Calls' },
      ],
      { ...base, percent: true, goal: 100, cap: 200 },
    );
    expect(markup).toContain('tavla-chart-note');
    const text = markup.replace(/&#160;/g, ' ');
    expect(text).toMatch(/>200\s%</);
    expect(text).toMatch(/>914\s%</);
    expect(text).not.toMatch(/>(300|400|600|800|1\s?000)\s%</);
  });

  it('draws one week as a bar per series, not dots floating in the frame', () => {
    const markup = lineChart(
      [
        { week: '2026-W47', value: 50, series: 'Calls' },
        { week: '2026-W47', value: 80, series: 'Meetings' },
      ],
      { ...base, percent: true },
    );
    expect(markup.match(/<rect/g)?.length).toBeGreaterThanOrEqual(2);
    expect(markup).not.toContain('data-mark="line"');
    expect(markup).not.toContain('data-mark="dot"');
  });
});
