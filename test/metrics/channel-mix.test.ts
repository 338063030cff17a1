import { describe, expect, it } from 'vitest';
import { channelMix } from '../../src/metrics/channel-mix.ts';
import { fiscalQuarterRange, fiscalYearRange } from '../../src/periods/fiscal.ts';
import { deepFreeze, wonDeal } from './fixtures.ts';

const fy2026 = fiscalYearRange(2026, 1);
const deals = [
  wonDeal({
    ownerId: 'u1',
    teamId: 't1',
    channel: 'new',
    close: '2026-01-10',
    amount: 300,
    annualAmount: 100,
    contractYears: 3,
  }),
  wonDeal({ ownerId: 'u1', teamId: 't1', channel: 'renewal', close: '2026-02-01', amount: 100 }),
  wonDeal({ ownerId: 'u2', teamId: 't1', channel: 'new', close: '2026-03-31', amount: 50 }), // last day of Q1
  wonDeal({ ownerId: 'u3', teamId: 't2', channel: 'winback', close: '2026-12-31', amount: 200 }), // last day of FY2026
  wonDeal({ ownerId: 'u3', teamId: 't2', channel: 'upsell', close: '2027-01-01', amount: 999 }), // FY2027
  wonDeal({ ownerId: '', teamId: '', channel: 'upsell', close: '2026-06-01', amount: 30 }), // no owner, no team
  wonDeal({ ownerId: 'u2', teamId: 't1', channel: 'new', close: '2026-05-01', amount: 500, status: 'lost' }),
  wonDeal({ ownerId: 'u4', teamId: 't2', channel: 'upsell', close: '2026-05-01', amount: 500, status: 'open' }),
];
const zeros = { renewal: 0, upsell: 0, winback: 0, new: 0, unset: 0 };
const noShares = { renewal: null, upsell: null, winback: null, new: null, unset: null };

describe('channelMix', () => {
  it('tabulates annual volume per seller and channel, with totals equal to the company total', () => {
    // u1: new 100 (300 over 3 years) + renewal 100 = 200; u3: winback 200; u2: new 50; no owner: upsell 30
    // u1 and u3 tie at 200 and sort by id; u5 is asked for and has nothing
    // totals: 200 + 200 + 50 + 30 = 480 = renewal 100 + upsell 30 + winback 200 + new 150
    expect(channelMix(deals, fy2026, { groupBy: 'seller', keys: ['u5'] })).toEqual({
      range: fy2026,
      groupBy: 'seller',
      measure: 'annualVolume',
      rows: [
        {
          key: 'u1',
          wonDeals: 2,
          total: 200,
          byChannel: { ...zeros, renewal: 100, new: 100 },
          shareByChannel: { renewal: 0.5, upsell: 0, winback: 0, new: 0.5, unset: 0 },
        },
        {
          key: 'u3',
          wonDeals: 1,
          total: 200,
          byChannel: { ...zeros, winback: 200 },
          shareByChannel: { renewal: 0, upsell: 0, winback: 1, new: 0, unset: 0 },
        },
        {
          key: 'u2',
          wonDeals: 1,
          total: 50,
          byChannel: { ...zeros, new: 50 },
          shareByChannel: { renewal: 0, upsell: 0, winback: 0, new: 1, unset: 0 },
        },
        {
          key: '',
          wonDeals: 1,
          total: 30,
          byChannel: { ...zeros, upsell: 30 },
          shareByChannel: { renewal: 0, upsell: 1, winback: 0, new: 0, unset: 0 },
        },
        { key: 'u5', wonDeals: 0, total: 0, byChannel: zeros, shareByChannel: noShares },
      ],
      totals: {
        wonDeals: 5,
        total: 480,
        byChannel: { renewal: 100, upsell: 30, winback: 200, new: 150, unset: 0 },
        shareByChannel: { renewal: 100 / 480, upsell: 30 / 480, winback: 200 / 480, new: 150 / 480, unset: 0 },
      },
    });
  });

  it('groups by team and can show contract value', () => {
    // t1: new 300 + 50, renewal 100 = 450; t2: winback 200; no team: upsell 30; total 680
    const mix = channelMix(deals, fy2026, { groupBy: 'team', measure: 'contractVolume' });
    expect(mix.rows.map((row) => [row.key, row.total, row.byChannel])).toEqual([
      ['t1', 450, { ...zeros, renewal: 100, new: 350 }],
      ['t2', 200, { ...zeros, winback: 200 }],
      ['', 30, { ...zeros, upsell: 30 }],
    ]);
    expect(mix.totals.total).toBe(680);
  });

  it('cuts at the quarter end', () => {
    // Q1: deals 1, 2, 3 = 100 + 100 + 50
    const mix = channelMix(deals, fiscalQuarterRange(2026, 1, 1), { groupBy: 'seller' });
    expect(mix.rows.map((row) => [row.key, row.total])).toEqual([
      ['u1', 200],
      ['u2', 50],
    ]);
    expect(mix.totals.total).toBe(250);
  });

  it('has an all-zero totals row on empty input', () => {
    expect(channelMix([], fy2026, { groupBy: 'team' })).toEqual({
      range: fy2026,
      groupBy: 'team',
      measure: 'annualVolume',
      rows: [],
      totals: { wonDeals: 0, total: 0, byChannel: zeros, shareByChannel: noShares },
    });
  });

  it('does not mutate its input', () => {
    const input = deepFreeze(structuredClone(deals));
    channelMix(input, fy2026, { groupBy: 'seller', keys: deepFreeze(['u5']) });
    expect(input).toEqual(deals);
  });
});
