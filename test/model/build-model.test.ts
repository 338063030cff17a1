import { describe, expect, it } from 'vitest';
import { emptyActivityFacts } from '../../src/model/activity-facts.ts';
import { buildModel } from '../../src/model/build-model.ts';
import type { Records } from '../../src/model/records.ts';
import { settingsSchema } from '../../src/settings/schema.ts';
import { deal } from './deal-factory.ts';
import { CUSTOMER_CONTACT } from '../../src/metrics/customer-contact.ts';

// No users file: owners become people without a team. Deal d1 is on account A1 of team north,
// d2 on account A2 without a team, d3 on an unknown account.
const records: Records = {
  deals: [
    deal({ id: 'd1', accountId: 'A1', ownerId: 'anna', line: 2 }),
    deal({ id: 'd2', accountId: 'A2', ownerId: 'bo', line: 3 }),
    deal({ id: 'd3', accountId: 'A9', ownerId: 'bo', line: 4 }),
  ],
  accounts: [
    { id: 'A1', name: 'Volvo Bil', ownerId: 'anna', teamId: 'north', file: 'accounts.csv', line: 2 },
    { id: 'A2', name: 'Nordea', ownerId: 'bo', file: 'accounts.csv', line: 3 },
  ],
  activities: [],
  activityFacts: emptyActivityFacts({ asOf: '2026-04-17', fiscalYearStartMonth: 1, contact: CUSTOMER_CONTACT }),
  users: [],
  targets: [],
  funnel: [],
  invoices: [],
};
const present = { accounts: true, users: false, activities: false, targets: false, funnel: false, invoices: false };

describe('buildModel without a users file', () => {
  it("gives a deal its account's team when its owner has none, and lists that team", () => {
    const model = buildModel(records, settingsSchema.parse({ asOf: '2026-04-17' }), '2026-04-17', present);
    expect(model.deals.map((d) => [d.id, d.teamId])).toEqual([
      ['d1', 'north'],
      ['d2', ''],
      ['d3', ''],
    ]);
    expect(model.teams.map((t) => [t.id, t.memberIds])).toEqual([
      ['', ['anna', 'bo']],
      ['north', []],
    ]);
  });

  it("names the team of people without one in the company's language, unless the settings name it", () => {
    const name = (settings: object) => buildModel(records, settingsSchema.parse({ asOf: '2026-04-17', ...settings }), '2026-04-17', present).teams[0]!;
    expect(name({}).name).toBe('Utan team');
    expect(name({ locale: 'da' }).name).toBe('Uden team');
    expect(name({ locale: 'en' }).name).toBe('No team');
    expect(name({ locale: 'en', teamNames: { '': 'Sales' } }).name).toBe('Sales');
  });
});
