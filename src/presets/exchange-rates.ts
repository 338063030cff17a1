/**
 * Salesforce `CurrencyType.csv` → the settings' `exchangeRates`, and `DatedConversionRate.csv`
 * (advanced currency management) → the settings' `datedExchangeRates`. Salesforce gives each
 * currency's `ConversionRate` per one unit of the corporate currency; tavla wants units of the
 * reporting currency per one unit of each other currency, so rate(X) = rate(reporting) / rate(X),
 * on each day for dated rates (the reporting currency's own dated rate that day, else its
 * `CurrencyType.csv` rate). It needs the reporting currency in the files; rates written in the
 * settings always win: a currency the settings give a rate for (dated or not) takes none from
 * the export.
 *
 * @example
 * // CurrencyType SEK 1 (corporate), EUR 0.08; DatedConversionRate EUR 0.0625 from 2026-01-01
 * // to 2026-07-01 → exchangeRates EUR 12.5; datedExchangeRates EUR [2026-01-01…2026-07-01: 16]
 */
import { join } from 'node:path';
import { parseNumber } from '../ingest/parse-number.ts';
import { readCsv } from '../ingest/read-csv.ts';
import type { Settings } from '../settings/schema.ts';
import { matchColumns } from './bind.ts';
import { salesforceDatedConversionRates } from './salesforce-data-export.ts';
import type { SourceAdapter } from './types.ts';
import { isTrue, present } from './values.ts';

interface Period {
  from: string;
  to?: string;
  rate: number;
}

export interface CrmRates {
  exchangeRates: Record<string, number>;
  datedExchangeRates: Record<string, Period[]>;
  notes: string[];
}

type Source = { file: string; adapter: SourceAdapter };

/** Each row of the file as the cells of `keys`. */
async function rowsOf(dataDir: string, { file, adapter }: Source, keys: string[]): Promise<Record<string, string | undefined>[]> {
  const rows: Record<string, string | undefined>[] = [];
  let position: Record<string, number> = {};
  await readCsv(
    join(dataDir, file),
    (row) => rows.push(Object.fromEntries(keys.map((key) => [key, position[key] === undefined ? undefined : row.fields[position[key]!]]))),
    { fileLabel: file, onHeader: (header) => (position = matchColumns(adapter, header).position) },
  );
  return rows;
}

const rateOf = (cell: string | undefined) => {
  const rate = parseNumber(cell ?? '', { decimalSeparator: '.' });
  return rate.ok && rate.value > 0 ? rate.value : undefined;
};
const dayOf = (cell: string | undefined) => /^\d{4}-\d{2}-\d{2}/.exec(present(cell) ?? '')?.[0];

/** Active `CurrencyType.csv` rates per one corporate unit. */
async function perCorporate(dataDir: string, source: Source): Promise<Map<string, number>> {
  const rates = new Map<string, number>();
  for (const row of await rowsOf(dataDir, source, ['iso', 'rate', 'active'])) {
    const code = present(row.iso)?.toUpperCase();
    const rate = rateOf(row.rate);
    if (code && rate !== undefined && (row.active === undefined || isTrue(row.active))) rates.set(code, rate);
  }
  return rates;
}

/** `DatedConversionRate.csv` periods per currency, per one corporate unit. */
async function datedPerCorporate(dataDir: string, source: Source): Promise<Map<string, Period[]>> {
  const periods = new Map<string, Period[]>();
  for (const row of await rowsOf(dataDir, source, ['iso', 'rate', 'start', 'next'])) {
    const code = present(row.iso)?.toUpperCase();
    const rate = rateOf(row.rate);
    const from = dayOf(row.start);
    const to = dayOf(row.next);
    if (!code || rate === undefined || from === undefined || (to !== undefined && to <= from)) continue;
    periods.set(code, [...(periods.get(code) ?? []), { from, ...(to === undefined ? {} : { to }), rate }]);
  }
  return periods;
}

const rateAt = (periods: readonly Period[], day: string) => periods.find((p) => p.from <= day && (p.to === undefined || day < p.to))?.rate;

/** Periods of X in units of the reporting currency: cut wherever either currency's rate changes. */
function relativeTo(x: readonly Period[], reporting: readonly Period[], reportingFlat: number | undefined): Period[] {
  const cuts = [...new Set([...x, ...reporting].flatMap((p) => (p.to === undefined ? [p.from] : [p.from, p.to])))].sort();
  const result: Period[] = [];
  cuts.forEach((from, i) => {
    const to = cuts[i + 1];
    const rx = rateAt(x, from);
    const rr = rateAt(reporting, from) ?? reportingFlat;
    // Used exactly as the files give them: no rounding.
    if (rx !== undefined && rr !== undefined) result.push({ from, ...(to === undefined ? {} : { to }), rate: rr / rx });
  });
  return result;
}

/** Every rate the export's currency files give, relative to the reporting currency. */
export async function readCrmRates(dataDir: string, sources: readonly Source[], settings: Settings): Promise<CrmRates> {
  const result: CrmRates = { exchangeRates: {}, datedExchangeRates: {}, notes: [] };
  const own = (code: string) => settings.exchangeRates[code] !== undefined || settings.datedExchangeRates[code] !== undefined;
  const reportingCode = settings.currency;
  let reportingFlat: number | undefined;
  for (const source of sources.filter((s) => s.adapter.id !== salesforceDatedConversionRates.id)) {
    const rates = await perCorporate(dataDir, source);
    reportingFlat = rates.get(reportingCode);
    if (reportingFlat === undefined) {
      result.notes.push(`${source.file}: no active ${reportingCode} rate, so its exchange rates are not used`);
      continue;
    }
    for (const [code, rate] of rates) if (code !== reportingCode) result.exchangeRates[code] = reportingFlat / rate;
    const used = Object.keys(result.exchangeRates).filter((code) => !own(code));
    result.notes.push(`exchange rates: ${used.length > 0 ? used.join(', ') : 'none'} from ${source.file} (settings win)`);
  }
  for (const source of sources.filter((s) => s.adapter.id === salesforceDatedConversionRates.id)) {
    const dated = await datedPerCorporate(dataDir, source);
    const reporting = dated.get(reportingCode) ?? [];
    const used: string[] = [];
    for (const [code, periods] of dated) {
      if (code === reportingCode || own(code)) continue;
      const relative = relativeTo(periods, reporting, reportingFlat);
      if (relative.length === 0) continue;
      result.datedExchangeRates[code] = relative;
      used.push(code);
    }
    result.notes.push(
      used.length > 0
        ? `dated exchange rates: ${used.join(', ')} from ${source.file}, by each deal's close date (settings win)`
        : `${source.file}: no dated rates usable for ${reportingCode} (needs its rate there or in CurrencyType.csv)`,
    );
  }
  return result;
}
