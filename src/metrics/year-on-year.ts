/**
 * Year-on-year change of sales volume: this year-to-date against the same dates a year earlier.
 *
 * @summary
 * - Figure: current ÷ previous − 1, a share (0.25 is +25 %, −0.1 is −10 %). Both are the
 *   `annualVolume` of sales volume (won deals per contract year): the report's year-to-date and
 *   the previous year-to-date, the same dates twelve months earlier (`reportPeriods`).
 * - Period: each side is a sales-volume figure of its own range; a deal is in a range by its won
 *   date, so the two sides never share a deal.
 * - `null` when the previous year-to-date has no volume: there is nothing to compare against, so
 *   the change shows "–", never +∞ or 0 %. A fall to no volume at all is −100 %, a real figure.
 * - Channel: one figure over all channels (the totals of both sides).
 *
 * @example
 * yearOnYearChange(
 *   { annualVolume: 1_500_000 }, // this year-to-date
 *   { annualVolume: 1_200_000 }, // previous year-to-date
 * );
 * //=> 0.25
 */
import type { VolumeFigures } from './sales-volume.ts';

/** The sales-volume figure both sides are read from. */
export type YearVolume = Pick<VolumeFigures, 'annualVolume'>;

export function yearOnYearChange(current: YearVolume, previous: YearVolume): number | null {
  return previous.annualVolume === 0 ? null : current.annualVolume / previous.annualVolume - 1;
}
