import { describe, expect, it } from 'vitest';
import { closedDeals, currentState, makeSnapshot, qualityScoresOf } from '../../src/history/snapshot.ts';
import { buildModel } from '../../src/model/build-model.ts';
import { emptyActivityFacts } from '../../src/model/activity-facts.ts';
import type { Account, User } from '../../src/core/records.ts';
import type { Records } from '../../src/model/records.ts';
import { buildReport } from '../../src/report/build-report.ts';
import { settingsSchema } from '../../src/settings/schema.ts';
import { deal } from '../model/deal-factory.ts';
import { CUSTOMER_CONTACT } from '../../src/metrics/customer-contact.ts';

// As of Friday 2026-04-17, fiscal year = calendar year. Elapsed share of FY2026: 107/365 days.
// Company target FY2026 volume:total 365 000 → budget YTD 107 000.
const users: User[] = [
  { id: 'anna', name: 'Anna Lind', teamId: 'gbg', hats: ['account_executive'], file: 'users.csv', line: 2 },
  { id: 'bo', name: 'Bo Ek', teamId: 'sthlm', hats: ['account_executive'], file: 'users.csv', line: 3 },
];
const accounts: Account[] = [
  { id: 'A1', name: 'Volvo Bil', ownerId: 'anna', file: 'accounts.csv', line: 2 },
  { id: 'A2', name: 'Nordea', ownerId: 'bo', file: 'accounts.csv', line: 3 },
];
const open = { status: 'open' as const };
const records: Records = {
  deals: [
    // open, anna/gbg, meeting (0.2): weighted 22 300
    deal({
      id: 'd1',
      name: 'Fleet',
      accountId: 'A1',
      ownerId: 'anna',
      stageId: 'meeting',
      ...open,
      amount: 111_500,
      created: '2026-01-10',
      close: '2026-06-15',
      line: 2,
    }),
    // open, bo/sthlm, proposal (0.5): weighted 100 000
    deal({
      id: 'd2',
      name: 'Licences',
      accountId: 'A2',
      ownerId: 'bo',
      stageId: 'proposal',
      ...open,
      amount: 200_000,
      created: '2026-02-01',
      close: '2026-05-20',
      line: 3,
    }),
    // open, bo, account unknown → account name = id; close date passed → not in coverage; weighted 1 500
    deal({
      id: 'd8',
      name: 'Old',
      accountId: 'A9',
      ownerId: 'bo',
      stageId: 'qualification',
      ...open,
      amount: 15_000,
      created: '2026-01-05',
      close: '2026-03-31',
      line: 4,
    }),
    // open but created after as-of → not in the snapshot
    deal({
      id: 'd5',
      name: 'Later',
      accountId: 'A1',
      ownerId: 'anna',
      stageId: 'qualification',
      ...open,
      amount: 50_000,
      created: '2026-05-01',
      close: '2026-06-30',
      line: 5,
    }),
    // won 53 500 YTD (anna), lost (bo)
    deal({ id: 'd3', name: 'Pilot', accountId: 'A1', ownerId: 'anna', amount: 53_500, created: '2026-01-02', close: '2026-02-10', line: 6 }),
    deal({
      id: 'd4',
      name: 'Upgrade',
      accountId: 'A2',
      ownerId: 'bo',
      stageId: 'lost',
      status: 'lost',
      amount: 20_000,
      created: '2026-01-03',
      close: '2026-03-01',
      line: 7,
    }),
  ],
  accounts,
  activities: [],
  activityFacts: emptyActivityFacts({ asOf: '2026-04-17', fiscalYearStartMonth: 1, contact: CUSTOMER_CONTACT }),
  users,
  targets: [{ period: 'FY2026', cadence: 'total', scope: 'company', scopeId: '', measure: 'volume:total', value: 365_000, file: 'targets.csv', line: 2 }],
  funnel: [],
  invoices: [],
};
const present = { accounts: true, users: true, activities: false, targets: true, funnel: false, invoices: false };

function build(initialsOnly: boolean) {
  const model = buildModel(records, settingsSchema.parse({ asOf: '2026-04-17', initialsOnly }), '2026-04-17', present);
  const { report } = buildReport({ model, files: [], rejected: [], quality: [] });
  return { model, report };
}

