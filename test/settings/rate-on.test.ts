import { describe, expect, it } from 'vitest';
import { rateLookup } from '../../src/settings/rate-on.ts';
import { settingsSchema } from '../../src/settings/schema.ts';

describe('rateLookup', () => {
  const rateOn = rateLookup(
    settingsSchema.parse({
      currency: 'SEK',
      exchangeRates: { EUR: 11, NOK: 0.95 },
      datedExchangeRates: {
        EUR: [
          { from: '2026-01-01', to: '2026-07-01', rate: 16 },
          { from: '2026-07-01', rate: 10 },
        ],
      },
    }),
  );

  it('takes the dated rate whose period holds the day: from inclusive, to exclusive', () => {
    expect(rateOn('EUR', '2026-01-01')).toBe(16);
    expect(rateOn('EUR', '2026-06-30')).toBe(16);
    expect(rateOn('EUR', '2026-07-01')).toBe(10);
    expect(rateOn('EUR', '2031-01-01')).toBe(10); // open-ended
  });

  it('falls back to the one rate outside every period, without a day, or without dated rates', () => {
    expect(rateOn('EUR', '2025-12-31')).toBe(11);
    expect(rateOn('EUR', undefined)).toBe(11);
    expect(rateOn('NOK', '2026-03-01')).toBe(0.95);
    expect(rateOn('USD', '2026-03-01')).toBeUndefined();
    expect(rateOn('SEK', '2026-03-01')).toBe(1);
  });

  it('rejects a period that ends before it starts', () => {
    const bad = settingsSchema.safeParse({ datedExchangeRates: { EUR: [{ from: '2026-07-01', to: '2026-01-01', rate: 10 }] } });
    expect(bad.success).toBe(false);
  });
});
