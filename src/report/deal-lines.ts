/**
 * Deals as they appear in lists on pages and in report.json: names resolved, people through
 * the initials setting, largest first, capped with the number left out.
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
}

export interface DealList {
  count: number;
  /** Sum of contract value. */
  amount: number;
  /** Sum of annual volume. */
  annualAmount: number;
  deals: DealLine[];
  /** Deals not listed because of the cap. */
  more: number;
}

export interface DealLineContext {
  settings: Settings;
  accountName: (id: string) => string;
  person: (id: string) => PersonRef;
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

/** Largest first (ties by id), at most `cap` listed. */
export function dealList(deals: readonly ModelDeal[], ctx: DealLineContext, cap = 25): DealList {
  // Summed in cents, as `sumMoney` does, in one pass.
  let cents = 0;
  let annualCents = 0;
  for (const d of deals) {
    cents += Math.round(d.amount * 100);
    annualCents += Math.round(d.annualAmount * 100);
  }
  return {
    count: deals.length,
    amount: cents / 100,
    annualAmount: annualCents / 100,
    deals: largestDeals(deals, cap).map((deal) => dealLine(deal, ctx)),
    more: Math.max(0, deals.length - cap),
  };
}
