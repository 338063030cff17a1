/**
 * Salesforce Data Export (Setup → Data Export) and Data Loader files: one CSV per object named
 * by its API name (`Opportunity.csv`, `Account.csv`, `User.csv`, `Task.csv`, `Event.csv`), headers
 * are API field names, every value quoted, booleans `0/1` (or `true/false`), an empty lookup
 * `000000000000000AAA`, datetimes `YYYY-MM-DD HH:MM:SS` (or `…T…Z`) in UTC, numbers with `.`.
 * Deleted records (`IsDeleted` = 1, Data Loader "Export All") are skipped.
 * `CurrencyType.csv` gives exchange rates and `DatedConversionRate.csv` dated ones (exchange-rates.ts), `OpportunityStage.csv` the org's
 * stages (salesforce-stages.ts); `OpportunityHistory.csv` is recognised but not read yet.
 */
import { parseDate } from '../ingest/parse-date.ts';
import { stageWithStatus } from './deal-status.ts';
import {
  SALESFORCE_ACTIVITY_TYPES,
  SALESFORCE_CHANNELS,
  SALESFORCE_STAGES,
  isAccountId,
  isOpportunityId,
  salesforceForecast,
  salesforceStatus,
} from './salesforce-values.ts';
import type { RowContext, SourceAdapter } from './types.ts';
import { either, fullName, isTrue, minutesFromSeconds, salesforceId, utcStamp } from './values.ts';

const deleted = (row: RowContext) => isTrue(row.get('deleted'));
const lookup = (key: string) => ({ from: [key], value: (row: RowContext) => salesforceId(row.get(key)) });
const stamp = (key: string) => ({ from: [key], value: (row: RowContext) => utcStamp(row.get(key)) });

export const salesforceOpportunities: SourceAdapter = {
  id: 'salesforce.opportunity',
  crm: 'Salesforce',
  label: 'Salesforce Opportunity.csv (Data Export)',
  target: 'deals',
  signatures: [{ keys: ['id', 'name', 'stage', 'close', 'account'] }],
  columns: [
    { key: 'id', headers: ['Id'], required: true },
    { key: 'name', headers: ['Name'] },
    { key: 'account', headers: ['AccountId'], required: true },
    { key: 'owner', headers: ['OwnerId'], required: true },
    { key: 'stage', headers: ['StageName'], required: true },
    { key: 'amount', headers: ['Amount'], required: true },
    { key: 'close', headers: ['CloseDate'], required: true },
    { key: 'created', headers: ['CreatedDate'], required: true },
    { key: 'won', headers: ['IsWon'] },
    { key: 'closed', headers: ['IsClosed'] },
    { key: 'sortOrder', headers: ['StageSortOrder'] },
    { key: 'probability', headers: ['Probability'] },
    { key: 'type', headers: ['Type'] },
    { key: 'forecastName', headers: ['ForecastCategoryName'] },
    { key: 'forecast', headers: ['ForecastCategory'] },
    { key: 'currency', headers: ['CurrencyIsoCode'] },
    { key: 'source', headers: ['LeadSource'] },
    { key: 'lostReason', headers: ['Loss_Reason__c', 'Lost_Reason__c', 'Reason_Lost__c'] },
    { key: 'updated', headers: ['LastModifiedDate'] },
    { key: 'deleted', headers: ['IsDeleted'] },
  ],
  fields: {
    id: 'id',
    name: 'name',
    account_id: lookup('account'),
    owner: lookup('owner'),
    stage: {
      from: ['stage'],
      value: (row) => stageWithStatus(row.get('stage'), salesforceStatus(row.get('won'), row.get('closed')), row.settings),
    },
    amount: 'amount',
    currency: 'currency',
    created_date: stamp('created'),
    close_date: 'close',
    channel: 'type',
    forecast_category: {
      from: ['forecastName', 'forecast'],
      value: (row) => salesforceForecast(either(row.get('forecastName'), row.get('forecast'))),
    },
    source: 'source',
    lost_reason: 'lostReason',
    updated_date: stamp('updated'),
  },
  stageAliases: SALESFORCE_STAGES,
  channelMap: SALESFORCE_CHANNELS,
  decimal: '.',
  skip: deleted,
};

