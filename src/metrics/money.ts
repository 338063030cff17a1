/**
 * Money sums in integer cents, so totals are exact and do not depend on summation order.
 */

/** Sum of amounts (major units), exact to the cent. */
export function sumMoney(values: Iterable<number>): number {
  let cents = 0;
  for (const value of values) cents += Math.round(value * 100);
  return cents / 100;
}

/** `numerator / denominator`, or `null` when the denominator is 0 (shown as "–", never NaN). */
export function ratio(numerator: number, denominator: number): number | null {
  return denominator === 0 ? null : numerator / denominator;
}
