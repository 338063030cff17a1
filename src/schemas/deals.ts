/**
 * `deals.csv`: one row per deal / opportunity. Stage names are resolved against the settings'
 * stages (id, label or alias), CRM channel values through `channelMap`, and amounts are
 * converted to the reporting currency.
 */
import { CHANNELS, FORECAST_CATEGORIES, type Channel, type Deal, type DealColumnFields, type ForecastCategory } from '../core/records.ts';
import type { Settings } from '../settings/schema.ts';
import { cachedLookup, fastRowReader, rowSchema, valueLookup, type Finish } from './cells.ts';
import { DealColumns, StoredDeal, UNSET_AMOUNT, UNSET_CLOSE } from '../speed/stored-deal.ts';
import { interner, own, rememberLast } from '../speed/intern.ts';
import { NO_CLOSE_DATE, NO_CREATED_DATE } from '../core/records.ts';
import { rateLookup } from '../settings/rate-on.ts';
import { cellKindsOf, columnSpecs, givenEntries, storedFields, type ColumnTable, type FieldsMatch, type FileSpec } from './column.ts';
import { RULES } from '../core/rules.ts';

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
function channelLookup(settings: Settings): Map<string, Channel> {
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

/**
 * deals.csv, one entry per column. A column with a `field` is kept in that field of the deal as
 * read (a `resolved` one: as `finishDeal` sets it), in a column store of its `store`
 * (src/speed/stored-deal.ts); the others are read by `finishDeal`. A new optional column kept as
 * read is one entry here (plus its field in `DealColumnFields`, src/core/records.ts, and its line
 * in docs/data-format.md).
 */
export const DEAL_COLUMNS = [
  { name: 'id', kind: 'requiredText', required: true, aliases: ['deal_id'] },
  { name: 'name', kind: 'optionalText', required: false, aliases: ['deal_name', 'title'] },
  { name: 'account_id', kind: 'textOrEmpty', required: true, aliases: ['account', 'company_id'] },
  { name: 'owner', kind: 'textOrEmpty', required: true, aliases: ['owner_id', 'deal_owner'] },
  { name: 'stage', kind: 'requiredText', required: true, aliases: ['deal_stage'] },
  { name: 'amount', kind: 'optionalNumber', required: true, aliases: ['value'] },
  { name: 'currency', kind: 'optionalText', required: false },
  { name: 'created_date', kind: 'optionalDate', required: true, aliases: ['created', 'create_date'] },
  { name: 'close_date', kind: 'optionalDate', required: true, aliases: ['closed', 'close'] },
  { name: 'channel', kind: 'optionalText', required: false, aliases: ['type', 'deal_type'] },
  { name: 'product', kind: 'optionalText', required: false, field: 'product', store: 'text' },
  { name: 'contract_start', kind: 'optionalDate', required: false, field: 'contractStart', store: 'date' },
  { name: 'contract_end', kind: 'optionalDate', required: false, field: 'contractEnd', store: 'date' },
  { name: 'term_months', kind: 'optionalInteger', required: false, aliases: ['term'], field: 'termMonths', store: 'number' },
  { name: 'forecast_category', kind: 'optionalText', required: false, field: 'forecastCategory', store: 'text', resolved: true },
  { name: 'source', kind: 'optionalText', required: false, aliases: ['lead_source'], field: 'source', store: 'text' },
  { name: 'lost_reason', kind: 'optionalText', required: false, field: 'lostReason', store: 'text' },
  { name: 'sdr', kind: 'optionalText', required: false, aliases: ['sdr_id', 'booked_by'], field: 'sdrId', store: 'text' },
  { name: 'updated_date', kind: 'optionalDate', required: false, aliases: ['updated', 'last_modified'], field: 'updated', store: 'date' },
  { name: 'lead_id', kind: 'optionalText', required: false, aliases: ['mql_id'], field: 'leadId', store: 'text' },
  { name: 'next_step', kind: 'optionalText', required: false, field: 'nextStep', store: 'text' },
] as const satisfies ColumnTable;

/** Compile-time: the table names every field of `DealColumnFields`, no other, each of its cell's type. */
const _FIELDS_MATCH: FieldsMatch<typeof DEAL_COLUMNS, DealColumnFields> = true;

const DEAL_CELLS = cellKindsOf(DEAL_COLUMNS);
/** The columns kept as read, and the class of the deals that keep them. */
const GIVEN = givenEntries(DEAL_COLUMNS);
const STORED = storedFields(DEAL_COLUMNS);
/** Each given column's place among the stored fields. */
const GIVEN_PLACES = GIVEN.map(({ field }) => STORED.findIndex((stored) => stored.field === field));
const DealRecord = StoredDeal.withFields(STORED);

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
  const columns = new DealColumns(STORED);
  /** The given columns' values of the row at hand, in `GIVEN` order. */
  const given: unknown[] = [];
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
    const deal: StoredDeal & DealColumnFields = new DealRecord(columns, {
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
    deal.forecastCategory = forecastCategory;
    for (let i = 0; i < GIVEN.length; i++) given[i] = (row as Record<string, unknown>)[GIVEN[i]!.name];
    deal.setFields(GIVEN_PLACES, given);
    return deal as DealRow;
  };
}

export const dealsFile: FileSpec<DealRow> = {
  file: 'deals.csv',
  required: true,
  idColumn: 'id',
  columns: columnSpecs(DEAL_COLUMNS),
  schema: (settings) => rowSchema(DEAL_CELLS, settings, finishDeal(settings)),
  fast: (settings) => fastRowReader(DEAL_CELLS, settings, finishDeal(settings)),
};
