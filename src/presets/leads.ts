/**
 * Lead-level exports read as `leads.csv`, as the CRMs write them:
 * - HubSpot contacts export (Contacts → Export view): `Record ID`, `Create Date`, `Lifecycle
 *   Stage`, `Lead Status`, `Original Source`, `Contact owner` (a name), the "Became a … Date"
 *   properties (lead, MQL, SQL, opportunity, customer) and `Associated Deal IDs`. A contact
 *   enters the chain the day it became a lead, else the day it was created.
 * - Salesforce `Lead.csv` (Data Export / Data Loader): `Id`, `CreatedDate` (UTC), `LeadSource`,
 *   `Status`, `OwnerId`, `IsConverted`, `ConvertedDate`, `ConvertedOpportunityId`; deleted
 *   records skipped. "Closed - Not Converted" closes a lead.
 * - Pipedrive leads export (Leads inbox → Export): `Lead - …` headers (Swedish `Lead - …`,
 *   Danish `Lead - …` too), owner by name, source as the source origin or channel.
 * Owners given by name are resolved to ids where a users export knows them.
 */
import type { RowContext, SourceAdapter } from './types.ts';
import { either, firstOf, isTrue, salesforceId, utcStamp } from './values.ts';

const lead = (fields: string[]) => fields.map((field) => `Lead - ${field}`);

export const hubspotContacts: SourceAdapter = {
  id: 'hubspot.contacts',
  crm: 'HubSpot',
  label: 'HubSpot contacts export',
  target: 'leads',
  signatures: [{ keys: ['id', 'created', 'lifecycle'] }, { keys: ['id', 'created', 'mql'] }],
  columns: [
    { key: 'id', headers: ['Record ID', 'Contact ID', 'Post-ID', 'Record-ID', 'Objekt-ID'], required: true },
    { key: 'created', headers: ['Create Date', 'Created Date', 'Skapandedatum', 'Oprettelsesdato'], required: true },
    { key: 'becameLead', headers: ['Became a Lead Date'] },
    { key: 'lifecycle', headers: ['Lifecycle Stage', 'Livscykelfas', 'Livscyklusfase'] },
    { key: 'leadStatus', headers: ['Lead Status', 'Leadstatus'] },
    { key: 'source', headers: ['Original Source', 'Original Source Type', 'Ursprunglig källa', 'Oprindelig kilde'] },
    { key: 'drillDown', headers: ['Original Source Drill-Down 1'] },
    { key: 'owner', headers: ['Contact owner', 'Kontaktägare', 'Kontaktejer'] },
    { key: 'mql', headers: ['Became a Marketing Qualified Lead Date'] },
    { key: 'sql', headers: ['Became a Sales Qualified Lead Date'] },
    { key: 'opportunity', headers: ['Became an Opportunity Date'] },
    { key: 'customer', headers: ['Became a Customer Date'] },
    { key: 'deals', headers: ['Associated Deal IDs', 'Associated Deal ID'] },
    // Read for recognition only: a contacts export also has these, a users export too.
    { key: 'first', headers: ['First Name', 'Förnamn', 'Fornavn'] },
    { key: 'email', headers: ['Email', 'E-post', 'E-mail'] },
  ],
  fields: {
    id: 'id',
    created_date: { from: ['becameLead', 'created'], value: (row) => either(row.get('becameLead'), row.get('created')) },
    source: 'source',
    campaign: 'drillDown',
    owner: 'owner',
    status: { from: ['leadStatus', 'lifecycle'], value: (row) => either(row.get('leadStatus'), row.get('lifecycle')) },
    qualified_date: { from: ['mql', 'sql'], value: (row) => either(row.get('mql'), row.get('sql')) },
    converted_date: 'opportunity',
    won_date: 'customer',
    deal_id: { from: ['deals'], value: (row) => firstOf(row.get('deals')) },
  },
};

const stamp = (key: string) => ({ from: [key], value: (row: RowContext) => utcStamp(row.get(key)) });

export const salesforceLeads: SourceAdapter = {
  id: 'salesforce.lead',
  crm: 'Salesforce',
  label: 'Salesforce Lead.csv (Data Export)',
  target: 'leads',
  signatures: [{ keys: ['id', 'created', 'isConverted'] }, { keys: ['id', 'created'], fileName: /^lead\.csv$/i }],
  columns: [
    { key: 'id', headers: ['Id'], required: true },
    { key: 'created', headers: ['CreatedDate'], required: true },
    { key: 'source', headers: ['LeadSource'] },
    { key: 'status', headers: ['Status'] },
    { key: 'owner', headers: ['OwnerId'] },
    { key: 'isConverted', headers: ['IsConverted'] },
    { key: 'convertedDate', headers: ['ConvertedDate'] },
    { key: 'opportunity', headers: ['ConvertedOpportunityId'] },
    { key: 'deleted', headers: ['IsDeleted'] },
  ],
  fields: {
    id: 'id',
    created_date: stamp('created'),
    source: 'source',
    owner: { from: ['owner'], value: (row) => salesforceId(row.get('owner')) },
    status: 'status',
    // A converted lead's date; an unconverted one has none, whatever the cell says.
    converted_date: {
      from: ['convertedDate'],
      value: (row) => (row.has('isConverted') && !isTrue(row.get('isConverted')) ? undefined : utcStamp(row.get('convertedDate'))),
    },
    deal_id: { from: ['opportunity'], value: (row) => salesforceId(row.get('opportunity')) },
  },
  decimal: '.',
  skip: (row) => isTrue(row.get('deleted')),
};

export const pipedriveLeads: SourceAdapter = {
  id: 'pipedrive.leads',
  crm: 'Pipedrive',
  label: 'Pipedrive leads export',
  target: 'leads',
  signatures: [{ keys: ['title', 'created'] }],
  columns: [
    { key: 'id', headers: lead(['ID', 'Lead ID']), required: true },
    { key: 'title', headers: lead(['Title', 'Titel']) },
    { key: 'created', headers: lead(['Lead created', 'Created', 'Add time', 'Skapad', 'Oprettet']), required: true },
    { key: 'owner', headers: lead(['Owner', 'Ägare', 'Ejer']) },
    { key: 'origin', headers: lead(['Source origin', 'Source', 'Källa', 'Kilde']) },
    { key: 'channel', headers: lead(['Source channel', 'Channel', 'Kanal']) },
    { key: 'labels', headers: lead(['Labels', 'Etiketter', 'Etiketter']) },
    { key: 'status', headers: lead(['Status', 'Archived', 'Arkiverad', 'Arkiveret']) },
  ],
  fields: {
    id: 'id',
    created_date: 'created',
    source: { from: ['channel', 'origin'], value: (row) => either(row.get('channel'), row.get('origin')) },
    campaign: 'labels',
    owner: 'owner',
    status: 'status',
  },
};

/** Every lead preset, in the order detection prefers them on a tie. */
export const LEAD_PRESETS: readonly SourceAdapter[] = [salesforceLeads, hubspotContacts, pipedriveLeads];
