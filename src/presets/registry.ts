/**
 * Every preset, in the order detection prefers them on a tie: deals exports before the
 * accounts and activities exports that may carry some deal columns too.
 */
import { hubspotCalls, hubspotCompanies, hubspotDeals, hubspotMeetings, hubspotUsers } from './hubspot.ts';
import {
  pipedriveActivities,
  pipedriveActivitiesPlain,
  pipedriveDeals,
  pipedriveDealsPlain,
  pipedriveOrganizations,
  pipedriveOrganizationsPlain,
} from './pipedrive.ts';
import {
  salesforceAccounts,
  salesforceCurrencyTypes,
  salesforceDatedConversionRates,
  salesforceEvents,
  salesforceOpportunities,
  salesforceOpportunityHistory,
  salesforceOpportunityStages,
  salesforceTasks,
  salesforceUsers,
} from './salesforce-data-export.ts';
import { salesforceAccountReport, salesforceOpportunityReport } from './salesforce-report.ts';
import type { SourceAdapter } from './types.ts';
import { LEAD_PRESETS } from './leads.ts';

export const PRESETS: readonly SourceAdapter[] = [
  salesforceOpportunities,
  salesforceOpportunityReport,
  hubspotDeals,
  pipedriveDeals,
  pipedriveDealsPlain,
  salesforceAccounts,
  salesforceAccountReport,
  hubspotCompanies,
  pipedriveOrganizations,
  pipedriveOrganizationsPlain,
  salesforceTasks,
  salesforceEvents,
  hubspotCalls,
  hubspotMeetings,
  pipedriveActivities,
  pipedriveActivitiesPlain,
  ...LEAD_PRESETS,
  salesforceUsers,
  hubspotUsers,
  salesforceDatedConversionRates,
  salesforceCurrencyTypes,
  salesforceOpportunityStages,
  salesforceOpportunityHistory,
];
