/**
 * `deals.csv`: one row per deal / opportunity. Stage names are resolved against the settings'
 * stages (id, label or alias), CRM channel values through `channelMap`, and amounts are
 * converted to the reporting currency.
 */
import { CHANNELS, FORECAST_CATEGORIES, type Channel, type Deal, type ForecastCategory } from '../core/records.ts';
import type { Settings } from '../settings/schema.ts';
import { cachedLookup, fastRowReader, rowSchema, valueLookup, type CellKinds, type Finish } from './cells.ts';
import { DealColumns, StoredDeal, UNSET_AMOUNT, UNSET_CLOSE } from '../speed/stored-deal.ts';
import { interner, own, rememberLast } from '../speed/intern.ts';
import { NO_CLOSE_DATE, NO_CREATED_DATE } from '../core/records.ts';
import type { FileSpec } from './column.ts';
import { RULES } from '../core/rules.ts';
import { rateLookup } from '../settings/rate-on.ts';

export type DealRow = Omit<Deal, 'file' | 'line'>;

/** CRM stage names → canonical stage id. */
export function stageLookup(settings: Settings): Map<string, string> {
  return valueLookup(
    settings.stages.flatMap((stage) =>
      // `?? []`: zod 4's `.default()` returns DEFAULT_STAGES unparsed, so default stages lack `aliases`.
      [stage.id, stage.label ?? '', ...(stage.aliases ?? [])].filter(Boolean).map((name) => [name, stage.id] as [string, string]),
    ),
  );
}

/** CRM channel values → canonical channel (canonical names and the settings' map). */
export function channelLookup(settings: Settings): Map<string, Channel> {
  return valueLookup<Channel>([
    ...CHANNELS.map((channel) => [channel, channel] as [string, Channel]),
    ['win-back', 'winback'],
    ...Object.entries(settings.channelMap),
  ]);
}

const forecastLookup = valueLookup<ForecastCategory>([
  ...FORECAST_CATEGORIES.map((category) => [category, category] as [string, ForecastCategory]),
  ['best case', 'best_case'],
]);

const DEAL_CELLS = {
  id: 'requiredText',
  name: 'optionalText',
  account_id: 'textOrEmpty',
  owner: 'textOrEmpty',
  stage: 'requiredText',
  amount: 'optionalNumber',
  currency: 'optionalText',
  created_date: 'optionalDate',
  close_date: 'optionalDate',
  channel: 'optionalText',
  product: 'optionalText',
  contract_start: 'optionalDate',
  contract_end: 'optionalDate',
  term_months: 'optionalInteger',
  forecast_category: 'optionalText',
  source: 'optionalText',
  lost_reason: 'optionalText',
  sdr: 'optionalText',
  lead_id: 'optionalText',
  updated_date: 'optionalDate',
} as const satisfies CellKinds;

