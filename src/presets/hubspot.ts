/**
 * HubSpot exports (CRM → Deals / Companies / Calls / Meetings → Export view; Settings → Users &
 * Teams → Export users): headers are property labels, led by `Record ID`; owners by name; several
 * associated records in one cell separated by `;`; dates `YYYY-MM-DD` or `YYYY-MM-DD HH:MM` in the
 * account's time zone; call duration in milliseconds. Swedish and Danish labels are accepted on a
 * best-effort basis (HubSpot translates standard property labels with the user's language).
 * Stage labels: the settings' stages and HubSpot's default pipeline; any other label containing
 * "won"/"lost" (`Closed Won`, `Stängd vunnen`) in any pipeline is won or lost.
 */
import type { ActivityType, Channel } from '../core/records.ts';
import { knownStage, stageWithStatus, statusFromLabel, type DealStatus } from './deal-status.ts';
import type { RowContext, SourceAdapter } from './types.ts';
import { either, firstOf, fullName, isTrue, minutesBetween, minutesFromMilliseconds, present } from './values.ts';

const ID = ['Record ID', 'Post-ID', 'Record-ID', 'Objekt-ID'];
const CREATED = ['Create Date', 'Created Date', 'Skapandedatum', 'Skapat datum', 'Oprettelsesdato'];
const COMPANY_IDS = ['Associated Company IDs (Primary)', 'Associated Company IDs', 'Associated Company ID'];
const COMPANY_NAMES = ['Associated Company (Primary)', 'Associated Company', 'Associerat företag', 'Tilknyttet virksomhed'];
const DEAL_IDS = ['Associated Deal IDs', 'Associated Deal ID'];
const DEAL_NAMES = ['Associated Deal', 'Associerad affär', 'Tilknyttet aftale'];
const ACTIVITY_DATE = ['Activity date', 'Aktivitetsdatum', 'Aktivitetsdato'];
const ASSIGNED = ['Activity assigned to', 'Aktivitet tilldelad till', 'Aktivitet tildelt til'];

/** HubSpot's default sales pipeline (labels and internal values) → tavla's default stage ids. */
const HUBSPOT_STAGES: Record<string, string> = {
  'Appointment Scheduled': 'meeting',
  appointmentscheduled: 'meeting',
  'Qualified To Buy': 'meeting',
  qualifiedtobuy: 'meeting',
  'Presentation Scheduled': 'proposal',
  presentationscheduled: 'proposal',
  'Decision Maker Bought-In': 'negotiation',
  decisionmakerboughtin: 'negotiation',
  'Contract Sent': 'negotiation',
  contractsent: 'negotiation',
  'Closed Won': 'won',
  closedwon: 'won',
  'Closed Lost': 'lost',
  closedlost: 'lost',
  // The same pipeline with the user's language Swedish or Danish (labels as exported; *inferred*).
  'Bokat möte': 'meeting',
  'Möte bokat': 'meeting',
  'Kvalificerad att köpa': 'meeting',
  'Presentation bokad': 'proposal',
  'Beslutsfattare övertygad': 'negotiation',
  'Avtal skickat': 'negotiation',
  'Kontrakt skickat': 'negotiation',
  'Møde planlagt': 'meeting',
  'Kvalificeret til køb': 'meeting',
  'Præsentation planlagt': 'proposal',
  'Beslutningstager overbevist': 'negotiation',
  'Kontrakt sendt': 'negotiation',
};

/** `Deal Type` (labels and internal values) → channel. */
const HUBSPOT_CHANNELS: Record<string, Channel> = {
  'New Business': 'new',
  newbusiness: 'new',
  'Existing Business': 'upsell',
  existingbusiness: 'upsell',
  'Ny affär': 'new',
  'Befintlig affär': 'upsell',
  'Ny forretning': 'new',
  'Eksisterende forretning': 'upsell',
};

const HUBSPOT_FORECAST: Record<string, string> = {
  'not forecasted': 'omitted',
  'closed won': 'closed',
  'closed lost': 'omitted',
};

/** Won/lost: `Is Closed Won` when exported, else the stage label when the settings do not know it. */
function dealStatus(row: RowContext): DealStatus | undefined {
  if (present(row.get('closedWon')) !== undefined) {
    if (isTrue(row.get('closedWon'))) return 'won';
    if (present(row.get('isClosed')) !== undefined) return isTrue(row.get('isClosed')) ? 'lost' : 'open';
  }
  const stage = row.get('stage');
  return knownStage(stage, row.settings) ? undefined : statusFromLabel(stage);
}

