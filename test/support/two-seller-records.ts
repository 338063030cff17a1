/**
 * Two sellers in two teams, as of Friday 2026-04-17, with open, won and lost deals and a company
 * target: small enough to work every figure out by hand (see the comments on each deal). Used by
 * the report's and the snapshot's tests.
 */
import { emptyActivityFacts } from '../../src/model/activity-facts.ts';
import { CUSTOMER_CONTACT } from '../../src/metrics/customer-contact.ts';
import type { Account, User } from '../../src/core/records.ts';
import type { Records } from '../../src/model/records.ts';
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
export const records: Records = {
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
export const present = { accounts: true, users: true, activities: false, targets: true, funnel: false, invoices: false };
