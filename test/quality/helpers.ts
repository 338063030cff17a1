// Tiny record builders for the quality tests: each takes the physical line and what differs.
import type { Account, Activity, Deal, Target, User } from '../../src/core/records.ts';
import type { Records } from '../../src/model/records.ts';
import { activityFactsOf } from '../../src/model/activity-facts.ts';
import type { QualityInput } from '../../src/quality/input.ts';
import { settingsSchema, type SettingsInput } from '../../src/settings/schema.ts';
import { CUSTOMER_CONTACT } from '../../src/metrics/customer-contact.ts';

export const XSS = '<script>alert(1)</script>';
export const AS_OF = '2026-11-20';

export function makeSettings(overrides: SettingsInput = {}) {
  return settingsSchema.parse(overrides);
}

export function deal(line: number, over: Partial<Deal> = {}): Deal {
  return {
    file: 'deals.csv',
    line,
    id: `D${line}`,
    name: `Deal ${line}`,
    accountId: 'A2',
    ownerId: 'u1',
    stageId: 'proposal',
    status: 'open',
    amount: 100_000,
    amountOriginal: 100_000,
    currency: 'SEK',
    created: '2026-11-01',
    close: '2026-12-15',
    ...over,
  };
}

export function account(line: number, over: Partial<Account> = {}): Account {
  return { file: 'accounts.csv', line, id: `A${line}`, name: `Account ${line}`, ownerId: 'u1', ...over };
}

export function activity(line: number, over: Partial<Activity> = {}): Activity {
  return { file: 'activities.csv', line, id: `X${line}`, type: 'call', date: '2026-11-18', ownerId: 'u1', ...over };
}

export function user(line: number, over: Partial<User> = {}): User {
  return { file: 'users.csv', line, id: `u${line - 1}`, name: `User ${line}`, teamId: 'north', hats: [], ...over };
}

export function target(line: number, over: Partial<Target> = {}): Target {
  return {
    file: 'targets.csv',
    line,
    period: 'FY2026',
    cadence: 'total',
    scope: 'company',
    scopeId: '',
    measure: 'volume:new',
    value: 1000,
    ...over,
  };
}

/** Records as the pipeline hands them over: the activity facts gathered from `activities` as of `asOf`. */
export function records(over: Partial<Records> = {}, asOf = AS_OF): Records {
  const activities = over.activities ?? [];
  return {
    deals: [],
    accounts: [],
    activities,
    activityFacts: activityFactsOf(activities, { asOf, fiscalYearStartMonth: 1, contact: CUSTOMER_CONTACT }),
    users: [],
    targets: [],
    funnel: [],
    invoices: [],
    ...over,
  };
}

const ALL_PRESENT = { accounts: true, users: true, activities: true, targets: true };

/** A deep-frozen input, so a check that mutates its input throws. */
export function input(
  recs: Partial<Records> = {},
  opts: { settings?: SettingsInput; asOf?: string; present?: Partial<QualityInput['present']> } = {},
): QualityInput {
  return deepFreeze({
    records: records(recs, opts.asOf ?? AS_OF),
    settings: makeSettings(opts.settings),
    asOf: opts.asOf ?? AS_OF,
    present: { ...ALL_PRESENT, ...opts.present },
  });
}

export const EMPTY = input();

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const inner of Object.values(value)) deepFreeze(inner);
  }
  return value;
}

/** `code file:line field` per issue, the compact form the tests compare. */
export function brief(issues: { code: string; file: string; line: number; field?: string }[]): string[] {
  return issues.map((issue) => `${issue.code} ${issue.file}:${issue.line} ${issue.field ?? ''}`.trimEnd());
}