const association = (ids: string, names: string) => ({
  from: [ids, names],
  value: (row: RowContext) => firstOf(row.get(ids), /;/) ?? firstOf(row.get(names), /;/),
});

export const hubspotDeals: SourceAdapter = {
  id: 'hubspot.deals',
  crm: 'HubSpot',
  label: 'HubSpot deals export',
  target: 'deals',
  signatures: [{ keys: ['name', 'stage'] }],
  columns: [
    { key: 'id', headers: [...ID, 'Deal ID'] },
    { key: 'name', headers: ['Deal Name', 'Affärsnamn', 'Aftalenavn'], required: true },
    { key: 'stage', headers: ['Deal Stage', 'Affärsfas', 'Affärsstadium', 'Aftalefase'], required: true },
    { key: 'amount', headers: ['Amount', 'Belopp', 'Beløb'], required: true },
    { key: 'currency', headers: ['Currency', 'Deal currency code', 'Valuta'] },
    { key: 'close', headers: ['Close Date', 'Stängningsdatum', 'Lukkedato'], required: true },
    { key: 'created', headers: CREATED, required: true },
    { key: 'owner', headers: ['Deal owner', 'Affärsägare', 'Aftaleejer'], required: true },
    { key: 'type', headers: ['Deal Type', 'Affärstyp', 'Aftaletype'] },
    { key: 'companyIds', headers: COMPANY_IDS },
    { key: 'companyNames', headers: COMPANY_NAMES },
    { key: 'forecast', headers: ['Forecast category', 'Prognoskategori', 'Prognosekategori'] },
    { key: 'lostReason', headers: ['Closed Lost Reason', 'Orsak till förlorad affär', 'Årsag til tabt aftale'] },
    { key: 'source', headers: ['Original Source Type', 'Original Traffic Source', 'Original Source'] },
    { key: 'closedWon', headers: ['Is Closed Won', 'Is closed won'] },
    { key: 'isClosed', headers: ['Is Deal Closed?', 'Is Closed'] },
    { key: 'updated', headers: ['Last Modified Date', 'Senast ändrad', 'Senast ändrat datum', 'Sidst ændret'] },
  ],
  requireOneOf: [['companyIds', 'companyNames']],
  fields: {
    id: { from: ['id', 'name'], value: (row) => either(row.get('id'), row.get('name')) },
    name: 'name',
    account_id: association('companyIds', 'companyNames'),
    owner: 'owner',
    stage: { from: ['stage'], value: (row) => stageWithStatus(row.get('stage'), dealStatus(row), row.settings) },
    amount: 'amount',
    currency: 'currency',
    created_date: 'created',
    close_date: 'close',
    channel: 'type',
    forecast_category: {
      from: ['forecast'],
      value: (row) => {
        const value = present(row.get('forecast'));
        return value === undefined ? undefined : (HUBSPOT_FORECAST[value.toLowerCase()] ?? value);
      },
    },
    source: 'source',
    lost_reason: 'lostReason',
    updated_date: 'updated',
  },
  stageAliases: HUBSPOT_STAGES,
  channelMap: HUBSPOT_CHANNELS,
  decimal: '.',
};

export const hubspotCompanies: SourceAdapter = {
  id: 'hubspot.companies',
  crm: 'HubSpot',
  label: 'HubSpot companies export',
  target: 'accounts',
  signatures: [{ keys: ['id', 'name', 'owner'] }, { keys: ['id', 'name'], fileName: /compan|företag|virksomhed/i }],
  columns: [
    { key: 'id', headers: [...ID, 'Company ID'], required: true },
    { key: 'name', headers: ['Company name', 'Företagsnamn', 'Virksomhedsnavn'], required: true },
    { key: 'owner', headers: ['Company owner', 'Företagsägare', 'Virksomhedsejer'] },
    { key: 'country', headers: ['Country/Region', 'Land/region', 'Land/område'] },
    { key: 'created', headers: CREATED },
  ],
  fields: { id: 'id', name: 'name', owner: 'owner', country: 'country', created_date: 'created' },
};

