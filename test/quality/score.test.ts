import { describe, expect, it } from 'vitest';
import { makeIssue } from '../../src/core/rules.ts';
import { issuesByCode, issuesByOwner, issuesByTeam, overallScore, scoreByOwner } from '../../src/quality/score.ts';
import type { Issue } from '../../src/core/issue.ts';
import { account, deal, records, user } from './helpers.ts';

// Scored records: open deals + accounts.
//   deals 2 open u1 · 3 open u1 · 4 open u2 · 5 won u1 (not scored) · 6 open '' (only in overall)
//   accounts 2 u1 · 3 u2 · 4 u2 · 5 u2
const recs = records({
  deals: [deal(2), deal(3), deal(4, { ownerId: 'u2' }), deal(5, { status: 'won', stageId: 'won' }), deal(6, { ownerId: '' })],
  accounts: [account(2), account(3, { ownerId: 'u2' }), account(4, { ownerId: 'u2' }), account(5, { ownerId: 'u2' })],
});
const d = (line: number) => ({ file: 'deals.csv', line });
const a = (line: number) => ({ file: 'accounts.csv', line });
// deals 3: two check warnings (counts once) · deals 4: info only (clean) · deals 5: not scored
// accounts 3: a rejection code (not a check: clean) · accounts 4, 5: warnings · deals 2: unknown code (ignored)
const issues: Issue[] = [
  makeIssue('PastCloseDate', { close: '2026-11-10', asOf: '2026-11-20', days: 10 }, { ...d(3), ownerId: 'u1' }),
  makeIssue('StalledDeal', { stage: 'proposal', days: 40, since: '2026-10-11', limit: 30 }, { ...d(3), ownerId: 'u1' }),
  makeIssue('LostDealWithoutReason', { name: 'x' }, { ...d(4), ownerId: 'u2' }),
  makeIssue('WonDealWithoutAmount', { amount: 0 }, { ...d(5), ownerId: 'u1' }),
  makeIssue('BadNumber', { value: 'x' }, { ...a(3) }),
  makeIssue('UnknownOwner', { userId: 'u2' }, { ...a(4), ownerId: 'u2' }),
  makeIssue('DuplicateAccount', { by: 'name', otherId: 'A2', otherLine: 2 }, { ...a(5), ownerId: 'u9' }),
  { code: 'SomethingNew', file: 'deals.csv', line: 2, message: 'not in this catalog' },
];

describe('scoreByOwner', () => {
  it('is the share of an owner’s open deals and accounts with no check warning or error', () => {
    // u1: deals 2 (clean), 3 (flagged), account 2 (clean)            → 2 / 3
    // u2: deal 4 (info only: clean), accounts 3 (clean), 4, 5 (flagged) → 2 / 4
    expect(scoreByOwner(recs, issues)).toEqual([
      { ownerId: 'u1', scored: 3, clean: 2, score: 2 / 3 },
      { ownerId: 'u2', scored: 4, clean: 2, score: 0.5 },
    ]);
  });

  it('counts the record’s owner, not the issue’s, and is empty for no records', () => {
    // accounts 5 is u2's although its issue names u9: u9 gets no score.
    expect(scoreByOwner(recs, issues).map((s) => s.ownerId)).not.toContain('u9');
    expect(scoreByOwner(records(), issues)).toEqual([]);
  });
});

describe('overallScore', () => {
  it('scores all open deals and accounts, unowned included', () => {
    // scored: deals 2, 3, 4, 6 + accounts 2, 3, 4, 5 = 8; flagged: deals 3, accounts 4, 5 → clean 5
    expect(overallScore(recs, issues)).toEqual({ scored: 8, clean: 5, score: 5 / 8 });
    expect(overallScore(records(), [])).toEqual({ scored: 0, clean: 0, score: null });
  });
});

describe('issue groupings', () => {
  it('counts by code, codes sorted', () => {
    expect([...issuesByCode(issues)]).toEqual([
      ['BadNumber', 1],
      ['DuplicateAccount', 1],
      ['LostDealWithoutReason', 1],
      ['PastCloseDate', 1],
      ['SomethingNew', 1],
      ['StalledDeal', 1],
      ['UnknownOwner', 1],
      ['WonDealWithoutAmount', 1],
    ]);
    expect(issuesByCode([]).size).toBe(0);
  });

  it('groups by owner, unowned under "", issues sorted by location', () => {
    const byOwner = issuesByOwner(issues);
    expect([...byOwner.keys()]).toEqual(['', 'u1', 'u2', 'u9']);
    expect(byOwner.get('u1')?.map((i) => `${i.line} ${i.code}`)).toEqual(['3 PastCloseDate', '3 StalledDeal', '5 WonDealWithoutAmount']);
    expect(byOwner.get('')?.map((i) => i.code)).toEqual(['BadNumber', 'SomethingNew']);
  });

  it('groups by the owner’s team; unknown owners go under ""', () => {
    const users = [user(2, { teamId: 'north' }), user(3, { teamId: 'south' })]; // u1 north, u2 south
    const byTeam = issuesByTeam(issues, users);
    expect([...byTeam].map(([team, list]) => [team, list.length])).toEqual([
      ['', 3], // BadNumber, SomethingNew (no owner), DuplicateAccount (u9 not a user)
      ['north', 3],
      ['south', 2],
    ]);
  });

  it('keeps hostile owner ids as plain keys', () => {
    const hostile = [makeIssue('UnknownOwner', { userId: '__proto__' }, { file: 'deals.csv', line: 2, ownerId: '__proto__' })];
    const byOwner = issuesByOwner(hostile);
    expect(byOwner.get('__proto__')).toHaveLength(1);
    expect(Object.keys(Object.fromEntries(byOwner))).toEqual(['__proto__']);
  });

  it('does not reorder the caller’s array', () => {
    const copy = [...issues];
    issuesByOwner(issues);
    issuesByTeam(issues, []);
    expect(issues).toEqual(copy);
  });
});
