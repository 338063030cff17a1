/**
 * Small factories for the results metrics' tests: each returns a full canonical record with
 * harmless defaults, overridden field by field, so a fixture row shows only what matters.
 */
import type { MetricContext } from '../../src/metrics/context.ts';
import { activityFactsOf, type ActivityFacts } from '../../src/model/activity-facts.ts';
import type { Activity, Invoice, ModelDeal, Target, User } from '../../src/core/records.ts';
import { type SettingsInput, settingsSchema } from '../../src/settings/schema.ts';
import { CUSTOMER_CONTACT } from '../../src/metrics/customer-contact.ts';

let line = 1;
const at = (file: string) => ({ file, line: ++line });

export function wonDeal(overrides: Partial<ModelDeal> = {}): ModelDeal {
  const amount = overrides.amount ?? 100_000;
  return {
    ...at('deals.csv'),
    id: `d${line}`,
    name: 'Deal',
    accountId: 'a1',
    ownerId: 'u1',
    stageId: 'won',
    status: 'won',
    amount,
    amountOriginal: amount,
    currency: 'SEK',
    created: '2026-01-01',
    close: '2026-03-15',
    channel: 'new',
    channelReason: 'first-deal',
    annualAmount: overrides.annualAmount ?? amount,
    contractYears: 1,
    teamId: 't1',
    ...overrides,
  };
}

export function activity(overrides: Partial<Activity> = {}): Activity {
  return {
    ...at('activities.csv'),
    id: `act${line}`,
    type: 'call',
    date: '2026-11-16',
    ownerId: 'u1',
    accountId: 'a1',
    ...overrides,
  };
}

export function invoice(overrides: Partial<Invoice> = {}): Invoice {
  return { ...at('invoices.csv'), id: `inv${line}`, accountId: 'a1', date: '2026-03-15', amount: 1_000, ...overrides };
}

export function target(overrides: Partial<Target> = {}): Target {
  return {
    ...at('targets.csv'),
    period: 'FY2026',
    cadence: 'total',
    scope: 'seller',
    scopeId: 'u1',
    measure: 'volume:new',
    value: 0,
    ...overrides,
  };
}

export function user(overrides: Partial<User> = {}): User {
  const id = overrides.id ?? `u${line}`;
  return { ...at('users.csv'), id, name: id, teamId: 't1', hats: ['account_executive'], ...overrides };
}

export function context(asOf: string, settings: SettingsInput = {}): MetricContext {
  return { settings: settingsSchema.parse(settings), asOf };
}

/** Freezes an object graph so a mutating metric throws in strict mode. */
export function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const inner of Object.values(value)) deepFreeze(inner);
  }
  return value;
}

/** The activity facts of fixture rows as the pipeline would gather them, for `ctx`'s as-of. */
export function factsOf(activities: readonly Activity[], ctx: MetricContext): ActivityFacts {
  return activityFactsOf(activities, { asOf: ctx.asOf, fiscalYearStartMonth: ctx.settings.fiscalYearStartMonth, contact: CUSTOMER_CONTACT });
}
