import { describe, expect, it } from 'vitest';
import { contractMonths, contractYears } from '../../src/model/contract-years.ts';
import { deal } from './deal-factory.ts';

describe('contract years', () => {
  it('takes the term when given', () => {
    expect(contractYears(deal({ id: 'd', termMonths: 36 }))).toBe(3);
  });
  it('counts whole months from start to the last contract day', () => {
    expect(contractMonths(deal({ id: 'd', contractStart: '2026-01-01', contractEnd: '2028-12-31' }))).toBe(36);
    expect(contractMonths(deal({ id: 'd', contractStart: '2026-01-01', contractEnd: '2026-12-31' }))).toBe(12);
    expect(contractYears(deal({ id: 'd', contractStart: '2026-01-01', contractEnd: '2027-06-30' }))).toBe(1.5);
  });
  it('rounds a part month of 15 days or more up', () => {
    // 2026-03-15 … 2028-03-31: 24 whole months to 2028-03-15, then 17 more days → 25.
    expect(contractMonths(deal({ id: 'd', contractStart: '2026-03-15', contractEnd: '2028-03-31' }))).toBe(25);
  });
  it('counts short or unknown contracts as one year', () => {
    expect(contractYears(deal({ id: 'd' }))).toBe(1);
    expect(contractYears(deal({ id: 'd', termMonths: 6 }))).toBe(1);
  });
});