/** Stage, currency, channel and forecast category resolved; the amount converted. */
function finishDeal(settings: Settings): Finish<typeof DEAL_CELLS, DealRow> {
  const stages = cachedLookup(stageLookup(settings));
  const channels = cachedLookup(channelLookup(settings));
  const forecasts = cachedLookup(forecastLookup);
  const stageById = new Map<string, Settings['stages'][number]>();
  for (const stage of settings.stages) if (!stageById.has(stage.id)) stageById.set(stage.id, stage);
  // One interner per column: a column of few values (owner) stays a small, quickly searched
  // table instead of sharing one with the many account ids.
  const accounts = interner();
  const owners = interner();
  // Names, currency, product, source, lost reason, SDR and dates are kept once per distinct text by the columns.
  const columns = new DealColumns();
  // `toUpperCase` makes a new string each time: the currency of the row before is taken as it was.
  const upperCase = rememberLast((text: string) => text.toUpperCase());
  const rateOn = rateLookup(settings);
  return (row, fail) => {
    const stageId = stages(row.stage);
    const stage = stageId === undefined ? undefined : stageById.get(stageId);
    if (!stage) {
      const known = settings.stages.map((s) => s.id).join(', ');
      return fail('UnknownStage', `unknown stage "${row.stage}" (known: ${known})`, row.stage, 'stage');
    }
    if (row.amount !== undefined && row.amount < 0) {
      return fail('NegativeAmount', RULES.NegativeAmount.message({ value: row.amount }), String(row.amount), 'amount');
    }
    // An open deal keeps its stage, owner and age without amount or expected close date (many CRMs
    // leave both empty early on); a won or lost deal needs both.
    if (stage.status !== 'open') {
      if (row.amount === undefined) return fail('MissingValue', 'required value is empty', '', 'amount');
      if (row.close_date === undefined) return fail('MissingValue', 'required value is empty', '', 'close_date');
    }
    const currency = upperCase(row.currency ?? settings.currency); // kept once per distinct text by its column
    // The rate of the close date (created date for an open deal without one), else the one rate.
    const rate = rateOn(currency, row.close_date ?? row.created_date);
    if (rate === undefined) {
      return fail('UnknownCurrency', `no exchange rate for "${currency}" in the settings`, currency, 'currency');
    }
    let channelGiven: Channel | undefined;
    if (row.channel !== undefined) {
      channelGiven = channels(row.channel);
      if (!channelGiven) return fail('UnknownChannel', `unknown channel "${row.channel}"`, row.channel, 'channel');
    }
    let forecastCategory: ForecastCategory | undefined;
    if (row.forecast_category !== undefined) {
      forecastCategory = forecasts(row.forecast_category);
      if (!forecastCategory) {
        return fail('UnknownForecastCategory', `unknown forecast category "${row.forecast_category}"`, row.forecast_category, 'forecast_category');
      }
    }
    const id = own(row.id);
    // A StoredDeal (src/speed/stored-deal.ts): the fields most metrics read are its own, the
    // others go to this file's columns; file and line (validation) and the model's fields are
    // set later.
    const deal = new StoredDeal(columns, {
      id,
      accountId: accounts(row.account_id),
      ownerId: owners(row.owner),
      stageId: stage.id,
      status: stage.status,
      amount: row.amount === undefined ? 0 : Math.round(row.amount * rate * 100) / 100,
      // Without account or created date the deal is kept; a data-quality rule names it.
      created: row.created_date ?? NO_CREATED_DATE,
      close: row.close_date ?? NO_CLOSE_DATE,
    });
    if (row.name !== undefined) deal.name = row.name; // without one, a deal's name is its id
    deal.amountOriginal = row.amount ?? 0;
    if (row.amount === undefined || row.close_date === undefined) {
      deal.unset = (row.amount === undefined ? UNSET_AMOUNT : 0) | (row.close_date === undefined ? UNSET_CLOSE : 0);
    }
    deal.currency = currency;
    deal.channelGiven = channelGiven;
    deal.product = row.product;
    deal.contractStart = row.contract_start;
    deal.contractEnd = row.contract_end;
    deal.termMonths = row.term_months;
    deal.forecastCategory = forecastCategory;
    deal.source = row.source;
    deal.lostReason = row.lost_reason;
    deal.sdrId = row.sdr;
    deal.leadId = row.lead_id;
    deal.updated = row.updated_date;
    return deal as DealRow;
  };
}

export const dealsFile: FileSpec<DealRow> = {
  file: 'deals.csv',
  required: true,
  idColumn: 'id',
  columns: [
    { name: 'id', required: true, aliases: ['deal_id'] },
    { name: 'name', required: false, aliases: ['deal_name', 'title'] },
    { name: 'account_id', required: true, aliases: ['account', 'company_id'] },
    { name: 'owner', required: true, aliases: ['owner_id', 'deal_owner'] },
    { name: 'stage', required: true, aliases: ['deal_stage'] },
    { name: 'amount', required: true, aliases: ['value'] },
    { name: 'currency', required: false },
    { name: 'created_date', required: true, aliases: ['created', 'create_date'] },
    { name: 'close_date', required: true, aliases: ['closed', 'close'] },
    { name: 'channel', required: false, aliases: ['type', 'deal_type'] },
    { name: 'product', required: false },
    { name: 'contract_start', required: false },
    { name: 'contract_end', required: false },
    { name: 'term_months', required: false, aliases: ['term'] },
    { name: 'forecast_category', required: false },
    { name: 'source', required: false, aliases: ['lead_source'] },
    { name: 'lost_reason', required: false },
    { name: 'sdr', required: false, aliases: ['sdr_id', 'booked_by'] },
    { name: 'updated_date', required: false, aliases: ['updated', 'last_modified'] },
    { name: 'lead_id', required: false, aliases: ['mql_id'] },
  ],
  schema: (settings) => rowSchema(DEAL_CELLS, settings, finishDeal(settings)),
  fast: (settings) => fastRowReader(DEAL_CELLS, settings, finishDeal(settings)),
};
