/**
 * The exchange rate a deal's amount is converted with: units of the reporting currency per one
 * unit of the deal's currency on the deal's day. A dated rate (settings `datedExchangeRates`,
 * filled from a Salesforce `DatedConversionRate.csv` when the user gave no rate of their own for
 * that currency) whose period holds the day wins; otherwise the currency's one rate
 * (`exchangeRates`); `undefined` when there is neither. The reporting currency is 1.
 *
 * A period holds the days from `from` up to, not including, `to` (open-ended without `to`), as
 * Salesforce's `StartDate` and `NextStartDate` do.
 *
 * @example
 * const rateOn = rateLookup(settingsSchema.parse({
 *   exchangeRates: { EUR: 11 },
 *   datedExchangeRates: { EUR: [{ from: '2026-01-01', to: '2026-07-01', rate: 16 }] },
 * }));
 * rateOn('EUR', '2026-05-20') //=> 16
 * rateOn('EUR', '2026-07-01') //=> 11
 * rateOn('SEK', '2026-07-01') //=> 1
 */
import type { Settings } from './schema.ts';

export type RateOn = (currency: string, day: string | undefined) => number | undefined;

export function rateLookup(settings: Settings): RateOn {
  const dated = settings.datedExchangeRates;
  return (currency, day) => {
    if (currency === settings.currency) return 1;
    if (day !== undefined) {
      for (const period of dated[currency] ?? []) {
        if (period.from <= day && (period.to === undefined || day < period.to)) return period.rate;
      }
    }
    return settings.exchangeRates[currency];
  };
}
