import { describe, expect, it } from 'vitest';
import { periodBudget } from '../../src/metrics/period-budget.ts';
import { settingsSchema } from '../../src/settings/schema.ts';
import { target } from './fixtures.ts';

const settings = settingsSchema.parse({});

describe('periodBudget', () => {
  it('gives a week inside a month its days of the month budget', () => {
    // 2026-11 has 30 days; week 47 = 16–22 Nov = 7 days: 7/30 × 300 000 = 70 000.
    const targets = [target({ period: '2026-11', measure: 'volume:total', value: 300_000 })];
    expect(periodBudget(targets, 'volume:total', { start: '2026-11-16', end: '2026-11-22' }, settings)).toBe(70_000);
  });

  it('splits a week across two months by days of each', () => {
    // Week 44 of 2026 = 26 Oct – 1 Nov: 6 days of October (31 days, 310 000) + 1 day of November (30 days, 300 000)
    // = 6 × 10 000 + 1 × 10 000 = 70 000.
    const targets = [
      target({ period: '2026-10', measure: 'volume:total', value: 310_000 }),
      target({ period: '2026-11', measure: 'volume:total', value: 300_000 }),
    ];
    expect(periodBudget(targets, 'volume:total', { start: '2026-10-26', end: '2026-11-01' }, settings)).toBe(70_000);
  });

  it('counts a whole month and the first month of the fiscal year', () => {
    const targets = [target({ period: '2026-01', measure: 'volume:new', value: 50_000 }), target({ period: '2026-02', measure: 'volume:new', value: 80_000 })];
    expect(periodBudget(targets, 'volume:new', { start: '2026-02-01', end: '2026-02-28' }, settings)).toBe(80_000);
    expect(periodBudget(targets, 'volume:new', { start: '2026-01-01', end: '2026-01-31' }, settings)).toBe(50_000);
  });

  it('is null without a budget for the measure', () => {
    expect(
      periodBudget([target({ period: '2026-11', measure: 'volume:new', value: 1 })], 'revenue', { start: '2026-11-01', end: '2026-11-30' }, settings),
    ).toBeNull();
  });
});
