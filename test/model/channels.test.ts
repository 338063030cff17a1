import { describe, expect, it } from 'vitest';
import { assignChannels } from '../../src/model/channels.ts';
import { deal } from './deal-factory.ts';

const rules = { winbackMonths: 12, renewalWindowDays: 90 };

describe('assignChannels', () => {
  // Account A's history, worked by hand:
  // a1 won 2024-03-10, product X, contract 2024-04-01…2025-03-31: no earlier won deal → new
  // a2 won 2024-09-01, product Y: customer active (a1 runs to 2025-03-31) → upsell
  // a3 won 2025-03-15, product X, starts 2025-04-01: a1 (X) ends 2025-03-31, 1 day away → renewal
  // a4 open, closes 2026-11-30: last activity 2025-03-31 (a1's end); +12 months = 2026-03-31,
  //    before 2026-11-30 → winback
  // a5 (account C, no history) has the channel "upsell" in the export → given, not inferred
  // Account B: b1 and b2 won the same day as the first deals → both new; b3 lost later → upsell.
  const deals = [
    deal({ id: 'a1', close: '2024-03-10', product: 'X', contractStart: '2024-04-01', contractEnd: '2025-03-31' }),
    deal({ id: 'a2', close: '2024-09-01', product: 'Y' }),
    deal({ id: 'a3', close: '2025-03-15', product: 'X', contractStart: '2025-04-01' }),
    deal({ id: 'a4', close: '2026-11-30', product: 'Z', status: 'open', stageId: 'proposal' }),
    deal({ id: 'a5', accountId: 'C', close: '2026-05-01', channelGiven: 'upsell' }),
    deal({ id: 'b1', accountId: 'B', close: '2026-01-10', product: 'X' }),
    deal({ id: 'b2', accountId: 'B', close: '2026-01-10', product: 'Y' }),
    deal({ id: 'b3', accountId: 'B', close: '2026-02-01', status: 'lost', stageId: 'lost' }),
  ];

  it('infers every channel from the account history', () => {
    const result = assignChannels(deals, rules).map((a, i) => [deals[i]!.id, a.channel, a.reason]);
    expect(result).toEqual([
      ['a1', 'new', 'first-deal'],
      ['a2', 'upsell', 'active-customer'],
      ['a3', 'renewal', 'continues-contract'],
      ['a4', 'winback', 'passive-customer'],
      ['a5', 'upsell', 'given'],
      ['b1', 'new', 'first-deal'],
      ['b2', 'new', 'first-deal'],
      ['b3', 'upsell', 'active-customer'],
    ]);
  });

  it('treats a customer as still active on the last day of the win-back threshold', () => {
    // Last won 2025-06-30; +12 months = 2026-06-30: a deal closing that day is not a win-back,
    // one closing the day after is.
    const history = [deal({ id: 'w1', close: '2025-06-30' })];
    const onTheDay = assignChannels([...history, deal({ id: 'w2', close: '2026-06-30' })], rules);
    const dayAfter = assignChannels([...history, deal({ id: 'w3', close: '2026-07-01' })], rules);
    expect(onTheDay[1]!.channel).toBe('upsell');
    expect(dayAfter[1]!.channel).toBe('winback');
  });

  it('uses the term when a contract has no end date', () => {
    // r1 starts 2025-01-01 for 12 months → ends 2025-12-31; r2 starts 2026-01-01 → renewal.
    const result = assignChannels(
      [
        deal({ id: 'r1', close: '2024-12-15', product: 'X', contractStart: '2025-01-01', termMonths: 12 }),
        deal({ id: 'r2', close: '2025-12-10', product: 'X', contractStart: '2026-01-01' }),
      ],
      rules,
    );
    expect(result[1]).toEqual({ channel: 'renewal', reason: 'continues-contract' });
  });

  it('returns nothing for no deals and does not mutate its input', () => {
    expect(assignChannels([], rules)).toEqual([]);
    const copy = structuredClone(deals);
    assignChannels(deals, rules);
    expect(deals).toEqual(copy);
  });
});
