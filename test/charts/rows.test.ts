import { describe, expect, it } from 'vitest';
import { barChart, progressBars, stackedBarsByMonth } from '../../src/charts/index.ts';
import { forecastStack } from '../../src/charts/forecast-stack.ts';
import { FONT_SIZE_NARROW, textWidth, THIN_MEDIUM, THIN_NARROW, valueAxisMargin } from '../../src/charts/render.ts';
import { fitDomain, ROW_STEP } from '../../src/charts/rows.ts';

const base = { locale: 'sv' as const, title: 'Titel' };

/** The x of each SVG <text> transform and its text, in document order, for one mark. */
function texts(svg: string, mark: string): { x: number; text: string; hidden: string | null }[] {
  const group = svg.match(new RegExp(`data-mark="${mark}"[^>]*>([^]*?)</g>`))?.[1] ?? '';
  return [...group.matchAll(/<text(?: class="([^"]+)")? transform="translate\(([\d.-]+),[\d.-]+\)"[^>]*>([^<]*)<\/text>/g)].map((m) => ({
    hidden: m[1] ?? null,
    x: Number(m[2]),
    text: m[3]!,
  }));
}

describe('fitDomain', () => {
  it('reaches far enough that each value label ends inside the drawing at the narrow size', () => {
    // Plot area 600 units, right margin 8. "50 %" is 3 characters of 0.65 em and a wide "%" of
    // 1 em: 2.95 × 22 = 64.9 → 65 units, after a 4-unit gap; so the longest bar may take
    // 600 + 8 − 4 − 65 = 539 units and the scale must reach 0.5 × 600 / 539 = 0.5566.
    expect(fitDomain([{ value: 0.5, text: '50 %' }], 600, 8)).toBeCloseTo(0.5566, 4);
    // A shorter bar with a longer label can decide it: "1 · 90 % av Leads" is 16 characters and
    // a "%": (16 × 0.65 + 1) × 22 = 250.8 → 251 units, leaving 600 + 8 − 4 − 251 = 353 for a bar
    // of 1.5: 1.5 × 600 / 353 = 2.5496; the bar of 2 with "2" (15 units) needs only 2 × 600 / 589 = 2.037.
    const rows = [
      { value: 2, text: '2' },
      { value: 1.5, text: '1 · 90 % av Leads' },
    ];
    expect(fitDomain(rows, 600, 8)).toBeCloseTo(2.5496, 4);
    // A label too long for two thirds of the width still leaves its bar a third: "1 · 90 % av
    // Affärsmöjligheter" (27 characters, "%" and "m": 19.55 em, 431 units) would leave 173 < 200,
    // so 1 × 600 / 200 = 3.
    expect(fitDomain([{ value: 1, text: '1 · 90 % av Affärsmöjligheter' }], 600, 8)).toBeCloseTo(3, 6);
    // Missing values draw no bar and ask for nothing.
    expect(fitDomain([{ value: null, text: '–' }], 600, 8)).toBe(0);
  });

  it('works on the square root of the values for a square-root scale', () => {
    // √4 = 2; "4" is 1 character (15 units): 2 × 600 / (604 − 15) = 2.0374, squared 4.1510.
    expect(fitDomain([{ value: 4, text: '4' }], 600, 8, 'sqrt')).toBeCloseTo(4.151, 3);
  });
});

