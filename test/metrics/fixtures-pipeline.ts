/**
 * Fixture factories for the pipeline and funnel metric tests: each builds one canonical record
 * with dull defaults, so a test row spells out only what the case is about.
 */
import type { MetricContext } from '../../src/metrics/context.ts';
import type { Account, Activity, DealStatus, FunnelWeek, Hat, ModelDeal, User } from '../../src/core/records.ts';
import { settingsSchema, type SettingsInput } from '../../src/settings/schema.ts';

/** Default settings (stages qualification 0.1, meeting 0.2, proposal 0.5, negotiation 0.8, won, lost). */
export function context(asOf: string, settings: SettingsInput = {}): MetricContext {
  return { settings: settingsSchema.parse(settings), asOf };
}

const STAGE_BY_STATUS: Record<DealStatus, string> = { open: 'qualification', won: 'won', lost: 'lost' };

/** A deal; the stage defaults from the status, `annualAmount` from `amount`. */
export function deal(fields: Partial<ModelDeal> & { id: string }): ModelDeal {
  const status = fields.status ?? 'open';
  const amount = fields.amount ?? 0;
  return {
    file: 'deals.csv',
    line: 2,
    name: `Deal ${fields.id}`,
    accountId: 'a1',
    ownerId: 'u1',
    stageId: STAGE_BY_STATUS[status],
    status,
    amount,
    amountOriginal: amount,
    currency: 'SEK',
    created: '2026-01-05',
    close: '2026-06-30',
    channel: 'new',
    channelReason: 'given',
    annualAmount: amount,
    contractYears: 1,
    teamId: 't1',
    ...fields,
  };
}

export function activity(fields: Partial<Activity> & { id: string; type: Activity['type']; date: string }): Activity {
  return { file: 'activities.csv', line: 2, ownerId: 'u1', ...fields };
}

export function user(fields: Partial<User> & { id: string; hats: Hat[] }): User {
  return { file: 'users.csv', line: 2, name: `User ${fields.id}`, teamId: 't1', ...fields };
}

export function account(fields: Partial<Account> & { id: string }): Account {
  return { file: 'accounts.csv', line: 2, name: `Account ${fields.id}`, ownerId: 'u1', ...fields };
}

export function funnelWeek(fields: Partial<FunnelWeek> & { week: string }): FunnelWeek {
  return { file: 'funnel.csv', line: 2, visits: 0, leads: 0, nurture: 0, ...fields };
}

/** Deep-freezes test input, so a metric that sorts or writes in place throws. */
export function frozen<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const inner of Object.values(value)) frozen(inner);
  }
  return value;
}

/** Every number anywhere in a result, to assert none is NaN or infinite. */
export function numbersIn(value: unknown): number[] {
  if (typeof value === 'number') return [value];
  if (value === null || typeof value !== 'object') return [];
  return Object.values(value).flatMap(numbersIn);
}
