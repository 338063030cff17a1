/**
 * Win rate: of the deals closed in a range, the share won — by count and by value.
 *
 * @summary
 * - By count: won ÷ (won + lost), the "closed won ÷ all closed" of HubSpot and Salesforce.
 * - By value: Σ won `amount` ÷ (Σ won `amount` + Σ lost `amount`), contract values.
 * - A deal is in the range by its close date (signing date for won, lost date for lost), and
 *   only when that date is on or before `asOf` (the report does not see the future). Open
 *   deals are left out, however old. `null` when nothing closed (never NaN).
 * - Per channel: each deal in its model channel (`channel`, given or inferred); the four
 *   channels always present; their counts add up to the total.
 *
 * @example
 * winRate([
 *   deal({ id: 'd1', status: 'won', close: '2026-02-01', amount: 300, channel: 'new' }),
 *   deal({ id: 'd2', status: 'lost', close: '2026-02-20', amount: 100, channel: 'new' }),
 *   deal({ id: 'd3', status: 'lost', close: '2026-03-05', amount: 200, channel: 'upsell' }),
 * ], { start: '2026-01-01', end: '2026-03-31' }, { settings, asOf: '2026-03-31' })
 * //=> { range: { start: '2026-01-01', end: '2026-03-31' }, won: 1, lost: 2, wonAmount: 300,
 * //     lostAmount: 300, byCount: 0.3333333333333333, byValue: 0.5,
 * //     byChannel: { new: { won: 1, lost: 1, …, byCount: 0.5, byValue: 0.75 },
 * //       upsell: { won: 0, lost: 1, …, byCount: 0, byValue: 0 }, renewal: { …null }, winback: { …null } } }
 */
import { CHANNELS, type Channel, type Deal, type ModelDeal } from '../model/types.ts';
import { inRange, type DateRange } from '../periods/calendar.ts';
import type { MetricContext } from './context.ts';
import { ratio, sumMoney } from './money.ts';

export interface WinRateFigures {
  won: number;
  lost: number;
  wonAmount: number;
  lostAmount: number;
  /** won ÷ (won + lost); null when nothing closed. */
  byCount: number | null;
  /** won amount ÷ (won + lost amount); null when nothing closed or all closed at 0. */
  byValue: number | null;
}

export interface WinRate extends WinRateFigures {
  range: DateRange;
  byChannel: Record<Channel, WinRateFigures>;
}

/** Won and lost deals with a close date in the range and on or before `asOf`. */
export function closedIn<D extends Deal>(deals: readonly D[], range: DateRange, asOf: string): D[] {
  return deals.filter((deal) => deal.status !== 'open' && deal.close <= asOf && inRange(deal.close, range));
}

function figures(closed: readonly Deal[]): WinRateFigures {
  const won = closed.filter((deal) => deal.status === 'won');
  const lost = closed.filter((deal) => deal.status === 'lost');
  const wonAmount = sumMoney(won.map((deal) => deal.amount));
  const lostAmount = sumMoney(lost.map((deal) => deal.amount));
  return {
    won: won.length,
    lost: lost.length,
    wonAmount,
    lostAmount,
    byCount: ratio(won.length, won.length + lost.length),
    byValue: ratio(wonAmount, sumMoney([wonAmount, lostAmount])),
  };
}

export function winRate(deals: readonly ModelDeal[], range: DateRange, ctx: MetricContext): WinRate {
  const closed = closedIn(deals, range, ctx.asOf);
  const byChannel = Object.fromEntries(
    CHANNELS.map((channel) => [channel, figures(closed.filter((deal) => deal.channel === channel))]),
  ) as Record<Channel, WinRateFigures>;
  return { range: { start: range.start, end: range.end }, ...figures(closed), byChannel };
}
