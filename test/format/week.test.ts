import { describe, expect, it } from 'vitest';
import { weekLabel, weekRangeLabel } from '../../src/format/week.ts';

const NBSP = '\u00a0';

describe('weekLabel', () => {
  it('writes the short label per locale', () => {
    expect(weekLabel('2026-W47', 'sv')).toBe(`v.${NBSP}47`);
    expect(weekLabel('2026-W47', 'da')).toBe(`uge${NBSP}47`);
    expect(weekLabel('2026-W47', 'en')).toBe('W47');
  });

  it('drops the leading zero of weeks 1–9 and keeps week 53', () => {
    expect(weekLabel('2027-W01', 'sv')).toBe(`v.${NBSP}1`);
    expect(weekLabel('2026-W53', 'da')).toBe(`uge${NBSP}53`);
  });

  it('writes the long label', () => {
    expect(weekLabel('2026-W47', 'sv', { style: 'long' })).toBe('Vecka 47');
    expect(weekLabel('2026-W47', 'da', { style: 'long' })).toBe('Uge 47');
    expect(weekLabel('2026-W47', 'en', { style: 'long' })).toBe('Week 47');
  });

  it('adds the week-numbering year when asked', () => {
    expect(weekLabel('2026-W47', 'sv', { year: true })).toBe(`v.${NBSP}47 2026`);
    expect(weekLabel('2026-W47', 'da', { year: true })).toBe(`uge${NBSP}47 2026`);
    expect(weekLabel('2026-W47', 'en', { year: true })).toBe('W47 2026');
    expect(weekLabel('2026-W47', 'en', { style: 'long', year: true })).toBe('Week 47 2026');
    // 2026-W53 ends on Sunday 3 January 2027 but belongs to 2026.
    expect(weekLabel('2026-W53', 'sv', { year: true })).toBe(`v.${NBSP}53 2026`);
  });

  it('throws on a malformed week', () => {
    expect(() => weekLabel('2026-47', 'sv')).toThrow('expected an ISO week like 2026-W47, got "2026-47"');
  });
});

describe('weekRangeLabel', () => {
  it('gives Monday to Sunday', () => {
    expect(weekRangeLabel('2026-W47', 'sv')).toBe('16–22 nov. 2026');
    expect(weekRangeLabel('2026-W53', 'da')).toBe('28. dec. 2026–3. jan. 2027');
  });
});
