import { describe, expect, it } from 'vitest';
import { buildModel } from '../../src/model/build-model.ts';
import { emptyActivityFacts } from '../../src/model/activity-facts.ts';
import { CUSTOMER_CONTACT } from '../../src/metrics/customer-contact.ts';
import type { Account, User } from '../../src/core/records.ts';
import type { Records } from '../../src/model/records.ts';
import { buildReport } from '../../src/report/build-report.ts';
import { monthScopes } from '../../src/report/month-scopes.ts';
import { people } from '../../src/report/people.ts';
import { reportScopes } from '../../src/report/report-scopes.ts';
import { settingsSchema } from '../../src/settings/schema.ts';
import { deal } from '../model/deal-factory.ts';

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

const model = buildModel(records, settingsSchema.parse({ asOf: '2026-04-17' }), '2026-04-17', present);

describe('reportScopes', () => {
  const scopes = reportScopes(model);

  it('cuts the deals by team and by seller, the company keeping them all', () => {
    // anna is in gbg: d1, d5, d3; bo in sthlm: d2, d8, d4 (in the export's order).
    expect(scopes.ofTeam.get('gbg')!.deals.map((d) => d.id)).toEqual(['d1', 'd5', 'd3']);
    expect(scopes.ofSeller('bo').deals.map((d) => d.id)).toEqual(['d2', 'd8', 'd4']);
    expect(scopes.company.deals).toHaveLength(6);
    expect(scopes.company.targets.map((t) => t.value)).toEqual([365_000]);
    expect(scopes.ofSeller('anna').targets).toEqual([]);
  });
});

describe('monthScopes', () => {
  const at = monthScopes(model, reportScopes(model), people(model.users, false));

  it('gives each scope its won volume of the fiscal year through the date', () => {
    // d3 (anna, gbg) is the only won deal: 53 500 on 2026-02-10. Through January: nothing yet;
    // through the end of February (whole months summed) and mid-March (summed directly): 53 500.
    expect(at.company(2026, '2026-01-31').volumeYtd!.annualVolume).toBe(0);
    expect(at.company(2026, '2026-02-28').volumeYtd!.annualVolume).toBe(53_500);
    expect(at.company(2026, '2026-03-15').volumeYtd!.annualVolume).toBe(53_500);
    expect(at.teams.map((team) => team(2026, '2026-02-28').volumeYtd!.annualVolume)).toEqual([53_500, 0]);
    // Both sellers have deals, so both are listed; bo won nothing.
    expect(at.sellers.map((seller) => seller(2026, '2026-04-17').volumeYtd!.annualVolume)).toEqual([53_500, 0]);
    // FY2025 holds no won deal.
    expect(at.company(2025, '2025-12-31').deals).toEqual([]);
  });
});

describe('buildReport', () => {
  const { report } = buildReport({ model, files: [], rejected: [], quality: [] });

  it('lists its parts in the order of report.json', () => {
    expect(Object.keys(report)).toEqual([
      'schemaVersion',
      'meta',
      'files',
      'company',
      'teams',
      'sellers',
      'reconciliation',
      'channelMix',
      'planCheck',
      'planVerdict',
      'funnel',
      'leadFunnel',
      'handoffs',
      'weeks',
      'months',
      'meetings',
      'quality',
      'rejected',
      'history',
    ]);
  });

  it('adds the teams and sellers up to the company', () => {
    // Year to date (2026-01-01 … 04-17) only d3 is won: 53 500, anna's, in gbg.
    expect(report.company.volume.yearToDate.annualVolume).toBe(53_500);
    expect(report.teams.map((team) => [team.id, team.figures.volume.yearToDate.annualVolume])).toEqual([
      ['gbg', 53_500],
      ['sthlm', 0],
    ]);
    expect(report.sellers.map((seller) => [seller.person.id, seller.figures.volume.yearToDate.annualVolume])).toEqual([
      ['anna', 53_500],
      ['bo', 0],
    ]);
  });
});
