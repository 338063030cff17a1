import { StoredDeal } from '../../src/speed/stored-deal.ts';

/** A deal as a plain object, for comparing: every field that is set (undefined ones left out). */
export function plainDeal<T extends object>(deal: T): T {
  return deal instanceof StoredDeal ? (deal.toJSON() as unknown as T) : deal;
}