export const salesforceAccounts: SourceAdapter = {
  id: 'salesforce.account',
  crm: 'Salesforce',
  label: 'Salesforce Account.csv (Data Export)',
  target: 'accounts',
  signatures: [{ keys: ['id', 'name', 'billingCountry'] }, { keys: ['id', 'name'], fileName: /^account\.csv$/i }],
  columns: [
    { key: 'id', headers: ['Id'], required: true },
    { key: 'name', headers: ['Name'], required: true },
    { key: 'owner', headers: ['OwnerId'] },
    { key: 'billingCountry', headers: ['BillingCountry'] },
    { key: 'created', headers: ['CreatedDate'] },
    { key: 'deleted', headers: ['IsDeleted'] },
  ],
  fields: {
    id: 'id',
    name: 'name',
    owner: lookup('owner'),
    country: 'billingCountry',
    created_date: stamp('created'),
  },
  skip: deleted,
};

export const salesforceUsers: SourceAdapter = {
  id: 'salesforce.user',
  crm: 'Salesforce',
  label: 'Salesforce User.csv (Data Export)',
  target: 'users',
  signatures: [{ keys: ['id', 'username', 'email'] }, { keys: ['id', 'name'], fileName: /^user\.csv$/i }],
  columns: [
    { key: 'id', headers: ['Id'], required: true },
    { key: 'name', headers: ['Name'] },
    { key: 'first', headers: ['FirstName'] },
    { key: 'last', headers: ['LastName'] },
    { key: 'username', headers: ['Username'] },
    { key: 'email', headers: ['Email'] },
    { key: 'department', headers: ['Department'] },
    { key: 'division', headers: ['Division'] },
    { key: 'role', headers: ['UserRole', 'UserRole.Name', 'Role'] },
  ],
  fields: {
    id: 'id',
    name: {
      from: ['name', 'last'],
      value: (row) => either(row.get('name'), fullName(row.get('first'), row.get('last')), row.get('username')),
    },
    email: 'email',
    // No team column in Salesforce: the department, else the division, else the role name; else no team.
    team: {
      from: ['department', 'division', 'role'],
      value: (row) => either(row.get('department'), row.get('division'), row.get('role')),
    },
  },
};

const activityAccount = {
  from: ['account', 'what'],
  value: (row: RowContext) => {
    const what = salesforceId(row.get('what'));
    return salesforceId(row.get('account')) ?? (isAccountId(what) ? what : undefined);
  },
};
const activityDeal = {
  from: ['what'],
  value: (row: RowContext) => {
    const what = salesforceId(row.get('what'));
    return isOpportunityId(what) ? what : undefined;
  },
};

export const salesforceTasks: SourceAdapter = {
  id: 'salesforce.task',
  crm: 'Salesforce',
  label: 'Salesforce Task.csv (Data Export)',
  target: 'activities',
  signatures: [{ keys: ['id', 'what', 'activityDate', 'status', 'priority'] }],
  columns: [
    { key: 'id', headers: ['Id'], required: true },
    { key: 'subtype', headers: ['TaskSubtype'] },
    { key: 'type', headers: ['Type'] },
    { key: 'activityDate', headers: ['ActivityDate'], required: true },
    { key: 'completed', headers: ['CompletedDateTime'] },
    { key: 'created', headers: ['CreatedDate'] },
    { key: 'owner', headers: ['OwnerId'], required: true },
    { key: 'what', headers: ['WhatId'] },
    { key: 'account', headers: ['AccountId'] },
    { key: 'status', headers: ['Status'] },
    { key: 'priority', headers: ['Priority'] },
    { key: 'seconds', headers: ['CallDurationInSeconds'] },
    { key: 'deleted', headers: ['IsDeleted'] },
  ],
  fields: {
    id: 'id',
    // `TaskSubtype` says how it was logged (Log a Call → Call); a plain task may carry its kind in `Type`.
    type: {
      from: ['subtype', 'type'],
      value: (row) => {
        const subtype = row.get('subtype');
        return subtype && subtype.toLowerCase() !== 'task' ? subtype : either(row.get('type'), subtype, 'Task');
      },
    },
    // A task without a due date counts on the day it was completed, else created.
    date: {
      from: ['activityDate', 'completed', 'created'],
      value: (row) => either(row.get('activityDate'), utcStamp(row.get('completed')), utcStamp(row.get('created'))),
    },
    owner: lookup('owner'),
    account_id: activityAccount,
    deal_id: activityDeal,
    duration_minutes: { from: ['seconds'], value: (row) => minutesFromSeconds(row.get('seconds')) },
  },
  activityTypeMap: SALESFORCE_ACTIVITY_TYPES,
  skip: deleted,
};

/** The meeting's day: all-day events by `ActivityDate`, others by their UTC start. */
function eventDay(row: RowContext): string | undefined {
  if (isTrue(row.get('allDay'))) return either(row.get('activityDate'), utcStamp(row.get('start')));
  return either(utcStamp(row.get('start')), utcStamp(row.get('activityDateTime')), row.get('activityDate'));
}