describe('makeSnapshot', () => {
  const { model, report } = build(false);
  const snapshot = makeSnapshot(model, report, 'abc123', { anna: 1, bo: 2 / 3 });

  it('keeps the open deals as of as-of, sorted by id, with account name and team', () => {
    expect(snapshot.deals).toEqual([
      ['d1', 'Fleet', 'Volvo Bil', 'anna', 'gbg', 'meeting', 111_500, '2026-06-15'],
      ['d2', 'Licences', 'Nordea', 'bo', 'sthlm', 'proposal', 200_000, '2026-05-20'],
      ['d8', 'Old', 'A9', 'bo', 'sthlm', 'qualification', 15_000, '2026-03-31'],
    ]);
  });

  it('copies the key figures of the company and the teams, and nothing per seller', () => {
    // Company: won 53 500; budget 107 000 → attainment 0.5; open d1+d2+d8 = 326 500;
    // weighted 22 300 + 100 000 + 1 500 = 123 800; coverage = (d1 + d2 closing 04-17…12-31 = 311 500)
    // ÷ (365 000 − 53 500 = 311 500) = 1.
    expect(snapshot.company).toEqual({
      volumeYtd: 53_500,
      budgetYtd: 107_000,
      attainment: 0.5,
      openCount: 3,
      openAmount: 326_500,
      weighted: 123_800,
      coverage: 1,
    });
    // No team or seller targets: budget and attainment null; coverage null (nothing remains of a 0 target).
    const gbg = { volumeYtd: 53_500, budgetYtd: null, attainment: null, openCount: 1, openAmount: 111_500, weighted: 22_300, coverage: null };
    const sthlm = { volumeYtd: 0, budgetYtd: null, attainment: null, openCount: 2, openAmount: 215_000, weighted: 101_500, coverage: null };
    expect(snapshot.teams).toEqual({ gbg, sthlm });
    // Per-seller figures are read by no page: not kept.
    expect(snapshot.sellers).toBeUndefined();
    expect(Object.keys(snapshot).sort()).toEqual(['asOf', 'company', 'deals', 'inputHash', 'qualityScore', 'schemaVersion', 'teams']);
    expect(snapshot).toMatchObject({ schemaVersion: 1, asOf: '2026-04-17', inputHash: 'abc123', qualityScore: { anna: 1, bo: 2 / 3 } });
  });

  it('keys owners by user id, not pseudonym, when the report shows initials only', () => {
    const scrubbed = build(true);
    expect(scrubbed.report.sellers.map((s) => s.person.id)).toEqual(['person-1', 'person-2']);
    expect(makeSnapshot(scrubbed.model, scrubbed.report, 'abc123', { anna: 1, bo: 2 / 3 })).toEqual(snapshot);
  });

  it('refuses a report built from another model', () => {
    const other = build(false).report;
    expect(() => makeSnapshot(model, { ...other, sellers: other.sellers.slice(1) }, 'x', {})).toThrow(/not built from this model/);
    expect(() => makeSnapshot(model, { ...other, meta: { ...other.meta, asOf: '2026-04-18' } }, 'x', {})).toThrow(/as of 2026-04-18/);
  });
});

describe('qualityScoresOf and the current state', () => {
  it('scores open deals and accounts per owner', () => {
    // anna: d1, d5 (open, even if created later) and A1, all clean → 1.
    // bo: d2, d8, A2; d8 (deals.csv line 4) has a passed close date → 2/3.
    const issues = [{ code: 'PastCloseDate', file: 'deals.csv', line: 4, message: 'passed', ownerId: 'bo' }];
    expect(qualityScoresOf(records, issues)).toEqual({ anna: 1, bo: 2 / 3 });
  });

  it('lists the won and lost deals for the changes', () => {
    const { model } = build(false);
    expect(closedDeals(model)).toEqual([
      { id: 'd3', status: 'won', close: '2026-02-10', name: 'Pilot', account: 'Volvo Bil', ownerId: 'anna', teamId: 'gbg', amount: 53_500, stageId: 'won' },
      { id: 'd4', status: 'lost', close: '2026-03-01', name: 'Upgrade', account: 'Nordea', ownerId: 'bo', teamId: 'sthlm', amount: 20_000, stageId: 'lost' },
    ]);
    expect(currentState(model).openDeals.map((d) => d[0])).toEqual(['d1', 'd2', 'd8']);
  });
});
