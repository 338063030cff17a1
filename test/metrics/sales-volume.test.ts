import { describe, expect, it } from 'vitest';
import { salesVolume, salesVolumeByMonth, sumVolumes } from '../../src/metrics/sales-volume.ts';
import { CHANNELS } from '../../src/core/records.ts';
import { fiscalQuarterRange, fiscalYearRange } from '../../src/periods/fiscal.ts';
import { deepFreeze, wonDeal } from './fixtures.ts';

// Nine deals around fiscal year 2026 (calendar fiscal year unless said otherwise).
const deals = [
  wonDeal({ close: '2026-01-10', channel: 'new', amount: 3_600_000, annualAmount: 1_200_000, contractYears: 3 }), // 1
  wonDeal({ close: '2026-02-28', channel: 'renewal', amount: 200_000 }), // 2
  wonDeal({ close: '2026-03-31', channel: 'upsell', amount: 150_000 }), // 3: last day of Q1
  wonDeal({ close: '2026-04-01', channel: 'winback', amount: 80_000 }), // 4: first day of Q2
  wonDeal({ close: '2026-05-05', channel: 'new', amount: 500_000, status: 'lost' }), // 5: lost, never counts
  wonDeal({ close: '2026-06-30', channel: 'new', amount: 400_000, status: 'open' }), // 6: open, never counts
  wonDeal({ close: '2026-12-31', channel: 'new', amount: 300_000, annualAmount: 100_000, contractYears: 3 }), // 7
  wonDeal({ close: '2027-01-01', channel: 'renewal', amount: 90_000 }), // 8: FY2027
  wonDeal({ close: '2025-12-31', channel: 'upsell', amount: 70_000 }), // 9: FY2025
];

const zero = { wonDeals: 0, annualVolume: 0, contractVolume: 0 };

describe('salesVolume', () => {
  it('sums won deals per contract year and per contract, in total and per channel', () => {
    // FY2026 holds deals 1, 2, 3, 4, 7 (5 won deals).
    // annual:   1 200 000 + 200 000 + 150 000 + 80 000 + 100 000 = 1 730 000
    // contract: 3 600 000 + 200 000 + 150 000 + 80 000 + 300 000 = 4 330 000
    // new = deals 1 + 7: annual 1 300 000, contract 3 900 000
    expect(salesVolume(deals, fiscalYearRange(2026, 1))).toEqual({
      range: { start: '2026-01-01', end: '2026-12-31' },
      wonDeals: 5,
      annualVolume: 1_730_000,
      contractVolume: 4_330_000,
      byChannel: {
        renewal: { wonDeals: 1, annualVolume: 200_000, contractVolume: 200_000 },
        upsell: { wonDeals: 1, annualVolume: 150_000, contractVolume: 150_000 },
        winback: { wonDeals: 1, annualVolume: 80_000, contractVolume: 80_000 },
        new: { wonDeals: 2, annualVolume: 1_300_000, contractVolume: 3_900_000 },
        unset: { wonDeals: 0, annualVolume: 0, contractVolume: 0 },
      },
    });
  });

  it('has channels that sum to the total', () => {
    const volume = salesVolume(deals, { start: '2025-01-01', end: '2027-12-31' });
    // every won deal: 1 730 000 + 90 000 + 70 000 = 1 890 000
    expect(volume.annualVolume).toBe(1_890_000);
    expect(CHANNELS.reduce((sum, c) => sum + volume.byChannel[c].annualVolume, 0)).toBe(1_890_000);
  });

  it('gives zeros for every channel on empty input', () => {
    const range = { start: '2026-01-01', end: '2026-12-31' };
    expect(salesVolume([], range)).toEqual({
      range,
      ...zero,
      byChannel: { renewal: zero, upsell: zero, winback: zero, new: zero, unset: zero },
    });
  });

  it('books a deal won on the last day of the fiscal year in that year', () => {
    expect(salesVolume(deals, fiscalYearRange(2027, 1)).annualVolume).toBe(90_000); // deal 8 only
    expect(salesVolume(deals, { start: '2026-12-31', end: '2026-12-31' }).annualVolume).toBe(100_000); // deal 7
  });

  it('follows a fiscal year starting in July', () => {
    // FY2026 = 2026-07-01 … 2027-06-30: deals 7 + 8 = 100 000 + 90 000
    expect(salesVolume(deals, fiscalYearRange(2026, 7)).annualVolume).toBe(190_000);
    // FY2025 = 2025-07-01 … 2026-06-30: deals 9, 1, 2, 3, 4 = 70 000 + 1 200 000 + 200 000 + 150 000 + 80 000
    expect(salesVolume(deals, fiscalYearRange(2025, 7)).annualVolume).toBe(1_700_000);
  });

  it('splits at the quarter end', () => {
    // Q1: deals 1, 2, 3 = 1 200 000 + 200 000 + 150 000; Q2: deal 4
    expect(salesVolume(deals, fiscalQuarterRange(2026, 1, 1)).annualVolume).toBe(1_550_000);
    expect(salesVolume(deals, fiscalQuarterRange(2026, 2, 1)).byChannel.winback.annualVolume).toBe(80_000);
    expect(salesVolume(deals, fiscalQuarterRange(2026, 2, 1)).wonDeals).toBe(1);
  });

  it('does not mutate its input', () => {
    const copy = structuredClone(deals);
    salesVolume(deepFreeze(deals), fiscalYearRange(2026, 1));
    salesVolumeByMonth(deals, fiscalYearRange(2026, 1));
    expect(deals).toEqual(copy);
  });
});