export const salesforceEvents: SourceAdapter = {
  id: 'salesforce.event',
  crm: 'Salesforce',
  label: 'Salesforce Event.csv (Data Export)',
  target: 'activities',
  // Older org exports have no `StartDateTime`: `ActivityDateTime` (timed) and `ActivityDate` (all-day) then say when.
  signatures: [{ keys: ['id', 'start', 'duration', 'allDay'] }, { keys: ['id', 'activityDateTime', 'activityDate', 'duration', 'allDay'] }],
  columns: [
    { key: 'id', headers: ['Id'], required: true },
    { key: 'start', headers: ['StartDateTime'] },
    { key: 'activityDateTime', headers: ['ActivityDateTime'] },
    { key: 'activityDate', headers: ['ActivityDate'] },
    { key: 'allDay', headers: ['IsAllDayEvent'] },
    { key: 'duration', headers: ['DurationInMinutes'] },
    { key: 'owner', headers: ['OwnerId'], required: true },
    { key: 'what', headers: ['WhatId'] },
    { key: 'account', headers: ['AccountId'] },
    { key: 'deleted', headers: ['IsDeleted'] },
  ],
  fields: {
    id: 'id',
    // An event is a meeting: held once its day has come, booked while it lies ahead.
    type: {
      from: ['start', 'activityDateTime', 'activityDate'],
      value: (row) => {
        const day = eventDay(row);
        const parsed = day === undefined ? undefined : parseDate(day, row.settings);
        return parsed?.ok && parsed.value > row.asOf ? 'meeting_booked' : 'meeting_held';
      },
    },
    date: { from: ['start', 'activityDateTime', 'activityDate'], value: eventDay },
    owner: lookup('owner'),
    account_id: activityAccount,
    deal_id: activityDeal,
    duration_minutes: 'duration',
  },
  decimal: '.',
  skip: deleted,
};

export const salesforceOpportunityHistory: SourceAdapter = {
  id: 'salesforce.opportunity-history',
  crm: 'Salesforce',
  label: 'Salesforce OpportunityHistory.csv (Data Export)',
  target: 'unused',
  unusedReason: 'stage history is not used yet',
  signatures: [{ keys: ['opportunity', 'stage', 'created'] }],
  columns: [
    { key: 'opportunity', headers: ['OpportunityId'] },
    { key: 'stage', headers: ['StageName'] },
    { key: 'created', headers: ['CreatedDate'] },
  ],
  fields: {},
};

export const salesforceCurrencyTypes: SourceAdapter = {
  id: 'salesforce.currency-type',
  crm: 'Salesforce',
  label: 'Salesforce CurrencyType.csv (Data Export)',
  target: 'exchangeRates',
  signatures: [{ keys: ['iso', 'rate'] }],
  columns: [
    { key: 'iso', headers: ['IsoCode'], required: true },
    { key: 'rate', headers: ['ConversionRate'], required: true },
    { key: 'active', headers: ['IsActive'] },
  ],
  fields: {},
};

export const salesforceOpportunityStages: SourceAdapter = {
  id: 'salesforce.opportunity-stage',
  crm: 'Salesforce',
  label: 'Salesforce OpportunityStage.csv (Data Export)',
  target: 'stages',
  signatures: [{ keys: ['label', 'sortOrder', 'closed', 'won'] }],
  columns: [
    { key: 'label', headers: ['MasterLabel'], required: true },
    { key: 'apiName', headers: ['ApiName'] },
    { key: 'sortOrder', headers: ['SortOrder'] },
    { key: 'closed', headers: ['IsClosed'] },
    { key: 'won', headers: ['IsWon'] },
    { key: 'probability', headers: ['DefaultProbability'] },
    { key: 'forecastName', headers: ['ForecastCategoryName'] },
    { key: 'active', headers: ['IsActive'] },
  ],
  fields: {},
};

/** Advanced currency management: rates per period (`StartDate` up to `NextStartDate`), per one corporate unit. */
export const salesforceDatedConversionRates: SourceAdapter = {
  id: 'salesforce.dated-conversion-rate',
  crm: 'Salesforce',
  label: 'Salesforce DatedConversionRate.csv (Data Export)',
  target: 'exchangeRates',
  signatures: [{ keys: ['iso', 'rate', 'start'] }],
  columns: [
    { key: 'iso', headers: ['IsoCode'], required: true },
    { key: 'rate', headers: ['ConversionRate'], required: true },
    { key: 'start', headers: ['StartDate'], required: true },
    { key: 'next', headers: ['NextStartDate'] },
  ],
  fields: {},
};
