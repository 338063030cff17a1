// Salesforce CurrencyType.csv and DatedConversionRate.csv of the weekly export fixture, read into
// rates per one unit of each currency in SEK (the corporate and reporting currency).
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { readCrmRates } from '../../src/presets/exchange-rates.ts';
import { salesforceCurrencyTypes, salesforceDatedConversionRates } from '../../src/presets/salesforce-data-export.ts';
import { settingsSchema } from '../../src/settings/schema.ts';

const dir = fileURLToPath(new URL('../fixtures/real-world/salesforce-weekly-export', import.meta.url));
const sources = [
  { file: 'CurrencyType.csv', adapter: salesforceCurrencyTypes },
  { file: 'DatedConversionRate.csv', adapter: salesforceDatedConversionRates },
];

describe('readCrmRates', () => {
  it('turns per-corporate rates into SEK per unit, dated ones per period', async () => {
    const rates = await readCrmRates(dir, sources, settingsSchema.parse({ currency: 'SEK' }));
    // CurrencyType: EUR 0.08 → 1 / 0.08 = 12.5; DKK 0.6875 → 1 / 0.6875.
    expect(rates.exchangeRates).toEqual({ EUR: 1 / 0.08, DKK: 1 / 0.6875 });
    // Dated EUR: 0.08 until 2026-01-01 → 12.5; 0.0625 → 16; 0.1 from 2026-07-01 to 2027-01-01 → 10.
    // Dated DKK: 0.7 → 1 / 0.7; 0.625 → 1.6 from 2026-07-01 to 2026-10-01. SEK's own row (1) is
    // the reporting currency's rate, not a conversion.
    expect(rates.datedExchangeRates).toEqual({
      EUR: [
        { from: '0001-01-01', to: '2026-01-01', rate: 1 / 0.08 },
        { from: '2026-01-01', to: '2026-07-01', rate: 1 / 0.0625 },
        { from: '2026-07-01', to: '2027-01-01', rate: 1 / 0.1 },
      ],
      DKK: [
        { from: '2026-01-01', to: '2026-07-01', rate: 1 / 0.7 },
        { from: '2026-07-01', to: '2026-10-01', rate: 1 / 0.625 },
      ],
    });
    expect(rates.notes).toContain("dated exchange rates: EUR, DKK from DatedConversionRate.csv, by each deal's close date (settings win)");
  });

  it('takes no rate for a currency the settings give one for, dated or not', async () => {
    const rates = await readCrmRates(dir, sources, settingsSchema.parse({ currency: 'SEK', exchangeRates: { EUR: 11 } }));
    expect(Object.keys(rates.datedExchangeRates)).toEqual(['DKK']);
  });

  it('converts through the reporting currency when it is not the corporate one', async () => {
    // Reporting EUR: DKK on 2026-08-01 = EUR per corporate (0.1) ÷ DKK per corporate (0.625) = 0.16.
    const rates = await readCrmRates(dir, sources, settingsSchema.parse({ currency: 'EUR' }));
    const dkk = rates.datedExchangeRates.DKK!.find((p) => p.from <= '2026-08-01' && (p.to === undefined || '2026-08-01' < p.to));
    expect(dkk?.rate).toBeCloseTo(0.16, 12);
    // SEK, flat 1 per corporate: 0.0625 ÷ 1 in the first half of 2026.
    expect(rates.datedExchangeRates.SEK!.find((p) => p.from === '2026-01-01')?.rate).toBe(0.0625);
  });
});
