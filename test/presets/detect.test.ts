// Detection: which preset a header is, what is logged, and what a folder that cannot be read is told.
import { afterAll, describe, expect, it } from 'vitest';
import { loadRecords } from '../../src/pipeline/load-records.ts';
import { recognise } from '../../src/presets/detect.ts';
import { settingsSchema } from '../../src/settings/schema.ts';
import { formatIssue } from '../../src/core/issue.ts';
import { TINY, tempFolders } from '../pipeline/folder.ts';

const settings = settingsSchema.parse({ asOf: '2026-11-20' });
const temp = tempFolders('presets-detect');
afterAll(() => temp.cleanup());

const idOf = (header: string, file = 'export.csv') => recognise(header.split(','), file)?.adapter.id;

describe('recognise', () => {
  it.each([
    ['Id,IsDeleted,AccountId,Name,StageName,Amount,CloseDate,OwnerId,CreatedDate,IsWon,IsClosed', 'salesforce.opportunity'],
    ['Opportunity Owner,Account Name,Opportunity Name,Stage,Amount,Close Date,Created Date', 'salesforce.opportunity-report'],
    ['Record ID,Deal Name,Deal Stage,Close Date,Deal owner,Amount,Create Date,Associated Company IDs', 'hubspot.deals'],
    ['Deal - ID,Deal - Title,Deal - Value,Deal - Status,Deal - Owner,Deal - Organization,Deal - Deal created', 'pipedrive.deals'],
    ['ID,Title,Owner,Value,Currency of Value,Status,Deal created,Won time,Lost time,Expected close date,Organization', 'pipedrive.deals-plain'],
    ['Affär - ID,Affär - Titel,Affär - Värde,Affär - Status,Affär - Ägare,Affär - Organisation,Affär - Affär skapad', 'pipedrive.deals'],
    ['ID,Titel,Ägare,Värde,Valuta,Status,Affär skapad,Organisation', 'pipedrive.deals-plain'],
    ['ID,Name,Owner,Organization created,Address', 'pipedrive.organizations-plain'],
    ['ID,Subject,Type,Due date,Done,Assigned to user,Deal,Organization,Duration', 'pipedrive.activities-plain'],
    ['Id,WhatId,IsAllDayEvent,ActivityDateTime,ActivityDate,DurationInMinutes,OwnerId,Type', 'salesforce.event'],
    ['Id,Name,BillingCountry,OwnerId', 'salesforce.account'],
    ['Record ID,Company name,Company owner,Create Date', 'hubspot.companies'],
    ['Organization - ID,Organization - Name,Organization - Owner', 'pipedrive.organizations'],
    ['Id,WhatId,Subject,ActivityDate,Status,Priority,OwnerId,TaskSubtype', 'salesforce.task'],
    ['Id,WhatId,IsAllDayEvent,ActivityDate,DurationInMinutes,StartDateTime,OwnerId', 'salesforce.event'],
    ['Record ID,Call Title,Activity date,Activity assigned to,Call duration', 'hubspot.calls'],
    ['Record ID,Meeting name,Activity date,Activity assigned to,Meeting outcome', 'hubspot.meetings'],
    ['Activity - ID,Activity - Type,Activity - Due date,Activity - Done,Activity - Assigned to user', 'pipedrive.activities'],
    ['Id,Username,Name,Email,Department', 'salesforce.user'],
    ['User ID,First Name,Last Name,Email,Teams', 'hubspot.users'],
    ['Id,IsoCode,ConversionRate,IsActive,IsCorporate', 'salesforce.currency-type'],
    ['Id,OpportunityId,CreatedDate,StageName,Amount,CloseDate', 'salesforce.opportunity-history'],
  ])('%s → %s', (header, id) => {
    expect(idOf(header)).toBe(id);
  });

  it('reads localised headers: Swedish HubSpot, Swedish and Danish Pipedrive (best effort)', () => {
    expect(idOf('Post-ID,Affärsnamn,Affärsfas,Stängningsdatum,Belopp,Affärsägare,Skapandedatum,Associerat företag')).toBe('hubspot.deals');
    expect(idOf('Affär - ID,Affär - Titel,Affär - Värde,Affär - Status,Affär - Ägare,Affär - Organisation,Affär - Skapad')).toBe('pipedrive.deals');
    expect(idOf('Handel - ID,Handel - Titel,Handel - Værdi,Handel - Status,Handel - Ejer,Handel - Organisation,Handel - Oprettet')).toBe('pipedrive.deals');
  });

  it('an en dash in "Deal – Title" reads like a hyphen', () => {
    expect(idOf('Deal – Title,Deal – Value,Deal – Status,Deal – Owner,Deal – Organization,Deal – Deal created')).toBe('pipedrive.deals');
  });

  it('prefers the export whose required columns are all there: an activities export with linked deal columns', () => {
    expect(idOf('Activity - Type,Activity - Due date,Activity - Assigned to user,Deal - Title,Deal - Value')).toBe('pipedrive.activities');
  });

  it('a Salesforce Account.csv from Data Loader with few fields is known by its file name', () => {
    expect(idOf('Id,Name,OwnerId', 'Account.csv')).toBe('salesforce.account');
    expect(idOf('Id,Name,OwnerId', 'Leads.csv')).toBeUndefined();
  });

  it('a contacts export is not taken for companies', () => {
    expect(idOf('Record ID,First Name,Last Name,Email,Company Name,Contact owner')).toBeUndefined();
  });
});

