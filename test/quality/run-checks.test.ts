import { describe, expect, it } from 'vitest';
import { CHECKS, runChecks } from '../../src/quality/run-checks.ts';
import { RULE_CODES, RULES } from '../../src/core/rules.ts';
import { issuesByCode } from '../../src/quality/score.ts';
import { account, activity, brief, deal, EMPTY, input, target, user, XSS } from './helpers.ts';

// One record per check, as-of 2026-11-20, default settings (stalledDays 30, staleExportDays 7):
// accounts 3 '' owner + same name as A2 → AccountWithoutOwner, DuplicateAccount · 4 owner u9 → UnknownOwner
// activities 2 call on 12-05 → FutureActivity; newest past activity 11-01 (19 days) → StaleExport (line 0)
// deals 2 no owner · 3 close 11-10 · 4 created 09-01, silent 80 days · 5 won 0 · 6 lost before created
//       7 account A9 · 8 lost without reason (closed 11-18 keeps deals.csv fresh)
//       9 open, exported without amount and without expected close date
//       10 lost, exported without account and without created date
// targets 2 company 100 000 vs team north 50 000 → PlanGap (gap 50 000 > tolerance 10 000)
const everything = {
  users: [user(2), user(3, { teamId: 'south' })],
  accounts: [account(2, { name: 'Nordvik AB' }), account(3, { name: 'Nordvik', ownerId: '' }), account(4, { name: XSS, ownerId: 'u9' })],
  deals: [
    deal(2, { ownerId: '' }),
    deal(3, { close: '2026-11-10' }),
    deal(4, { created: '2026-09-01', close: '2026-12-20' }),
    deal(5, { status: 'won', stageId: 'won', amount: 0, ownerId: 'u2', created: '2026-10-01', close: '2026-11-15' }),
    deal(6, { status: 'lost', stageId: 'lost', ownerId: 'u2', created: '2026-09-10', close: '2026-09-01', lostReason: 'price' }),
    deal(7, { accountId: 'A9', created: '2026-11-10', close: '2026-12-01' }),
    deal(8, { status: 'lost', stageId: 'lost', created: '2026-10-01', close: '2026-11-18' }),
    deal(9, { amount: 0, amountMissing: true, closeMissing: true, created: '2026-11-10', close: '9999-12-31' }),
    deal(10, { status: 'lost', stageId: 'lost', accountId: '', created: '', close: '2026-11-18', lostReason: 'price' }),
  ],
  activities: [activity(2, { date: '2026-12-05' }), activity(3, { type: 'email', date: '2026-11-01', ownerId: 'u2', dealId: 'D3' })],
  targets: [target(2, { value: 100_000 }), target(3, { scope: 'team', scopeId: 'north', value: 50_000 })],
};

describe('runChecks', () => {
  it('runs every check and sorts by file, line, code', () => {
    expect(brief(runChecks(input(everything)))).toEqual([
      'AccountWithoutOwner accounts.csv:3 owner',
      'DuplicateAccount accounts.csv:3 name',
      'UnknownOwner accounts.csv:4 owner',
      'StaleExport activities.csv:0',
      'FutureActivity activities.csv:2 date',
      'OpenDealWithoutOwner deals.csv:2 owner',
      'PastCloseDate deals.csv:3 close_date',
      'StalledDeal deals.csv:4 updated_date',
      'WonDealWithoutAmount deals.csv:5 amount',
      'CloseBeforeCreated deals.csv:6 close_date',
      'UnknownAccount deals.csv:7 account_id',
      'LostDealWithoutReason deals.csv:8 lost_reason',
      'OpenDealWithoutAmount deals.csv:9 amount',
      'OpenDealWithoutCloseDate deals.csv:9 close_date',
      'DealWithoutAccount deals.csv:10 account_id',
      'DealWithoutCreatedDate deals.csv:10 created_date',
      'PlanGap targets.csv:2 value',
    ]);
  });

  it('covers every check rule exactly once on this fixture, and only check rules', () => {
    const counts = issuesByCode(runChecks(input(everything)));
    // NulInCell is found while the file is read (decode.ts), not by a check over the records.
    const checkCodes = RULE_CODES.filter((code) => RULES[code].kind === 'check' && code !== 'NulInCell');
    expect([...counts.keys()]).toEqual([...checkCodes].sort());
    expect([...counts.values()].every((n) => n === 1)).toBe(true);
    expect(CHECKS).toHaveLength(15);
  });

  it('gives the same output whatever order the records come in', () => {
    const reversed = Object.fromEntries(Object.entries(everything).map(([key, rows]) => [key, [...rows].reverse()]));
    expect(runChecks(input(reversed))).toEqual(runChecks(input(everything)));
  });

  it('leaves the input untouched', () => {
    const fresh = input(everything); // deep-frozen: a write would throw
    const before = structuredClone(fresh);
    runChecks(fresh);
    expect(fresh).toEqual(before);
  });

  it('gives nothing for empty input', () => {
    expect(runChecks(EMPTY)).toEqual([]);
  });
});
