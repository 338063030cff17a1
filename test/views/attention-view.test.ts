import { describe, expect, it } from 'vitest';
import { attentionItems, type AttentionInput } from '../../src/views/attention-view.ts';
import { fmt } from '../../src/views/format-context.ts';

const f = fmt('en', 'SEK');
const base: AttentionInput = {
  thresholds: { attainmentBelow: 0.9, slippedAmountAbove: 0, stalledAmountAbove: 0, fallingWeeks: 3 },
  teams: [],
  sellers: [],
  sellersHref: '/en/targets/#targets-by-seller',
  coverage: { coverage: null, required: null, missing: null, href: '/en/pipeline/' },
  slipped: { count: 0, amount: 0, href: '/en/pipeline/#pipeline-slipped' },
  stalled: { count: 0, amount: 0, href: '/en/pipeline/#pipeline-stalled' },
  weighted: [],
  weightedHref: '/en/pipeline/#trend-pipeline',
};

describe('attentionItems', () => {
  it('names teams and sellers below the threshold, short coverage, slipped and stalled value and a falling pipeline', () => {
    const items = attentionItems(
      {
        ...base,
        // Göteborg 0.80 < 0.90 is flagged; Stockholm 1.04 and Malmö at exactly 0.90 are not.
        teams: [
          { name: 'Stockholm', href: '/en/teams/stockholm/', attainment: 1.04, gap: 1_000_000 },
          { name: 'Malmö', href: '/en/teams/malmo/', attainment: 0.9, gap: -100 },
          { name: 'Göteborg', href: '/en/teams/goteborg/', attainment: 0.8, gap: -3_600_000 },
        ],
        // 1.8× < 2.4× needed.
        coverage: { coverage: 1.8, required: 2.4, missing: 4_100_000, href: '/en/pipeline/' },
        // 33 → 28 → 25 → 19: three falls in a row, at the threshold of three.
        weighted: [
          { week: '2026-W44', weighted: 33e6 },
          { week: '2026-W45', weighted: 28e6 },
          { week: '2026-W46', weighted: 25e6 },
          { week: '2026-W47', weighted: 19e6 },
        ],
        slipped: { count: 12, amount: 3_400_000, href: '/en/pipeline/#pipeline-slipped' },
        stalled: { count: 8, amount: 2_100_000, href: '/en/pipeline/#pipeline-stalled' },
        // Two sellers below 90 %, lowest first; one without a budget is not counted.
        sellers: [
          { name: 'Bo', attainment: 0.7 },
          { name: 'Anna', attainment: 0.62 },
          { name: 'Cecilia', attainment: 1.2 },
          { name: 'Dan', attainment: null },
        ],
      },
      f,
    );
    expect(items.map((i) => i.href)).toEqual([
      '/en/teams/goteborg/',
      '/en/pipeline/',
      '/en/pipeline/#trend-pipeline',
      '/en/pipeline/#pipeline-slipped',
      '/en/pipeline/#pipeline-stalled',
      '/en/targets/#targets-by-seller',
    ]);
    expect(items[0]!.text).toContain('Göteborg');
    expect(items[0]!.text).toContain('80');
    expect(items[2]!.text).toContain('3 weeks');
    expect(items[5]!.text).toMatch(/^2 sellers below 90\s?% of budget; lowest: Anna 62\s?%, Bo 70\s?%\.$/);
  });

  it('stays quiet when nothing crosses a threshold, and keeps at most six items', () => {
    expect(attentionItems(base, f)).toEqual([]);
    const many = attentionItems({ ...base, teams: Array.from({ length: 9 }, (_, i) => ({ name: `T${i}`, href: `/t${i}/`, attainment: 0.5, gap: -1 })) }, f);
    expect(many).toHaveLength(6);
  });

  it('does not flag a pipeline that fell for fewer weeks than the setting', () => {
    const items = attentionItems(
      {
        ...base,
        weighted: [
          { week: 'a', weighted: 3 },
          { week: 'b', weighted: 2 },
          { week: 'c', weighted: 1 },
        ],
      },
      f,
    );
    expect(items).toEqual([]);
  });
});
