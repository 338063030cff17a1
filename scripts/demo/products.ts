/**
 * What Norrsken Data AB sells and at what price. Subscriptions run on contracts that are
 * renewed; services are delivered once. Prices scale with the customer's size segment.
 */
import type { Rng } from './random.ts';

export interface Product {
  name: string;
  kind: 'subscription' | 'service';
  /** Typical annual (subscription) or one-off (service) price for a mid-sized customer, SEK. */
  base: number;
}

export const PRODUCTS: readonly Product[] = [
  { name: 'Norrsken Analys', kind: 'subscription', base: 190_000 },
  { name: 'Norrsken Integration', kind: 'subscription', base: 140_000 },
  { name: 'Support Plus', kind: 'subscription', base: 60_000 },
  { name: 'Utbildning', kind: 'service', base: 55_000 },
  { name: 'Införandeprojekt', kind: 'service', base: 230_000 },
];

export const SUBSCRIPTIONS = PRODUCTS.filter((p) => p.kind === 'subscription');

export const SEGMENTS = ['Storföretag', 'Medelstora', 'Småföretag'] as const;
export type Segment = (typeof SEGMENTS)[number];

const SEGMENT_FACTOR: Record<Segment, number> = { Storföretag: 2.4, Medelstora: 1, Småföretag: 0.45 };

export const MIN_AMOUNT = 40_000;
export const MAX_AMOUNT = 2_500_000;

export function product(name: string): Product {
  const found = PRODUCTS.find((p) => p.name === name);
  if (!found) throw new Error(`unknown product ${name}`);
  return found;
}

/** Annual list price for a subscription, or the price of a service, rounded to 1 000 SEK. */
export function annualPrice(rng: Rng, p: Product, segment: Segment): number {
  const raw = p.base * SEGMENT_FACTOR[segment] * rng.float(0.7, 1.35);
  return Math.max(MIN_AMOUNT, Math.round(raw / 1000) * 1000);
}

/** Contract length in months: large customers sign multi-year deals more often. */
export function termFor(rng: Rng, segment: Segment): number {
  const multi = segment === 'Storföretag' ? 0.45 : segment === 'Medelstora' ? 0.25 : 0.1;
  if (!rng.chance(multi)) return 12;
  return rng.chance(0.55) ? 36 : 24;
}

/**
 * Whole-contract value: multi-year contracts get a small discount per year; a few carry an
 * odd percentage discount, so some amounts have decimals.
 */
export function contractAmount(rng: Rng, annual: number, termMonths: number): number {
  const years = termMonths / 12;
  const discount = years > 1 ? 1 - 0.03 * (years - 1) : 1;
  let amount = Math.round((annual * years * discount) / 1000) * 1000;
  amount = Math.min(MAX_AMOUNT, Math.max(MIN_AMOUNT, amount));
  if (rng.chance(0.08) && amount * 0.9675 >= MIN_AMOUNT) amount = Math.round(amount * 0.9675 * 100) / 100;
  return amount;
}
