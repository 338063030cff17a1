import { describe, expect, it } from 'vitest';
import { leadLossChart } from '../../src/charts/lead-loss-chart.ts';

const options = { locale: 'en' as const, title: 'Where each source loses its leads', segments: ['Stopped at Leads', 'Stopped at Deals', 'Won'], endsWon: true };

describe('leadLossChart', () => {
  it('draws one 100 % bar per source, split by the furthest link, won in green', async () => {
    // organic_search: 2 stopped at leads, 3 won (40 % + 60 %); social: 3 stopped at leads (100 %).
    const svg = leadLossChart(
      [
        { label: 'organic_search', stopped: [2, 0, 3] },
        { label: 'social', stopped: [3, 0, 0] },
      ],
      options,
    );
    expect(svg).toContain('<svg role="img" aria-label="Where each source loses its leads"');
    expect(svg).toContain('organic_search');
    expect(svg).toContain('#2b8a3e');
    expect(
      leadLossChart(
        [
          { label: 'organic_search', stopped: [2, 0, 3] },
          { label: 'social', stopped: [3, 0, 0] },
        ],
        options,
      ),
    ).toBe(svg);
    await expect(svg).toMatchFileSnapshot('../output/charts/leadLossChart.svg');
  });

  it('escapes source names and draws a source without leads as an empty bar', () => {
    const svg = leadLossChart([{ label: '<script>x</script>', stopped: [0, 0, 0] }], options);
    expect(svg).not.toContain('<script>');
  });
});
