import { describe, expect, it } from 'vitest';
import { salesVolume } from '../../src/metrics/sales-volume.ts';
import { yearOnYearChange } from '../../src/metrics/year-on-year.ts';
import { deepFreeze, wonDeal } from './fixtures.ts';

const ytd = { start: '2026-01-01', end: '2026-03-31' };
const previousYtd = { start: '2025-01-01', end: '2025-03-31' };

describe('yearOnYearChange', () => {
  it('divides this year-to-date by the previous one, less one', () => {
    // This year-to-date: a 3-year 3 600 000 deal (1 200 000 a year) and 300 000 → 1 500 000.
    // Previous year-to-date: 1 000 000 + 200 000 = 1 200 000; a deal won in April 2025 and a lost
    // deal do not count. 1 500 000 ÷ 1 200 000 − 1 = 0.25.
    const deals = deepFreeze([
      wonDeal({ close: '2026-01-15', amount: 3_600_000, annualAmount: 1_200_000, contractYears: 3 }),
      wonDeal({ close: '2026-03-31', amount: 300_000 }),
      wonDeal({ close: '2025-01-01', amount: 1_000_000 }),
      wonDeal({ close: '2025-03-31', amount: 200_000 }),
      wonDeal({ close: '2025-04-01', amount: 900_000 }),
      wonDeal({ close: '2025-02-01', amount: 500_000, status: 'lost' }),
    ]);
    expect(yearOnYearChange(salesVolume(deals, ytd), salesVolume(deals, previousYtd))).toBe(0.25);
  });

  it('is negative for a fall, and −100 % for a fall to no volume', () => {
    // 900 ÷ 1 000 − 1 = −0.1; 0 ÷ 1 000 − 1 = −1.
    expect(yearOnYearChange({ annualVolume: 900 }, { annualVolume: 1_000 })).toBeCloseTo(-0.1, 12);
    expect(yearOnYearChange({ annualVolume: 0 }, { annualVolume: 1_000 })).toBe(-1);
  });

  it('is null, not infinite, when the previous year-to-date had no volume', () => {
    expect(yearOnYearChange({ annualVolume: 500 }, { annualVolume: 0 })).toBeNull();
    expect(yearOnYearChange({ annualVolume: 0 }, { annualVolume: 0 })).toBeNull();
  });
});
