import { describe, expect, it } from 'vitest';
import { channelNotSetShare, inferredChannelShare } from '../../src/metrics/inferred-channel-share.ts';
import { wonDeal } from './fixtures.ts';

const year = { start: '2026-01-01', end: '2026-12-31' };

describe('inferredChannelShare and channelNotSetShare', () => {
  // Won in 2026: 300 given, 100 inferred (first-deal), 0.10 + 0.20 inferred (cents add exactly),
  // 600 not set; 999 won in 2025 is outside. Total 300 + 100 + 0.30 + 600 = 1 000.30.
  // Inferred 100.30 ÷ 1 000.30; not set 600 ÷ 1 000.30.
  const deals = [
    wonDeal({ annualAmount: 300, channel: 'upsell', channelReason: 'given' }),
    wonDeal({ annualAmount: 100, channel: 'new', channelReason: 'first-deal' }),
    wonDeal({ annualAmount: 0.1, channel: 'upsell', channelReason: 'active-customer' }),
    wonDeal({ annualAmount: 0.2, channel: 'winback', channelReason: 'passive-customer' }),
    wonDeal({ annualAmount: 600, channel: 'unset', channelReason: 'not-set' }),
    wonDeal({ annualAmount: 999, close: '2025-06-01', channel: 'unset', channelReason: 'not-set' }),
  ];

  it('splits won volume into given, inferred and not set', () => {
    expect(inferredChannelShare(deals, year)).toBeCloseTo(10_030 / 100_030, 12);
    expect(channelNotSetShare(deals, year)).toBeCloseTo(60_000 / 100_030, 12);
  });

  it('is null, not NaN, when nothing was won', () => {
    expect(inferredChannelShare([], year)).toBeNull();
    expect(channelNotSetShare([], year)).toBeNull();
  });
});