describe('horizontal bar charts', () => {
  it('write each label above its bar from the plot’s left edge, one 50-unit row each', () => {
    const svg = barChart(
      [
        { label: 'Anna Lindqvist', value: 400_000 },
        { label: 'Björn Åkesson', value: 100_000 },
      ],
      { ...base, currency: 'SEK' },
    );
    // Two rows of 50 units and 4-unit margins above and below: 108.
    expect(svg).toContain('viewBox="0 0 640 108"');
    const labels = texts(svg, 'text');
    expect(labels.map((l) => l.text)).toEqual(['Anna Lindqvist', 'Björn Åkesson']);
    // The labels start at the left margin (2 units), not right-aligned in a margin of names.
    expect(labels.every((l) => l.x === 2)).toBe(true);
    expect(ROW_STEP).toBe(50);
  });

  it('keep every value label inside the 640-unit drawing at the narrow text size', () => {
    const values = [1_234_567, 987_654, 12_000];
    const svg = barChart(
      values.map((value, i) => ({ label: `Säljare ${i}`, value })),
      { ...base, currency: 'SEK' },
    );
    // The value labels are the second text mark; each starts 4 units after its bar's end.
    const group = svg.match(/data-mark="text" transform="translate\(4,39\)"[^>]*>([^]*?)<\/g>/)?.[1] ?? '';
    const ends = [...group.matchAll(/translate\(([\d.]+),[\d.]+\)"[^>]*>([^<]*)</g)].map((m) => Number(m[1]) + 4 + textWidth(m[2]!.replace(/&#160;/g, ' ')));
    expect(ends).toHaveLength(3);
    for (const end of ends) expect(end).toBeLessThanOrEqual(640);
  });

  it('label the 100 % rule above the rows, centred on it and inside the drawing', () => {
    const svg = progressBars([{ label: 'Stockholm', value: 1.3 }], base);
    const [full] = texts(svg, 'text').filter((t) => t.text === '100&#160;%');
    expect(full).toBeDefined();
    // "100 %" is 4 characters of 14.3 units and a "%" of 22: 79.2 → 80 units, half either side of the rule.
    expect(full!.x + textWidth('100 %') / 2).toBeLessThanOrEqual(640);
  });

  it('name the budget in the forecast row’s label, not on the bar', () => {
    const svg = forecastStack([{ label: 'Malmö', closed: 1_000_000, commit: 500_000, bestCase: 0, budget: 2_000_000 }], {
      ...base,
      currency: 'SEK',
      labels: { closed: 'Stängt', commit: 'Säkert', bestCase: 'Möjligt', budget: 'Budget' },
    });
    expect(svg).toContain('>Malmö · Budget 2&#160;mnkr</text>');
  });
});

describe('tick labels at larger text sizes', () => {
  it('class the month labels that would overlap, keeping every k-th one', () => {
    const months = Array.from({ length: 12 }, (_, i) => `2026-${String(i + 1).padStart(2, '0')}`);
    const svg = stackedBarsByMonth(
      months.map((month) => ({ month, channel: 'new' as const, value: 100_000 })),
      { ...base, currency: 'SEK', months },
    );
    const labels = texts(svg, 'x-axis tick label');
    expect(labels).toHaveLength(12);
    const step = labels[1]!.x - labels[0]!.x;
    // 12 months share the plot: about 47 units each. At 16 units "jan. 2026" (9 × 10.4 → 94
    // units) and "feb." (42) need (94 + 42) / 2 + 10.4 = 78.4 units: every second label; at
    // 22 units "jan. 2026" (129) and "mars" (3 × 14.3 + 22 → 65) need (129 + 65) / 2 + 14.3 =
    // 111.3 > 2 × 47: the next multiple of two, every fourth.
    expect(step).toBeGreaterThan(40);
    expect(step).toBeLessThan(50);
    expect(labels.map((l) => l.hidden)).toEqual(months.map((_, i) => (i % 2 !== 0 ? THIN_MEDIUM : i % 4 !== 0 ? THIN_NARROW : null)));
  });

  it('leave the value axis room for its widest label at the narrow size', () => {
    // Up to 1 500 in about 7 steps: a step of 500 (1 500 / 7 = 214, rounded up to 1, 2 or 5 × 10ⁿ),
    // ticks 0, 500, 1 000, 1 500, 2 000: the widest "1 000" has 5 characters, 5 × 22 × 0.65 = 71.5 → 72, plus 11.
    expect(valueAxisMargin(1500, (v) => new Intl.NumberFormat('sv-SE').format(v))).toBe(83);
    expect(FONT_SIZE_NARROW).toBe(22);
  });
});
