import { describe, expect, it } from 'vitest';
import { wonDealWithoutAmount } from '../../../src/quality/checks/won-deal-without-amount.ts';
import { brief, deal, EMPTY, input } from '../helpers.ts';

// 2 won 0 → flag · 3 won -5 → flag · 4 won 1 → fine · 5 open 0 → fine · 6 lost 0 → fine
const won = { status: 'won' as const, stageId: 'won', close: '2026-11-10' };
const fixture = input({
  deals: [
    deal(2, { ...won, amount: 0 }),
    deal(3, { ...won, amount: -5 }),
    deal(4, { ...won, amount: 1 }),
    deal(5, { amount: 0 }),
    deal(6, { status: 'lost', stageId: 'lost', amount: 0 }),
  ],
});

describe('wonDealWithoutAmount', () => {
  it('flags won deals with an amount of zero or less', () => {
    const issues = wonDealWithoutAmount(fixture);
    expect(brief(issues)).toEqual(['WonDealWithoutAmount deals.csv:2 amount', 'WonDealWithoutAmount deals.csv:3 amount']);
    expect(issues[1]).toMatchObject({ message: 'won deal has amount -5', recordId: 'D3', ownerId: 'u1' });
  });

  it('gives nothing for empty input', () => {
    expect(wonDealWithoutAmount(EMPTY)).toEqual([]);
  });
});
