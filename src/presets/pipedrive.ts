/**
 * Pipedrive exports (a Deals / Organizations / Activities list view → … → Export filter results,
 * or Tools and apps → Export data), CSV: headers `Entity - Field` (`Deal - Title`); owners,
 * organisations and people by name; `Deal - Status` open / won / lost, with the stage the deal was
 * in when it closed; the close date is the won time, the lost time or the expected close date by
 * status. Swedish (`Affär - Titel`) and Danish (`Handel - Titel`) headers and status words are
 * accepted on a best-effort basis. Deleted deals are skipped.
 *
 * Exports made from a single entity's view may leave the prefix out (`ID, Title, Owner, Value,
 * Currency of Value, Status, Deal created, Won time, …`): each adapter has a twin reading the same
 * headers without the prefix, recognised by headers no other CRM writes together.
 */
import type { ActivityType } from '../core/records.ts';
import { stageWithStatus, statusFromWord } from './deal-status.ts';
import type { RowContext, SourceAdapter } from './types.ts';
import { currencyCode, either, isTrue, minutesFromClock } from './values.ts';

/** `Field` under the English, Swedish and Danish entity prefix, e.g. deal('Title', 'Titel', 'Titel'). */
function prefixed(prefixes: [string, string, string], en: string[], sv: string[], da: string[]): string[] {
  return [...en.map((f) => `${prefixes[0]} - ${f}`), ...sv.map((f) => `${prefixes[1]} - ${f}`), ...da.map((f) => `${prefixes[2]} - ${f}`)];
}
const deal = (en: string[], sv: string[], da: string[]) => prefixed(['Deal', 'Affär', 'Handel'], en, sv, da);
const org = (en: string[], sv: string[], da: string[]) => prefixed(['Organization', 'Organisation', 'Organisation'], en, sv, da);
const activity = (en: string[], sv: string[], da: string[]) => prefixed(['Activity', 'Aktivitet', 'Aktivitet'], en, sv, da);

/** Pipedrive's default pipeline → tavla's default stage ids. */
const PIPEDRIVE_STAGES: Record<string, string> = {
  Qualified: 'qualification',
  'Contact Made': 'meeting',
  'Demo Scheduled': 'meeting',
  'Needs Defined': 'meeting',
  'Proposal Made': 'proposal',
  'Negotiations Started': 'negotiation',
};

const status = (row: RowContext) => statusFromWord(row.get('status'));