const activityColumns = [
  { key: 'id', headers: ID },
  { key: 'date', headers: ACTIVITY_DATE, required: true },
  { key: 'owner', headers: ASSIGNED, required: true },
  { key: 'companyIds', headers: COMPANY_IDS },
  { key: 'companyNames', headers: COMPANY_NAMES },
  { key: 'dealIds', headers: DEAL_IDS },
  { key: 'dealNames', headers: DEAL_NAMES },
];
const activityFields = {
  id: 'id',
  date: 'date',
  owner: 'owner',
  account_id: association('companyIds', 'companyNames'),
  deal_id: association('dealIds', 'dealNames'),
};

export const hubspotCalls: SourceAdapter = {
  id: 'hubspot.calls',
  crm: 'HubSpot',
  label: 'HubSpot calls export',
  target: 'activities',
  signatures: [{ keys: ['duration', 'date'] }, { keys: ['outcome', 'date'] }],
  columns: [
    ...activityColumns,
    { key: 'duration', headers: ['Call duration', 'Samtalslängd', 'Opkaldsvarighed'] },
    { key: 'outcome', headers: ['Call outcome', 'Samtalsresultat', 'Opkaldsresultat'] },
  ],
  fields: {
    ...activityFields,
    type: { from: [], value: () => 'call' },
    duration_minutes: { from: ['duration'], value: (row) => minutesFromMilliseconds(row.get('duration')) },
  },
};

/** `Meeting outcome` → held or booked; without an outcome, held once its day has come. */
function meetingType(row: RowContext): ActivityType {
  const outcome = (row.get('outcome') ?? '').toLowerCase().replace(/[\s_-]+/g, '');
  if (['completed', 'genomfört', 'genomförd', 'afholdt', 'gennemført'].includes(outcome)) return 'meeting_held';
  if (outcome !== '') return 'meeting_booked';
  const day = (row.get('date') ?? '').slice(0, 10);
  return /^\d{4}-\d{2}-\d{2}$/.test(day) && day > row.asOf ? 'meeting_booked' : 'meeting_held';
}

export const hubspotMeetings: SourceAdapter = {
  id: 'hubspot.meetings',
  crm: 'HubSpot',
  label: 'HubSpot meetings export',
  target: 'activities',
  signatures: [{ keys: ['outcome', 'date'] }, { keys: ['start', 'date'] }],
  columns: [
    ...activityColumns,
    { key: 'outcome', headers: ['Meeting outcome', 'Mötesresultat', 'Mødets resultat', 'Mødeudfald'] },
    { key: 'start', headers: ['Meeting start time', 'Mötets starttid', 'Mødets starttidspunkt'] },
    { key: 'end', headers: ['Meeting end time', 'Mötets sluttid', 'Mødets sluttidspunkt'] },
  ],
  fields: {
    ...activityFields,
    date: { from: ['date', 'start'], value: (row) => either(row.get('date'), row.get('start')) },
    type: { from: ['outcome'], value: meetingType },
    duration_minutes: { from: ['start'], value: (row) => minutesBetween(row.get('start'), row.get('end')) },
  },
};

export const hubspotUsers: SourceAdapter = {
  id: 'hubspot.users',
  crm: 'HubSpot',
  label: 'HubSpot users export',
  target: 'users',
  signatures: [{ keys: ['id', 'first', 'last', 'email'] }],
  columns: [
    { key: 'id', headers: ['User ID', 'Användar-ID', 'Bruger-ID'], required: true },
    { key: 'first', headers: ['First Name', 'Förnamn', 'Fornavn'] },
    { key: 'last', headers: ['Last Name', 'Efternamn', 'Efternavn'] },
    { key: 'email', headers: ['Email', 'Email Address', 'E-post', 'E-postadress', 'E-mail', 'E-mailadresse'] },
    { key: 'teams', headers: ['Teams', 'Team', 'Assigned teams', 'Primary team', 'Tilldelade team', 'Tildelte teams'] },
  ],
  fields: {
    id: { from: ['id', 'email'], value: (row) => either(row.get('id'), row.get('email')) },
    name: { from: ['first', 'last'], value: (row) => either(fullName(row.get('first'), row.get('last')), row.get('email')) },
    email: 'email',
    // The first team when a user is in several; no team when none.
    team: { from: ['teams'], value: (row) => firstOf(row.get('teams')) },
  },
};
