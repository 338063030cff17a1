/**
 * Pipeline coverage: how many times the pipeline that can still close this period covers
 * what is left of the target, against the coverage the team's win rate requires.
 *
 * @summary
 * - Coverage = open pipeline closing in [asOf, period end] ÷ remaining target, both in the
 *   target's unit, annual sales volume. Numerator: Σ `annualAmount` of the deals open as of
 *   `asOf` with an expected close date in that window (`openAmount` is the same deals' contract
 *   value, for reference; slipped deals, with a close date before `asOf`, are not counted).
 *   Denominator: target −
 *   won so far in the period, both passed by the caller (same cut, same measure). `null` when
 *   nothing remains (`remaining` ≤ 0: the target is reached), and when there is no target at all
 *   (`target` null: `remaining`, `pipelineNeeded` and `covered` are null too — an absent target
 *   is not a reached one).
 * - Required coverage = 1 ÷ trailing win rate by value: won ÷ (won + lost) `amount` of deals
 *   closed in the 12 months up to and including `asOf` (by close date). `null` when nothing
 *   closed or nothing was won. `pipelineNeeded` = max(remaining, 0) × required coverage.
 * - `covered`: true when the target is reached or coverage ≥ required; null when unknown.
 * - Channel: all channels; the caller passes one channel's deals and target for a channel view.
 * - `coverageOf` takes the open deals and the trailing win rate by value from a caller that has
 *   computed them already for the same deals (as `velocityOf` does); `coverage` computes them.
 *
 * @example
 * coverage([
 *   deal({ id: 'd1', status: 'open', close: '2026-05-15', amount: 600 }),
 *   deal({ id: 'd2', status: 'won', close: '2026-02-01', amount: 100 }),
 *   deal({ id: 'd3', status: 'lost', close: '2025-11-01', amount: 300 }),
 * ], { period: { start: '2026-04-01', end: '2026-06-30' }, target: 500, won: 200 },
 *    { settings, asOf: '2026-04-15' })
 * //=> { window: { start: '2026-04-15', end: '2026-06-30' }, openCount: 1, openAmount: 600, openAnnualVolume: 600,
 * //     target: 500, won: 200, remaining: 300, coverage: 2,
 * //     trailing: { start: '2025-04-16', end: '2026-04-15' }, trailingWinRateByValue: 0.25,
 * //     requiredCoverage: 4, pipelineNeeded: 1200, covered: false }
 */
import type { IsoDate, ModelDeal } from '../core/records.ts';
import { addDays, addMonths, inRange, type DateRange } from '../periods/calendar.ts';
import type { MetricContext } from './context.ts';
import { ratio, sumMoney } from './money.ts';
import { openDeals } from './open-pipeline.ts';
import { winRate } from './win-rate.ts';

export interface CoverageInput {
  period: DateRange;
  /** The target for the period (same cut and measure as the deals); null when none is set. */
  target: number | null;
  /** Already won in the period up to `asOf`. */
  won: number;
}

export interface Coverage {
  window: DateRange;
  openCount: number;
  /** Σ contract value of the open deals closing in the window. */
  openAmount: number;
  /** Σ annual volume of the same deals: the numerator, in the target's unit. */
  openAnnualVolume: number;
  target: number | null;
  won: number;
  remaining: number | null;
  coverage: number | null;
  trailing: DateRange;
  trailingWinRateByValue: number | null;
  requiredCoverage: number | null;
  pipelineNeeded: number | null;
  covered: boolean | null;
}

/** The 12 months up to and including `asOf`. */
export function trailingYear(asOf: IsoDate): DateRange {
  return { start: addDays(addMonths(asOf, -12), 1), end: asOf };
}

/** What coverage reads of the deals, for a caller that has it already (same deals, same as-of). */
export interface CoverageDeals {
  /** The deals open as of `asOf` (`openDeals`). */
  open: readonly ModelDeal[];
  /** `winRate(deals, trailingYear(asOf), ctx).byValue`. */
  trailingWinRateByValue: number | null;
}

export function coverage(deals: readonly ModelDeal[], input: CoverageInput, ctx: MetricContext): Coverage {
  return coverageOf({ open: openDeals(deals, ctx.asOf), trailingWinRateByValue: winRate(deals, trailingYear(ctx.asOf), ctx).byValue }, input, ctx);
}

/** The coverage from the open deals and trailing win rate (for a caller that has computed them already). */
export function coverageOf(deals: CoverageDeals, input: CoverageInput, ctx: MetricContext): Coverage {
  const window = { start: ctx.asOf, end: input.period.end };
  const open = deals.open.filter((deal) => inRange(deal.close, window));
  const openAmount = sumMoney(open.map((deal) => deal.amount));
  const openAnnualVolume = sumMoney(open.map((deal) => deal.annualAmount));
  const remaining = input.target === null ? null : sumMoney([input.target, -input.won]);
  const cover = remaining !== null && remaining > 0 ? ratio(openAnnualVolume, remaining) : null;
  const trailing = trailingYear(ctx.asOf);
  const { trailingWinRateByValue } = deals;
  const requiredCoverage = trailingWinRateByValue ? 1 / trailingWinRateByValue : null;
  const pipelineNeeded = requiredCoverage === null || remaining === null ? null : Math.round(Math.max(remaining, 0) * requiredCoverage * 100) / 100;
  let covered: boolean | null = null;
  if (remaining !== null && remaining <= 0) covered = true;
  else if (cover !== null && requiredCoverage !== null) covered = cover >= requiredCoverage;
  return {
    window,
    openCount: open.length,
    openAmount,
    openAnnualVolume,
    target: input.target,
    won: input.won,
    remaining,
    coverage: cover,
    trailing,
    trailingWinRateByValue,
    requiredCoverage,
    pipelineNeeded,
    covered,
  };
}