describe('salesVolumeByMonth', () => {
  it('lists every month, clipping partly covered months to the range', () => {
    // Range Jan 15 – Apr 30: deal 1 (Jan 10) is before the range, so January is zero.
    const months = salesVolumeByMonth(deals, { start: '2026-01-15', end: '2026-04-30' });
    expect(months.map((m) => [m.month, m.wonDeals, m.annualVolume])).toEqual([
      ['2026-01', 0, 0],
      ['2026-02', 1, 200_000],
      ['2026-03', 1, 150_000],
      ['2026-04', 1, 80_000],
    ]);
    expect(months[1]?.byChannel.renewal).toEqual({ wonDeals: 1, annualVolume: 200_000, contractVolume: 200_000 });
  });

  it('clips the last month at the range end', () => {
    // Range Feb 1 – Mar 30: deal 2 (Feb 28) counts; deal 3 (Mar 31) is a day after the range.
    const months = salesVolumeByMonth(deals, { start: '2026-02-01', end: '2026-03-30' });
    expect(months.map((m) => [m.month, m.wonDeals, m.contractVolume])).toEqual([
      ['2026-02', 1, 200_000],
      ['2026-03', 0, 0],
    ]);
    expect(months[1]?.byChannel.upsell).toEqual(zero);
  });

  it('crosses the year end', () => {
    const months = salesVolumeByMonth(deals, { start: '2026-12-01', end: '2027-01-31' });
    expect(months.map((m) => [m.month, m.annualVolume, m.contractVolume])).toEqual([
      ['2026-12', 100_000, 300_000], // deal 7
      ['2027-01', 90_000, 90_000], // deal 8
    ]);
    expect(months[0]?.byChannel.new.contractVolume).toBe(300_000);
  });

  it('is empty for no months and zero for no deals', () => {
    expect(salesVolumeByMonth(deals, { start: '2026-02-01', end: '2026-01-01' })).toEqual([]);
    expect(salesVolumeByMonth([], { start: '2026-02-01', end: '2026-02-28' })).toEqual([
      { month: '2026-02', ...zero, byChannel: { renewal: zero, upsell: zero, winback: zero, new: zero, unset: zero } },
    ]);
  });
});

describe('sumVolumes', () => {
  it('adds the months of a year-to-date into the same figures as one pass over it', () => {
    // January: 100.10 new (annual 50.05) + 0.20 renewal; March: 0.10 new. Cents: new annual
    // 5005 + 10 = 5015 → 50.15; contract 10010 + 10 = 10020 → 100.20; renewal 0.20 both.
    const deals = [
      wonDeal({ close: '2026-01-10', channel: 'new', amount: 100.1, annualAmount: 50.05 }),
      wonDeal({ close: '2026-01-31', channel: 'renewal', amount: 0.2 }),
      wonDeal({ close: '2026-03-01', channel: 'new', amount: 0.1 }),
    ];
    const ytd = { start: '2026-01-01', end: '2026-03-31' };
    const months = salesVolumeByMonth(deals, ytd);
    const summed = sumVolumes(months, ytd);
    expect(summed).toEqual(salesVolume(deals, ytd));
    expect(summed).toMatchObject({ wonDeals: 3, annualVolume: 50.35, contractVolume: 100.4 });
    expect(summed.byChannel.new).toEqual({ wonDeals: 2, annualVolume: 50.15, contractVolume: 100.2 });
    expect(summed.byChannel.renewal).toEqual({ wonDeals: 1, annualVolume: 0.2, contractVolume: 0.2 });
  });

  it('is zero for no parts', () => {
    expect(sumVolumes([], { start: '2026-01-01', end: '2026-01-31' })).toMatchObject({ wonDeals: 0, annualVolume: 0, contractVolume: 0 });
  });
});
