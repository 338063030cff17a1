import { describe, expect, it } from 'vitest';
import { lostDealWithoutReason } from '../../../src/quality/checks/lost-deal-without-reason.ts';
import { brief, deal, EMPTY, input, XSS } from '../helpers.ts';

// 2 lost, no reason (hostile name) → flag · 3 lost, blank reason → flag · 4 lost 'price' → fine
// 5 won, no reason → fine · 6 lost, hostile reason → fine (a reason is a reason)
const lost = { status: 'lost' as const, stageId: 'lost' };
const fixture = input({
  deals: [
    deal(2, { ...lost, name: XSS }),
    deal(3, { ...lost, lostReason: '  ' }),
    deal(4, { ...lost, lostReason: 'price' }),
    deal(5, { status: 'won', stageId: 'won' }),
    deal(6, { ...lost, lostReason: XSS }),
  ],
});

describe('lostDealWithoutReason', () => {
  it('flags lost deals with an empty or blank reason', () => {
    const issues = lostDealWithoutReason(fixture);
    expect(brief(issues)).toEqual(['LostDealWithoutReason deals.csv:2 lost_reason', 'LostDealWithoutReason deals.csv:3 lost_reason']);
    expect(issues[0]?.message).toBe('lost deal "<script>alert(1)</script>" has no lost reason');
  });

  it('gives nothing for empty input', () => {
    expect(lostDealWithoutReason(EMPTY)).toEqual([]);
  });
});
