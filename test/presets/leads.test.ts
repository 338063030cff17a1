// Lead exports recognised as they come: which preset reads which header.
import { describe, expect, it } from 'vitest';
import { recognise } from '../../src/presets/detect.ts';

describe('lead presets', () => {
  it('recognise a HubSpot contacts export, not as users', () => {
    const header = ['Record ID', 'First Name', 'Last Name', 'Email', 'Create Date', 'Lifecycle Stage', 'Lead Status', 'Original Source', 'Contact owner'];
    expect(recognise(header, 'hubspot-crm-exports-all-contacts.csv')?.adapter.id).toBe('hubspot.contacts');
  });

  it('recognise a Salesforce Lead.csv by IsConverted, and by its name', () => {
    expect(recognise(['Id', 'LastName', 'Status', 'LeadSource', 'OwnerId', 'IsConverted', 'CreatedDate'], 'Export.csv')?.adapter.id).toBe('salesforce.lead');
    expect(recognise(['Id', 'LastName', 'CreatedDate', 'LeadSource'], 'Lead.csv')?.adapter.id).toBe('salesforce.lead');
  });

  it('recognise a Pipedrive leads export and keep Opportunity.csv and deals exports as deals', () => {
    expect(recognise(['Lead - ID', 'Lead - Title', 'Lead - Owner', 'Lead - Lead created', 'Lead - Source origin'], 'leads.csv')?.adapter.id).toBe(
      'pipedrive.leads',
    );
    expect(recognise(['Id', 'Name', 'AccountId', 'OwnerId', 'StageName', 'Amount', 'CloseDate', 'CreatedDate'], 'Opportunity.csv')?.adapter.target).toBe(
      'deals',
    );
    expect(recognise(['Deal - Title', 'Deal - Value', 'Deal - Status', 'Deal - Owner', 'Deal - Deal created'], 'deals.csv')?.adapter.target).toBe('deals');
  });
});
