import { describe, expect, it } from 'vitest';
import { cumulativeByMonth, runningTotals } from '../../src/charts/cumulative-by-month.ts';
import { forecastStack } from '../../src/charts/forecast-stack.ts';

describe('cumulativeByMonth', () => {
  it('adds result and budget up month by month; a month without a budget adds nothing', () => {
    // result 10, 20, 5 → 10, 30, 35; budget 12, null, 8 → 12, 12, 20.
    expect(
      runningTotals([
        { month: '2026-01', result: 10, budget: 12 },
        { month: '2026-02', result: 20, budget: null },
        { month: '2026-03', result: 5, budget: 8 },
      ]),
    ).toEqual([
      { month: '2026-01', result: 10, budget: 12 },
      { month: '2026-02', result: 30, budget: 12 },
      { month: '2026-03', result: 35, budget: 20 },
    ]);
  });

  it('draws an accessible SVG with a legend and escapes labels', () => {
    const svg = cumulativeByMonth([{ month: '2026-01', result: 1_000_000, budget: 900_000 }], {
      locale: 'sv',
      currency: 'SEK',
      title: 'Ackumulerat <b>',
      resultLabel: 'Utfall',
      budgetLabel: 'Budget',
    });
    expect(svg).toContain('role="img"');
    expect(svg).toContain('Ackumulerat &lt;b&gt;');
    expect(svg).toContain('chart-legend');
  });
});

describe('forecastStack', () => {
  it('draws one stacked bar per row with the budget labelled', () => {
    const svg = forecastStack(
      [
        { label: 'Företaget', closed: 9_000_000, commit: 8_600_000, bestCase: 3_800_000, budget: 16_200_000 },
        { label: 'Malmö', closed: 1, commit: 0, bestCase: 0, budget: null },
      ],
      { locale: 'sv', currency: 'SEK', title: 'Prognos', labels: { closed: 'Stängt', commit: 'Säkert', bestCase: 'Möjligt', budget: 'Budget' } },
    );
    expect(svg).toContain('Företaget');
    expect(svg).toContain('16,2');
    expect(svg).toContain('Stängt');
  });
});
