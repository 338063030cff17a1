/**
 * Where a deal stands as of the report date — the one rule every figure uses to call a deal
 * open, won or lost (docs/metrics.md, shared rules "As of").
 *
 * @summary
 * - `not-created`: created after as-of; the report does not see it yet.
 * - `open`: status open (created on or before as-of), whatever its expected close date.
 * - `won` / `lost`: status won or lost with a close date on or before as-of.
 * - `closed-after-as-of`: status won or lost but a close date after as-of (a date typed ahead, or
 *   an export taken before a later as-of was set). It is in no won, lost or open figure — not in
 *   sales volume, win rate, the funnel's won or its cohort — and figures that count a whole
 *   population name it beside them.
 *
 * @example
 * dealStateAsOf({ status: 'lost', created: '2026-01-10', close: '2026-12-01' }, '2026-11-20');
 * //=> 'closed-after-as-of'
 */
import type { Deal, IsoDate } from '../core/records.ts';

export type DealStateAsOf = 'not-created' | 'open' | 'won' | 'lost' | 'closed-after-as-of';

export function dealStateAsOf(deal: Pick<Deal, 'status' | 'created' | 'close'>, asOf: IsoDate): DealStateAsOf {
  if (deal.created > asOf) return 'not-created';
  if (deal.status === 'open') return 'open';
  return deal.close <= asOf ? deal.status : 'closed-after-as-of';
}
