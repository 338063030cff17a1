import { describe, expect, it } from 'vitest';
import { daysBetween, stageById } from '../../src/quality/input.ts';
import { makeSettings } from './helpers.ts';

describe('daysBetween', () => {
  it('counts calendar days, across month, year and DST edges', () => {
    expect(daysBetween('2026-10-21', '2026-11-20')).toBe(30); // 10 left in Oct + 20
    expect(daysBetween('2025-12-31', '2026-01-02')).toBe(2);
    expect(daysBetween('2026-03-28', '2026-03-30')).toBe(2); // EU summer time starts 2026-03-29
    expect(daysBetween('2026-10-24', '2026-10-26')).toBe(2); // and ends 2026-10-25
    expect(daysBetween('2028-02-28', '2028-03-01')).toBe(2); // leap year
    expect(daysBetween('2026-11-20', '2026-11-19')).toBe(-1);
  });
});

describe('stageById', () => {
  it('finds a settings stage by canonical id', () => {
    const settings = makeSettings();
    expect(stageById(settings, 'proposal')?.probability).toBe(0.5);
    expect(stageById(settings, 'Proposal')).toBeUndefined();
  });
});