export const pipedriveDeals: SourceAdapter = {
  id: 'pipedrive.deals',
  crm: 'Pipedrive',
  label: 'Pipedrive deals export',
  target: 'deals',
  signatures: [{ keys: ['title', 'status'] }],
  columns: [
    { key: 'id', headers: deal(['ID', 'Pipedrive System ID'], ['ID'], ['ID']) },
    { key: 'title', headers: deal(['Title'], ['Titel'], ['Titel']), required: true },
    { key: 'value', headers: deal(['Value'], ['Värde'], ['Værdi']), required: true },
    { key: 'currency', headers: deal(['Currency', 'Currency of value'], ['Valuta'], ['Valuta']) },
    { key: 'stage', headers: deal(['Stage', 'Stage (pipeline)'], ['Steg', 'Fas'], ['Fase', 'Stadie']) },
    { key: 'status', headers: deal(['Status'], ['Status'], ['Status']), required: true },
    { key: 'owner', headers: deal(['Owner'], ['Ägare'], ['Ejer']), required: true },
    { key: 'org', headers: [...deal(['Organization', 'Organization name'], ['Organisation'], ['Organisation']), 'Organization', 'Organisation'] },
    { key: 'person', headers: [...deal(['Contact person'], ['Kontaktperson'], ['Kontaktperson']), 'Contact person', 'Kontaktperson'] },
    {
      key: 'created',
      headers: deal(['Deal created', 'Creation date', 'Add time', 'Deal created on'], ['Affär skapad', 'Skapad'], ['Handel oprettet', 'Oprettet']),
      required: true,
    },
    { key: 'won', headers: deal(['Won time'], ['Vunnen tid', 'Tid för vinst'], ['Vundet tidspunkt', 'Tidspunkt for vundet']) },
    { key: 'lost', headers: deal(['Lost time'], ['Förlorad tid', 'Tid för förlust'], ['Tabt tidspunkt', 'Tidspunkt for tabt']) },
    {
      key: 'expected',
      headers: deal(['Expected close date'], ['Förväntat slutdatum', 'Förväntat avslutsdatum'], ['Forventet lukkedato', 'Forventet afslutningsdato']),
    },
    { key: 'closedOn', headers: deal(['Deal closed on', 'Closed on', 'Close time'], ['Affär stängd', 'Stängd'], ['Handel lukket', 'Lukket']) },
    { key: 'lostReason', headers: deal(['Lost reason'], ['Förlustorsak', 'Anledning till förlust'], ['Tabsårsag', 'Årsag til tab']) },
    { key: 'updated', headers: deal(['Update time'], ['Uppdateringstid', 'Uppdaterad'], ['Opdateringstidspunkt', 'Opdateret']) },
  ],
  requireOneOf: [['org', 'person']],
  fields: {
    // Without a `Deal - ID` column the title is the id (a repeated title is then a DuplicateId).
    id: { from: ['id', 'title'], value: (row) => either(row.get('id'), row.get('title')) },
    name: 'title',
    // A deal with a contact person but no organisation is that person's deal.
    account_id: { from: ['org', 'person'], value: (row) => either(row.get('org'), row.get('person')) },
    owner: 'owner',
    stage: {
      from: ['stage', 'status'],
      value: (row) => {
        const s = status(row);
        return stageWithStatus(row.get('stage'), s === 'deleted' ? undefined : s, row.settings);
      },
    },
    amount: 'value',
    currency: { from: ['currency'], value: (row) => currencyCode(row.get('currency')) },
    created_date: 'created',
    close_date: {
      from: ['expected', 'won', 'lost', 'closedOn'],
      value: (row) => {
        const s = status(row);
        if (s === 'won') return either(row.get('won'), row.get('closedOn'));
        if (s === 'lost') return either(row.get('lost'), row.get('closedOn'));
        return row.get('expected');
      },
    },
    lost_reason: 'lostReason',
    updated_date: 'updated',
  },
  stageAliases: PIPEDRIVE_STAGES,
  decimal: '.',
  skip: (row) => status(row) === 'deleted',
};

export const pipedriveOrganizations: SourceAdapter = {
  id: 'pipedrive.organizations',
  crm: 'Pipedrive',
  label: 'Pipedrive organizations export',
  target: 'accounts',
  signatures: [{ keys: ['name'] }],
  columns: [
    { key: 'id', headers: org(['ID', 'Pipedrive System ID'], ['ID'], ['ID']) },
    { key: 'name', headers: org(['Name'], ['Namn'], ['Navn']), required: true },
    { key: 'owner', headers: org(['Owner'], ['Ägare'], ['Ejer']) },
    {
      key: 'created',
      headers: org(['Organization created', 'Creation date', 'Add time'], ['Organisation skapad', 'Skapad'], ['Organisation oprettet', 'Oprettet']),
    },
    { key: 'country', headers: org(['Address - Country of Address', 'Country'], ['Land'], ['Land']) },
  ],
  fields: {
    id: { from: ['id', 'name'], value: (row) => either(row.get('id'), row.get('name')) },
    name: 'name',
    owner: 'owner',
    created_date: 'created',
    country: 'country',
  },
};

const MEETINGS = new Set(['meeting', 'lunch', 'möte', 'møde', 'møte', 'frokost']);

/** A meeting is held when marked done, booked until then; other types go through the type map. */
function activityType(row: RowContext): string | undefined {
  const type = row.get('type');
  if (type !== undefined && MEETINGS.has(type.toLowerCase())) return isTrue(row.get('done')) ? 'meeting_held' : 'meeting_booked';
  return type;
}

