import type { Deal } from '../../src/core/records.ts';

/** A won deal with neutral defaults; tests override what they are about. */
export function deal(overrides: Partial<Deal> & Pick<Deal, 'id'>): Deal {
  return {
    name: overrides.id,
    accountId: 'A',
    ownerId: 'anna',
    stageId: 'won',
    status: 'won',
    amount: 100_000,
    amountOriginal: 100_000,
    currency: 'SEK',
    created: '2026-01-01',
    close: '2026-02-01',
    file: 'deals.csv',
    line: 2,
    ...overrides,
  };
}
