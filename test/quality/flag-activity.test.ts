import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ACTIVITY_TYPES } from '../../src/core/records.ts';
import { futureActivity } from '../../src/quality/checks/future-activity.ts';
import { unknownAccount, unknownOwner } from '../../src/quality/checks/unknown-references.ts';
import { activityFlagger, flaggedRow } from '../../src/quality/flag-activity.ts';
import { account, activity, AS_OF, input, user } from './helpers.ts';

const accounts = [account(2, { id: 'A1' })];
const users = [user(2, { id: 'u1' })];

describe('activityFlagger', () => {
  const flagged = activityFlagger({ asOf: AS_OF, accountIds: new Set(['A1']), userIds: new Set(['u1']) });

  it('flags the rows the single-activity checks list', () => {
    expect(flagged(activity(2, { date: '2026-11-21', type: 'call' }))).toBe(true); // after as-of
    expect(flagged(activity(3, { date: '2026-11-21', type: 'meeting_booked' }))).toBe(false); // planned
    expect(flagged(activity(4, { date: '2026-11-30', type: 'task' }))).toBe(false); // planned
    expect(flagged(activity(5, { accountId: 'A9' }))).toBe(true);
    expect(flagged(activity(6, { ownerId: 'u9' }))).toBe(true);
    expect(flagged(activity(7, { accountId: 'A1' }))).toBe(false);
  });

  it('does not check references against an absent file', () => {
    const without = activityFlagger({ asOf: AS_OF, accountIds: undefined, userIds: undefined });
    expect(without(activity(2, { accountId: 'A9', ownerId: 'u9' }))).toBe(false);
  });

  it('says yes to every row a check reports, and only to those', () => {
    const row = fc.record({
      type: fc.constantFrom(...ACTIVITY_TYPES),
      date: fc.constantFrom('2026-11-19', '2026-11-20', '2026-11-21'),
      ownerId: fc.constantFrom('u1', 'u9'),
      accountId: fc.constantFrom(undefined, 'A1', 'A9'),
    });
    fc.assert(
      fc.property(row, fc.boolean(), fc.boolean(), (fields, withAccounts, withUsers) => {
        const act = activity(2, fields);
        const present = { accounts: withAccounts, users: withUsers };
        const checked = input({ activities: [act], accounts, users }, { present });
        const listed = [...futureActivity(checked), ...unknownAccount(checked), ...unknownOwner(checked)].length > 0;
        const flag = activityFlagger({
          asOf: AS_OF,
          accountIds: withAccounts ? new Set(['A1']) : undefined,
          userIds: withUsers ? new Set(['u1']) : undefined,
        });
        expect(flag(act)).toBe(listed);
        // What a caller found already (owner and account known or not) gives the same answer.
        expect(flag(act, fields.ownerId === 'u1', fields.accountId === 'A1')).toBe(listed);
      }),
    );
  });
});

describe('flaggedRow', () => {
  it('decides from the looked-up references and the date and type', () => {
    expect(flaggedRow(AS_OF, '2026-11-21', 'call', false, false)).toBe(true); // after as-of, not planned
    expect(flaggedRow(AS_OF, '2026-11-21', 'task', false, false)).toBe(false);
    expect(flaggedRow(AS_OF, AS_OF, 'call', false, false)).toBe(false); // on as-of
    expect(flaggedRow(AS_OF, '2026-11-19', 'call', true, false)).toBe(true);
    expect(flaggedRow(AS_OF, '2026-11-19', 'call', false, true)).toBe(true);
  });
});