/** Pipedrive's default activity types (English, Swedish, Danish) → activity types. */
const PIPEDRIVE_ACTIVITY_TYPES: Record<string, ActivityType> = {
  Call: 'call',
  Email: 'email',
  Task: 'task',
  Deadline: 'task',
  Samtal: 'call',
  'E-post': 'email',
  Uppgift: 'task',
  Opkald: 'call',
  'E-mail': 'email',
  Opgave: 'task',
};

export const pipedriveActivities: SourceAdapter = {
  id: 'pipedrive.activities',
  crm: 'Pipedrive',
  label: 'Pipedrive activities export',
  target: 'activities',
  signatures: [{ keys: ['type', 'due'] }],
  columns: [
    { key: 'id', headers: activity(['ID', 'Pipedrive System ID'], ['ID'], ['ID']) },
    { key: 'type', headers: activity(['Type'], ['Typ'], ['Type']), required: true },
    { key: 'due', headers: activity(['Due date'], ['Förfallodatum', 'Förfallodag'], ['Forfaldsdato']), required: true },
    { key: 'done', headers: activity(['Done'], ['Klar', 'Utförd'], ['Udført', 'Færdig']) },
    {
      key: 'owner',
      headers: activity(['Assigned to user', 'Owner'], ['Tilldelad användare', 'Ägare'], ['Tildelt bruger', 'Ejer']),
      required: true,
    },
    { key: 'dealId', headers: [...activity(['Deal ID'], ['Affärs-ID'], ['Handels-ID']), 'Deal - ID'] },
    { key: 'deal', headers: [...activity(['Deal'], ['Affär'], ['Handel']), 'Deal', 'Deal - Title'] },
    { key: 'orgId', headers: [...activity(['Organization ID'], ['Organisations-ID'], ['Organisations-ID']), 'Organization - ID'] },
    { key: 'org', headers: [...activity(['Organization'], ['Organisation'], ['Organisation']), 'Organization', 'Organization - Name'] },
    { key: 'duration', headers: activity(['Duration'], ['Varaktighet', 'Längd'], ['Varighed']) },
  ],
  fields: {
    id: 'id',
    type: { from: ['type'], value: activityType },
    date: 'due',
    owner: 'owner',
    account_id: { from: ['orgId', 'org'], value: (row) => either(row.get('orgId'), row.get('org')) },
    deal_id: { from: ['dealId', 'deal'], value: (row) => either(row.get('dealId'), row.get('deal')) },
    duration_minutes: { from: ['duration'], value: (row) => minutesFromClock(row.get('duration')) },
  },
  activityTypeMap: PIPEDRIVE_ACTIVITY_TYPES,
};

/** `Deal - Title` → `Title`: the header without its `Entity - ` prefix (an inner ` - ` stays). */
function unprefixed(header: string): string {
  const at = header.indexOf(' - ');
  return at === -1 ? header : header.slice(at + 3);
}

/** The same adapter reading headers without the `Entity - ` prefix. */
function withoutPrefixes(adapter: SourceAdapter, id: string, signatures: SourceAdapter['signatures']): SourceAdapter {
  return {
    ...adapter,
    id,
    label: `${adapter.label} (headers without prefix)`,
    signatures,
    columns: adapter.columns.map((column) => ({
      ...column,
      headers: [...new Set(column.headers.map(unprefixed))],
    })),
  };
}

export const pipedriveDealsPlain = withoutPrefixes(pipedriveDeals, 'pipedrive.deals-plain', [{ keys: ['title', 'status', 'value', 'created'] }]);

export const pipedriveOrganizationsPlain = withoutPrefixes(pipedriveOrganizations, 'pipedrive.organizations-plain', [
  { keys: ['name'], fileName: /^organi[sz]ations?[-_ ]/i },
  { keys: ['name', 'owner', 'created'] },
]);

export const pipedriveActivitiesPlain = withoutPrefixes(pipedriveActivities, 'pipedrive.activities-plain', [{ keys: ['type', 'due', 'done'] }]);
