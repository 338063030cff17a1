/**
 * Salesforce `CurrencyType.csv` → the settings' `exchangeRates`. Salesforce gives each currency's
 * `ConversionRate` per one unit of the corporate currency; tavla wants units of the reporting
 * currency per one unit of each other currency, so rate(X) = rate(reporting) / rate(X). It needs
 * the reporting currency in the file; rates written in the settings always win.
 */
import { join } from 'node:path';
import { parseNumber } from '../ingest/parse-number.ts';
import { readCsv } from '../ingest/read-csv.ts';
import type { Settings } from '../settings/schema.ts';
import { matchColumns } from './bind.ts';
import type { SourceAdapter } from './types.ts';
import { isTrue, present } from './values.ts';

export interface RatesRead {
  rates: Record<string, number>;
  note: string;
}

export async function readExchangeRates(dataDir: string, file: string, adapter: SourceAdapter, settings: Settings): Promise<RatesRead> {
  const perCorporate = new Map<string, number>();
  let position: Record<string, number> = {};
  await readCsv(
    join(dataDir, file),
    (row) => {
      const cell = (key: string) => (position[key] === undefined ? undefined : row.fields[position[key]!]);
      const code = present(cell('iso'))?.toUpperCase();
      const rate = parseNumber(cell('rate') ?? '', { decimalSeparator: '.' });
      const active = cell('active') === undefined || isTrue(cell('active'));
      if (code && rate.ok && rate.value > 0 && active) perCorporate.set(code, rate.value);
    },
    { fileLabel: file, onHeader: (header) => (position = matchColumns(adapter, header).position) },
  );
  const reporting = perCorporate.get(settings.currency);
  if (reporting === undefined) {
    return { rates: {}, note: `${file}: no active ${settings.currency} rate, so its exchange rates are not used` };
  }
  const rates: Record<string, number> = {};
  for (const [code, rate] of perCorporate) {
    // Used exactly as the file gives them: no rounding (0.6875 DKK per SEK is 1.4545… SEK per DKK).
    if (code !== settings.currency) rates[code] = reporting / rate;
  }
  const used = Object.keys(rates).filter((code) => settings.exchangeRates[code] === undefined);
  return { rates, note: `exchange rates: ${used.length > 0 ? used.join(', ') : 'none'} from ${file} (settings win)` };
}
