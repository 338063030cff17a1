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

describe('channel inference setting', () => {
  // History of the export worked by hand: its earliest date is h1's created date 2024-01-15
  // (h1 closes 2024-02-01). With winbackMonths 12 the history reaches a full win-back window back
  // from 2025-01-15 on, so under `auto`:
  // h1 closes 2024-02-01 (< 2025-01-15)      → not set
  // h2 closes 2025-01-14 (the day before)    → not set
  // h3 closes 2025-01-15 (the first such day) → inferred: h1 won 2024-02-01, +12 months =
  //    2025-02-01 ≥ 2025-01-15 → active customer → upsell
  // h4 open without close date, created 2025-03-01 → judged on 2025-03-01 ≥ 2025-01-15 → inferred:
  //    last won h3 2025-01-15 (+12 = 2026-01-15, after 2025-03-01) → upsell
  // h5 has no account → never inferred (no customer history) → not set, also under `on`
  // h6 gives its channel → given under every setting
  const history = [
    deal({ id: 'h1', created: '2024-01-15', close: '2024-02-01' }),
    deal({ id: 'h2', created: '2024-12-01', close: '2025-01-14' }),
    deal({ id: 'h3', created: '2024-12-01', close: '2025-01-15' }),
    deal({ id: 'h4', created: '2025-03-01', close: '9999-12-31', status: 'open', stageId: 'proposal' }),
    deal({ id: 'h5', accountId: '', created: '2025-06-01', close: '2025-06-10' }),
    deal({ id: 'h6', created: '2024-02-01', close: '2024-03-01', channelGiven: 'renewal' }),
  ];
  const run = (channelInference: 'auto' | 'on' | 'off') =>
    assignChannels(history, { ...rules, channelInference }).map((a, i) => [history[i]!.id, a.channel, a.reason]);

  it('auto infers only once the history reaches winbackMonths back', () => {
    expect(run('auto')).toEqual([
      ['h1', 'unset', 'not-set'],
      ['h2', 'unset', 'not-set'],
      ['h3', 'upsell', 'active-customer'],
      ['h4', 'upsell', 'active-customer'],
      ['h5', 'unset', 'not-set'],
      ['h6', 'renewal', 'given'],
    ]);
  });

  it('off never infers: a deal without a channel is "channel not set", never upsell', () => {
    expect(run('off')).toEqual([
      ['h1', 'unset', 'not-set'],
      ['h2', 'unset', 'not-set'],
      ['h3', 'unset', 'not-set'],
      ['h4', 'unset', 'not-set'],
      ['h5', 'unset', 'not-set'],
      ['h6', 'renewal', 'given'],
    ]);
  });

  it('on infers every deal with an account, however short the history', () => {
    // h1 first won → new; h2: h1 won 2024-02-01 (+12 = 2025-02-01 ≥ 2025-01-14) → upsell.
    expect(run('on').map((row) => row[1])).toEqual(['new', 'upsell', 'upsell', 'upsell', 'unset', 'renewal']);
  });
});
