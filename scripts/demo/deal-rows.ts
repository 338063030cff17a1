/**
 * Deals as a CRM exports them: the columns of docs/data-format.md, stage ids (now and then a
 * Swedish alias), channel given on most deals but left empty on about 30% where the history
 * in the export is enough to infer it, forecast category on some open deals.
 */
import type { Channel } from '../../src/core/records.ts';
import { AS_OF } from './company.ts';
import { iso, ymd } from './dates.ts';
import { OPEN_STAGES } from './deal-outcome.ts';
import type { DealPlan } from './deals.ts';
import type { Rng } from './random.ts';
import { money, type Row, type Table } from './write-csv.ts';

export const DEAL_COLUMNS = [
  'id',
  'name',
  'account_id',
  'owner',
  'stage',
  'amount',
  'currency',
  'created_date',
  'close_date',
  'channel',
  'product',
  'contract_start',
  'contract_end',
  'term_months',
  'forecast_category',
  'source',
  'lost_reason',
  'sdr',
  'updated_date',
] as const;

/** CRM labels the settings' channelMap translates; a few deals carry them instead of ids. */
export const CHANNEL_LABELS: Record<Channel, string> = {
  new: 'Nyförsäljning',
  upsell: 'Merförsäljning',
  renewal: 'Förlängning',
  winback: 'Vinn tillbaka',
};

export const STAGE_LABELS: Record<string, string> = {
  qualification: 'Kvalificering',
  meeting: 'Behovsanalys',
  proposal: 'Offert',
  negotiation: 'Förhandling',
  won: 'Vunnen',
  lost: 'Förlorad',
};

const DEFAULT_FORECAST = ['pipeline', 'pipeline', 'best_case', 'commit'] as const;

export function shortName(accountName: string): string {
  return accountName.replace(/ (AB|A\/S|AS)$/, '');
}

function dealName(d: DealPlan): string {
  const base = `${shortName(d.account.name)} – ${d.product}`;
  if (d.channel === 'renewal' && d.contractStart !== undefined) return `${base} förlängning ${ymd(d.contractStart).y}`;
  if (d.channel === 'upsell') return `${base} (tillägg)`;
  if (d.channel === 'winback') return `${base} återstart`;
  return base;
}

function forecast(rng: Rng, d: DealPlan): string {
  if (d.status === 'won') return rng.chance(0.2) ? 'closed' : '';
  if (d.status === 'lost') return '';
  if (!rng.chance(0.45)) return '';
  const stage = Math.min(3, d.reached);
  // Sellers sometimes call it differently from the stage default: that is what the column is for.
  if (rng.chance(0.2)) return rng.pick(['pipeline', 'best_case', 'commit', 'omitted']);
  return DEFAULT_FORECAST[stage] ?? 'pipeline';
}

export function dealRow(rng: Rng, d: DealPlan): Row {
  const stageId = d.status === 'open' ? (OPEN_STAGES[d.reached] ?? 'qualification') : d.status;
  const stage = rng.chance(0.05) ? (STAGE_LABELS[stageId] ?? stageId) : stageId;
  const channel = d.inferable && rng.chance(0.37) ? '' : rng.chance(0.08) ? CHANNEL_LABELS[d.channel] : d.channel;
  const updated = d.staleSince ?? (d.status === 'open' ? Math.max(d.created, AS_OF - rng.int(0, 18)) : Math.min(AS_OF, d.close + rng.int(0, 4)));
  return {
    id: d.id,
    name: dealName(d),
    account_id: d.account.id,
    owner: d.owner,
    stage,
    amount: money(d.amount),
    currency: 'SEK',
    created_date: iso(d.created),
    close_date: iso(d.close),
    channel,
    product: d.product,
    // A lost deal keeps the term it was offered at, but no period, except a renewal: its period
    // is the one it would have continued.
    contract_start: d.contractStart === undefined || (d.status === 'lost' && d.channel !== 'renewal') ? '' : iso(d.contractStart),
    contract_end: d.contractEnd === undefined || (d.status === 'lost' && d.channel !== 'renewal') ? '' : iso(d.contractEnd),
    term_months: d.termMonths === undefined ? '' : String(d.termMonths),
    forecast_category: forecast(rng, d),
    source: d.source,
    lost_reason: d.lostReason ?? '',
    sdr: d.sdr ?? '',
    updated_date: iso(updated),
  };
}

export function dealTable(rng: Rng, deals: DealPlan[]): Table {
  const rows = deals.map((d) => dealRow(rng, d));
  // One deal title with quotes, as CRMs allow: the writer must double them.
  const pilot = rows.find((r) => r.product === 'Norrsken Analys' && r.stage === 'won' && r.name?.endsWith('(tillägg)'));
  if (pilot) pilot.name = `${pilot.name?.replace(' (tillägg)', '')} – pilot "Analys Lite"`;
  return { columns: DEAL_COLUMNS, rows };
}