describe('detection in a data folder', () => {
  it('the canonical file wins over a recognised export, and says so', async () => {
    const dir = temp.folder({ ...TINY, 'hubspot-deals.csv': 'Record ID,Deal Name,Deal Stage,Close Date,Deal owner,Amount,Create Date,Associated Company\n' });
    const loaded = await loadRecords(dir, settings);
    expect(loaded.sources).toEqual(['deals: hubspot-deals.csv (HubSpot deals export) ignored: deals.csv is used']);
    expect(loaded.files[0]).toMatchObject({ file: 'deals.csv', read: 3 });
  });

  it('a recognised export missing required columns: one MissingColumn each, with the closest header', async () => {
    const dir = temp.folder({
      'deals.export.csv': 'Deal - ID,Deal - Title,Deal - Valeu,Deal - Status,Deal - Owner,Deal - Organization\n1,A,10,open,Anna,Org\n',
    });
    const loaded = await loadRecords(dir, settings);
    expect(loaded.fatal.map(formatIssue)).toEqual([
      'deals.export.csv:1: Deal - Value: required column "Deal - Value" not found; closest header is "Deal - Valeu"',
      'deals.export.csv:1: Deal - Deal created: required column "Deal - Deal created" not found',
    ]);
  });

  it('no deals file and no deals export recognised: the message names the export that came closest', async () => {
    const dir = temp.folder({ 'Opps.csv': 'Opportunity Name,Stage,Amount\nA,Prospecting,1\n', 'notes.csv': 'a,b\n1,2\n' });
    const loaded = await loadRecords(dir, settings);
    expect(loaded.fatal.map((i) => i.code)).toEqual(['MissingFile']);
    expect(loaded.fatal[0]!.message).toMatch(
      /^required file not found in the data folder \(.*\); no deals export recognised: Opps\.csv looks like a Salesforce opportunities report but has no "Close Date", "Opportunity Owner", "Created Date", "Account Name"$/,
    );
    expect(loaded.sources).toEqual(['not recognised, not read: Opps.csv, notes.csv']);
  });

  it('a near miss needs two identifying headers: a shared "Id" points to no CRM', async () => {
    const dir = temp.folder({ 'deals-1.csv': 'ID,Title,Owner,Status,Deal created,Organization\n1,A,B,open,2026-01-01,C\n', 'Event.csv': 'Id,Subject\n1,x\n' });
    const loaded = await loadRecords(dir, settings);
    expect(loaded.fatal[0]!.message).toMatch(
      /no deals export recognised: deals-1\.csv looks like a Pipedrive deals export \(headers without prefix\) but has no "Value"$/,
    );
  });

  it('an export that is not CSV text is named first, never blamed on another file', async () => {
    const dir = temp.folder({
      'Opportunity.csv': Uint8Array.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00]),
      'Event.csv': '"Id","WhatId","IsAllDayEvent","ActivityDate","DurationInMinutes","StartDateTime","OwnerId"\n',
    });
    const loaded = await loadRecords(dir, settings);
    expect(loaded.fatal[0]!.message).toMatch(
      /no deals export recognised: Opportunity\.csv is not a CSV text file \(an Excel workbook or ZIP archive; save the sheet as CSV or unpack the archive\)$/,
    );
    expect(loaded.sources).toContain(
      'Opportunity.csv: not read, not a CSV text file (an Excel workbook or ZIP archive; save the sheet as CSV or unpack the archive)',
    );
  });

  it('a mapped column that is not canonical is a settings error naming the key', async () => {
    const mapped = settingsSchema.parse({ mapping: { deals: { file: 'x.csv', columns: { amout: 'Belopp' } } } });
    const loaded = await loadRecords(temp.folder({ 'x.csv': 'a\n' }), mapped);
    expect(loaded.fatal.map((i) => [i.code, i.file, i.field])).toEqual([
      ['InvalidSettings', 'tavla.config.json', 'mapping.deals.columns.amout'],
      ['MissingFile', 'deals.csv', undefined],
    ]);
  });

  it('a mapped file that is not there is a MissingFile naming it', async () => {
    const mapped = settingsSchema.parse({ mapping: { activities: { file: 'Aktiviteter.csv', columns: {} } } });
    const loaded = await loadRecords(temp.folder({ 'deals.csv': TINY['deals.csv']! }), mapped);
    expect(loaded.fatal.map((i) => [i.code, i.file])).toEqual([['MissingFile', 'Aktiviteter.csv']]);
  });
});
