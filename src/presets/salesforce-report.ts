/**
 * Salesforce report exports (Reports → Export → Details Only → CSV): headers are the UI field
 * labels (`Opportunity Name`, `Stage`, `Close Date`, `Opportunity Owner`…), owners and accounts
 * by name unless the report adds the id columns, dates in the exporting user's locale (set
 * `dateOrder`), and a footer after the rows (`"Confidential Information - Do Not Distribute"`,
 * `"Copyright (c) 2000-2026 salesforce.com, inc. All rights reserved."`, sometimes a report
 * title or `"Grand Totals (…)"`), which is skipped, not rejected.
 */
import { stageWithStatus } from './deal-status.ts';
import { SALESFORCE_CHANNELS, SALESFORCE_STAGES, salesforceForecast, salesforceStatus } from './salesforce-values.ts';
import type { SourceAdapter } from './types.ts';
import { either } from './values.ts';

const FOOTER = /salesforce\.com, inc\.|Confidential Information - Do Not Distribute/i;

export const salesforceOpportunityReport: SourceAdapter = {
  id: 'salesforce.opportunity-report',
  crm: 'Salesforce',
  label: 'Salesforce opportunities report',
  target: 'deals',
  signatures: [{ keys: ['name', 'stage', 'close'] }],
  columns: [
    { key: 'id', headers: ['Opportunity ID', 'Opportunity: ID', 'Opportunity 18 Digit ID'] },
    { key: 'name', headers: ['Opportunity Name', 'Opportunity: Opportunity Name'], required: true },
    { key: 'accountId', headers: ['Account ID', 'Account: Account ID'] },
    { key: 'accountName', headers: ['Account Name', 'Account: Account Name'] },
    { key: 'owner', headers: ['Opportunity Owner', 'Opportunity Owner: Full Name', 'Owner', 'Owner Name'], required: true },
    { key: 'stage', headers: ['Stage'], required: true },
    { key: 'amount', headers: ['Amount'], required: true },
    { key: 'currency', headers: ['Opportunity Currency', 'Amount Currency'] },
    { key: 'close', headers: ['Close Date'], required: true },
    { key: 'created', headers: ['Created Date'], required: true },
    { key: 'won', headers: ['Won'] },
    { key: 'closed', headers: ['Closed'] },
    { key: 'type', headers: ['Type', 'Opportunity Type'] },
    { key: 'forecast', headers: ['Forecast Category'] },
    { key: 'source', headers: ['Lead Source'] },
    { key: 'lostReason', headers: ['Loss Reason', 'Lost Reason', 'Closed Lost Reason', 'Reason Lost'] },
    { key: 'updated', headers: ['Last Modified Date', 'Last Modified'] },
  ],
  requireOneOf: [['accountName', 'accountId']],
  fields: {
    // Without an `Opportunity ID` column the name is the id (a repeated name is then a DuplicateId).
    id: { from: ['id', 'name'], value: (row) => either(row.get('id'), row.get('name')) },
    name: 'name',
    account_id: { from: ['accountId', 'accountName'], value: (row) => either(row.get('accountId'), row.get('accountName')) },
    owner: 'owner',
    stage: {
      from: ['stage'],
      value: (row) => stageWithStatus(row.get('stage'), salesforceStatus(row.get('won'), row.get('closed')), row.settings),
    },
    amount: 'amount',
    currency: 'currency',
    created_date: 'created',
    close_date: 'close',
    channel: 'type',
    forecast_category: { from: ['forecast'], value: (row) => salesforceForecast(row.get('forecast')) },
    source: 'source',
    lost_reason: 'lostReason',
    updated_date: 'updated',
  },
  stageAliases: SALESFORCE_STAGES,
  channelMap: SALESFORCE_CHANNELS,
  footer: FOOTER,
};

export const salesforceAccountReport: SourceAdapter = {
  id: 'salesforce.account-report',
  crm: 'Salesforce',
  label: 'Salesforce accounts report',
  target: 'accounts',
  signatures: [{ keys: ['name', 'owner'] }],
  columns: [
    { key: 'id', headers: ['Account ID', 'Account: ID'] },
    { key: 'name', headers: ['Account Name'], required: true },
    { key: 'owner', headers: ['Account Owner', 'Account Owner: Full Name'] },
    { key: 'country', headers: ['Billing Country'] },
    { key: 'created', headers: ['Created Date'] },
  ],
  fields: {
    id: { from: ['id', 'name'], value: (row) => either(row.get('id'), row.get('name')) },
    name: 'name',
    owner: 'owner',
    country: 'country',
    created_date: 'created',
  },
  footer: FOOTER,
};
