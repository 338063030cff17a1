/**
 * Salesforce's standard picklist values, shared by both export dialects (report exports and
 * Data Export / Data Loader files): the default opportunity stages, the `Type` values mapped to
 * tavla's four channels, forecast categories, task subtypes, and the record id prefixes that tell
 * an opportunity from an account in a polymorphic `WhatId`.
 */
import type { ActivityType, Channel } from '../core/records.ts';
import type { DealStatus } from './deal-status.ts';
import { isTrue, present } from './values.ts';

/** Default opportunity stages (Setup → Object Manager → Opportunity → Stage) → tavla's default stage ids. */
export const SALESFORCE_STAGES: Record<string, string> = {
  Prospecting: 'qualification',
  Qualification: 'qualification',
  'Needs Analysis': 'meeting',
  'Value Proposition': 'proposal',
  'Id. Decision Makers': 'proposal',
  'Perception Analysis': 'proposal',
  'Proposal/Price Quote': 'proposal',
  'Negotiation/Review': 'negotiation',
  'Closed Won': 'won',
  'Closed Lost': 'lost',
};

/**
 * Opportunity `Type` → channel (docs/exporting.md): a replacement or downgrade continues the
 * customer's contract, so it is a renewal; an upgrade or other existing business is an upsell.
 * Win-backs have no standard type: tavla infers them when `Type` is empty.
 */
export const SALESFORCE_CHANNELS: Record<string, Channel> = {
  'New Business': 'new',
  'Existing Business': 'upsell',
  'Existing Customer - Upgrade': 'upsell',
  'Existing Customer - Replacement': 'renewal',
  'Existing Customer - Downgrade': 'renewal',
  Renewal: 'renewal',
};

/** Task `TaskSubtype` / `Type` and Event `Type` values → activity types. */
export const SALESFORCE_ACTIVITY_TYPES: Record<string, ActivityType> = {
  Call: 'call',
  Email: 'email',
  'List Email': 'email',
  ListEmail: 'email',
  Task: 'task',
  Cadence: 'task',
  LinkedIn: 'task',
  Other: 'task',
  Meeting: 'meeting_held',
};

/** `ForecastCategory` API values and `ForecastCategoryName` labels → tavla's categories. */
export function salesforceForecast(value: string | undefined): string | undefined {
  const text = present(value);
  if (text === undefined) return undefined;
  const key = text.toLowerCase().replace(/\s+/g, '');
  if (key === 'bestcase') return 'best_case';
  if (key === 'forecast' || key === 'mostlikely') return 'commit';
  return text;
}

/** Won / lost / open from `IsWon` and `IsClosed` (report columns `Won` and `Closed`), when exported. */
export function salesforceStatus(won: string | undefined, closed: string | undefined): DealStatus | undefined {
  if (present(won) === undefined && present(closed) === undefined) return undefined;
  if (isTrue(won)) return 'won';
  return isTrue(closed) ? 'lost' : 'open';
}

/** Record id key prefixes: `001…` account, `006…` opportunity. */
export function isAccountId(id: string | undefined): boolean {
  return id !== undefined && id.startsWith('001');
}

export function isOpportunityId(id: string | undefined): boolean {
  return id !== undefined && id.startsWith('006');
}
