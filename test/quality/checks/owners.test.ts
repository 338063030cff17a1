import { describe, expect, it } from 'vitest';
import { accountWithoutOwner, openDealWithoutOwner } from '../../../src/quality/checks/owners.ts';
import { account, brief, deal, EMPTY, input, XSS } from '../helpers.ts';

// deals: 2 open u1 · 3 open '' (hostile name) · 4 open '  ' · 5 won '' · 6 lost ''  → issues on 3, 4
// accounts: 2 u1 · 3 '' (hostile name) · 4 u2                                       → issue on 3
const fixture = input({
  deals: [
    deal(2),
    deal(3, { ownerId: '', name: XSS }),
    deal(4, { ownerId: '  ' }),
    deal(5, { ownerId: '', status: 'won', stageId: 'won' }),
    deal(6, { ownerId: '', status: 'lost', stageId: 'lost' }),
  ],
  accounts: [account(2), account(3, { ownerId: '', name: XSS }), account(4, { ownerId: 'u2' })],
});

describe('openDealWithoutOwner', () => {
  it('flags open deals with an empty or blank owner, and no other status', () => {
    const issues = openDealWithoutOwner(fixture);
    expect(brief(issues)).toEqual(['OpenDealWithoutOwner deals.csv:3 owner', 'OpenDealWithoutOwner deals.csv:4 owner']);
    expect(issues[0]).toEqual({
      code: 'OpenDealWithoutOwner',
      file: 'deals.csv',
      line: 3,
      field: 'owner',
      recordId: 'D3',
      message: 'open deal "<script>alert(1)</script>" has no owner',
      args: { name: XSS },
    });
    expect(issues[0]?.ownerId).toBeUndefined();
  });

  it('gives nothing for empty input', () => {
    expect(openDealWithoutOwner(EMPTY)).toEqual([]);
  });
});

describe('accountWithoutOwner', () => {
  it('flags accounts with an empty owner, name passed through untouched', () => {
    expect(accountWithoutOwner(fixture)).toEqual([
      {
        code: 'AccountWithoutOwner',
        file: 'accounts.csv',
        line: 3,
        field: 'owner',
        recordId: 'A3',
        message: 'account "<script>alert(1)</script>" has no owner',
        args: { name: XSS },
      },
    ]);
  });

  it('gives nothing for empty input', () => {
    expect(accountWithoutOwner(EMPTY)).toEqual([]);
  });
});
