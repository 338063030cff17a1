import { describe, expect, it } from 'vitest';
import { ratio, sumMoney } from '../../src/metrics/money.ts';

describe('sumMoney', () => {
  it('is exact to the cent where float addition is not', () => {
    expect(0.1 + 0.2).not.toBe(0.3);
    expect(sumMoney([0.1, 0.2])).toBe(0.3);
    expect(sumMoney([1_234_567.5, -0.5, 1])).toBe(1_234_568);
  });
  it('is 0 for no values', () => {
    expect(sumMoney([])).toBe(0);
  });
});

describe('ratio', () => {
  it('divides, and gives null for a zero denominator', () => {
    expect(ratio(1, 4)).toBe(0.25);
    expect(ratio(3, 0)).toBeNull();
  });
});
