import { describe, expect, it } from 'vitest';
import { unknownAccount, unknownOwner } from '../../../src/quality/checks/unknown-references.ts';
import { account, activity, brief, deal, EMPTY, input, user, XSS } from '../helpers.ts';

// accounts A2 (u1), A3 (owner u7 — unknown); users u1, u2.
// deals: 2 A2/u1 fine · 3 A9 → UnknownAccount · 4 owner u9 → UnknownOwner · 5 owner '', sdr u8 → UnknownOwner(sdr)
//        6 hostile account and owner → both
// activities: 2 A2/u2 fine · 3 no account/u1 fine · 4 A5/u6 → both
const recs = {
  accounts: [account(2), account(3, { ownerId: 'u7' })],
  users: [user(2), user(3)],
  deals: [
    deal(2),
    deal(3, { accountId: 'A9' }),
    deal(4, { ownerId: 'u9' }),
    deal(5, { ownerId: '', sdrId: 'u8', accountId: 'A3' }),
    deal(6, { accountId: XSS, ownerId: XSS }),
  ],
  activities: [activity(2, { accountId: 'A2', ownerId: 'u2' }), activity(3), activity(4, { accountId: 'A5', ownerId: 'u6' })],
};

describe('unknownAccount', () => {
  it('flags deals and activities whose account is not in accounts.csv', () => {
    const issues = unknownAccount(input(recs));
    expect(brief(issues)).toEqual([
      'UnknownAccount deals.csv:3 account_id',
      'UnknownAccount deals.csv:6 account_id',
      'UnknownAccount activities.csv:4 account_id',
    ]);
    expect(issues[1]?.message).toBe('account "<script>alert(1)</script>" is not in accounts.csv');
    expect(issues[2]).toMatchObject({ recordId: 'X4', ownerId: 'u6' });
  });

  it('stays silent when accounts.csv is absent', () => {
    expect(unknownAccount(input(recs, { present: { accounts: false } }))).toEqual([]);
  });

  it('gives nothing for empty input', () => {
    expect(unknownAccount(EMPTY)).toEqual([]);
  });
});

describe('unknownOwner', () => {
  it('flags owner and sdr ids not in users.csv', () => {
    const issues = unknownOwner(input(recs));
    expect(brief(issues)).toEqual([
      'UnknownOwner deals.csv:4 owner',
      'UnknownOwner deals.csv:5 sdr',
      'UnknownOwner deals.csv:6 owner',
      'UnknownOwner accounts.csv:3 owner',
      'UnknownOwner activities.csv:4 owner',
    ]);
    expect(issues[0]).toMatchObject({ message: 'user "u9" is not in users.csv', ownerId: 'u9' });
    expect(issues[1]?.ownerId).toBeUndefined(); // the deal has no owner; the sdr is not the owner
    expect(issues[2]?.message).toBe('user "<script>alert(1)</script>" is not in users.csv');
  });

  it('stays silent when users.csv is absent', () => {
    expect(unknownOwner(input(recs, { present: { users: false } }))).toEqual([]);
  });

  it('gives nothing for empty input', () => {
    expect(unknownOwner(EMPTY)).toEqual([]);
  });
});
