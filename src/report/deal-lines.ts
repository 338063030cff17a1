/**
 * Deals as they appear in lists on pages and in report.json: names resolved, people through
 * the initials setting, largest first. A list counts and sums every deal and names every deal
 * (`ids`, in list order); it carries the lines of the largest few for the page, and the site
 * model carries one row per listed deal (`DealRows`) so a list's CSV download holds them all.
 */
import type { ModelDeal } from '../core/records.ts';
import type { Settings } from '../settings/schema.ts';
import type { PersonRef } from './people.ts';

export interface DealLine {
  id: string;
  name: string;
  account: string;
  owner: PersonRef;
  stage: string;
  status: ModelDeal['status'];
  channel: ModelDeal['channel'];
  channelReason: ModelDeal['channelReason'];
  amount: number;
  annualAmount: number;
  created: string;
  close: string;
  /** The export gave this open deal no amount (`amount` is 0) / no expected close date. */
  amountMissing?: true;
  closeMissing?: true;
  /** The reason given for a lost deal (the export's `lost_reason`), when there is one. */
  lostReason?: string;
}

export interface DealList {
  count: number;
  /** Sum of contract value. */
  amount: number;
  /** Sum of annual volume. */
  annualAmount: number;
  /** The largest `cap` deals, for the page. */
  deals: DealLine[];
  /** Deals counted but not in `deals` (the page leaves them off; the CSV holds them). */
  more: number;
  /** Every deal of the list, largest first (ties by id): `count` ids. */
  ids: string[];
}

/**
 * One row per deal that appears in some list, by deal id, for the CSV downloads:
 * [name, account, owner name, stage label, status, channel, contract value, annual volume, created, close].
 */
export type DealRow = [string, string, string, string, ModelDeal['status'], ModelDeal['channel'], number, number, string, string];
export type DealRows = Record<string, DealRow>;

/** The compact row of a deal line. */
export function rowOfLine(line: DealLine): DealRow {
  return [line.name, line.account, line.owner.name, line.stage, line.status, line.channel, line.amount, line.annualAmount, line.created, line.close];
}

/** `rowOfLine(dealLine(deal, ctx))`, without the line between. */
function dealRow(deal: ModelDeal, ctx: DealLineContext): DealRow {
  const account = ctx.accountName(deal.accountId);
  const owner = ctx.person(deal.ownerId).name;
  const stage = ctx.settings.stages.find((s) => s.id === deal.stageId)?.label ?? deal.stageId;
  return [deal.name, account, owner, stage, deal.status, deal.channel, deal.amount, deal.annualAmount, deal.created, deal.close];
}

export interface DealLineContext {
  settings: Settings;
  accountName: (id: string) => string;
  person: (id: string) => PersonRef;
  /** When given, every listed deal's row is kept here (for the CSV downloads). */
  rows?: DealRows;
}

export function dealLine(deal: ModelDeal, ctx: DealLineContext): DealLine {
  const stage = ctx.settings.stages.find((s) => s.id === deal.stageId);
  return {
    id: deal.id,
    name: deal.name,
    account: ctx.accountName(deal.accountId),
    owner: ctx.person(deal.ownerId),
    stage: stage?.label ?? deal.stageId,
    status: deal.status,
    channel: deal.channel,
    channelReason: deal.channelReason,
    amount: deal.amount,
    annualAmount: deal.annualAmount,
    created: deal.created,
    close: deal.close,
    ...(deal.amountMissing ? { amountMissing: true as const } : {}),
    ...(deal.closeMissing ? { closeMissing: true as const } : {}),
    ...(deal.status === 'lost' && deal.lostReason ? { lostReason: deal.lostReason } : {}),
  };
}

/** Largest amount first, ties by id. */
export function largestFirst(a: ModelDeal, b: ModelDeal): number {
  return b.amount - a.amount || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/** The first `cap` deals in `largestFirst` order, in that order, without sorting all of them. */
export function largestDeals(deals: readonly ModelDeal[], cap: number): ModelDeal[] {
  if (deals.length <= cap * 4) return [...deals].sort(largestFirst).slice(0, cap);
  const top: ModelDeal[] = [];
  for (const deal of deals) {
    if (top.length === cap && largestFirst(deal, top[cap - 1]!) >= 0) continue;
    let low = 0;
    let high = top.length;
    while (low < high) {
      const middle = (low + high) >> 1;
      if (largestFirst(top[middle]!, deal) <= 0) low = middle + 1;
      else high = middle;
    }
    top.splice(low, 0, deal);
    if (top.length > cap) top.pop();
  }
  return top;
}

/**
 * The deals each `rows` already holds a row for, beside it: a deal is in many lists (its week,
 * its month, its seller…), and a look-up by the deal itself is cheaper than one by its id in an
 * object of a hundred thousand keys. A deal not in the set is still looked up by id.
 */
const rowsKept = new WeakMap<DealRows, Set<ModelDeal>>();

/** Adds the row of each deal that `rows` has none for yet, in the deals' order. */
function keepRows(deals: readonly ModelDeal[], rows: DealRows, ctx: DealLineContext): void {
  let kept = rowsKept.get(rows);
  if (kept === undefined) rowsKept.set(rows, (kept = new Set()));
  for (const deal of deals) {
    if (kept.has(deal)) continue;
    kept.add(deal);
    if (rows[deal.id] === undefined) rows[deal.id] = dealRow(deal, ctx);
  }
}

/** Largest first (ties by id), at most `cap` lines; every deal counted, summed and named. */
export function dealList(deals: readonly ModelDeal[], ctx: DealLineContext, cap = 25): DealList {
  // Summed in cents, as `sumMoney` does, in one pass.
  let cents = 0;
  let annualCents = 0;
  for (const d of deals) {
    cents += Math.round(d.amount * 100);
    annualCents += Math.round(d.annualAmount * 100);
  }
  const sorted = [...deals].sort(largestFirst);
  if (ctx.rows !== undefined) keepRows(sorted, ctx.rows, ctx);
  return {
    count: deals.length,
    amount: cents / 100,
    annualAmount: annualCents / 100,
    deals: sorted.slice(0, cap).map((deal) => dealLine(deal, ctx)),
    more: Math.max(0, deals.length - cap),
    ids: sorted.map((deal) => deal.id),
  };
}
