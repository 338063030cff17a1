// CRM exports read through their preset in small temp folders: localised headers, report footers,
// a mapping's decimal comma, and the canonical path left exactly as it was.
import { afterAll, describe, expect, it } from 'vitest';
import { loadRecords } from '../../src/pipeline/load-records.ts';
import { settingsSchema } from '../../src/settings/schema.ts';
import { formatIssue } from '../../src/core/issue.ts';
import { tempFolders } from '../pipeline/folder.ts';

const settings = settingsSchema.parse({ asOf: '2026-11-20' });
const temp = tempFolders('presets-read');
afterAll(() => temp.cleanup());

describe('localised exports (best effort)', () => {
  it('a Swedish Pipedrive deals export: Affär - headers and status words', async () => {
    const dir = temp.folder({
      'affarer.csv': [
        'Affär - ID,Affär - Titel,Affär - Värde,Affär - Valuta,Affär - Organisation,Affär - Fas,Affär - Status,Affär - Ägare,Affär - Skapad,Affär - Vunnen tid,Affär - Förlorad tid,Affär - Förväntat slutdatum',
        '1,Licens,100000,SEK,Nordvik AB,Offert gjord,vunnen,Anna Berg,2026-01-10 09:00:00,2026-02-01 10:00:00,,',
        '2,Pilot,50000,SEK,Ek & Son,Offert gjord,förlorad,Bo Lind,2026-01-12 09:00:00,,2026-03-01 10:00:00,',
        '3,Utökning,70000,SEK,Nordvik AB,Qualified,öppen,Anna Berg,2026-10-01 09:00:00,,,2026-12-31',
        '',
      ].join('\n'),
    });
    const loaded = await loadRecords(dir, settings);
    expect(loaded.fatal).toEqual([]);
    expect(loaded.records.deals.map((d) => [d.id, d.status, d.stageId, d.close])).toEqual([
      ['1', 'won', 'won', '2026-02-01'],
      ['2', 'lost', 'lost', '2026-03-01'],
      ['3', 'open', 'qualification', '2026-12-31'],
    ]);
    expect(loaded.sources[0]).toBe('deals: Pipedrive deals export (Affär - Titel, Affär - Status, Affär - Värde, Affär - Ägare, …) in affarer.csv');
  });

  it('a Swedish HubSpot deals export', async () => {
    const dir = temp.folder({
      'hubspot.csv': [
        'Post-ID,Affärsnamn,Affärsfas,Stängningsdatum,Affärsägare,Belopp,Skapandedatum,Associerat företag',
        '11,Licens,Closed Won,2026-02-01,Anna Berg,100000,2026-01-10 09:00,Nordvik AB',
        '12,Pilot,Stängd förlorad,2026-03-01,Bo Lind,50000,2026-01-12 09:00,Ek & Son',
        '',
      ].join('\n'),
    });
    const loaded = await loadRecords(dir, settings);
    expect(loaded.records.deals.map((d) => [d.id, d.status, d.accountId, d.ownerId])).toEqual([
      ['11', 'won', 'Nordvik AB', 'Anna Berg'],
      ['12', 'lost', 'Ek & Son', 'Bo Lind'],
    ]);
  });
});

describe('Salesforce report footer', () => {
  const header = '"Opportunity Owner","Account Name","Opportunity Name","Stage","Amount","Close Date","Created Date"';
  const row = (name: string) => `"Anna Berg","Nordvik AB","${name}","Prospecting","1000","2026-12-01","2026-11-01"`;

  it('is skipped when it carries the copyright line; rows read exclude it', async () => {
    const dir = temp.folder({
      'report.csv': [
        header,
        row('A'),
        row('B'),
        '',
        '"Grand Totals (2 records)"',
        '',
        '"Confidential Information - Do Not Distribute"',
        '"Copyright (c) 2000-2026 salesforce.com, inc. All rights reserved."',
        '',
      ].join('\n'),
    });
    const loaded = await loadRecords(dir, settings);
    expect(loaded.files[0]).toMatchObject({ file: 'report.csv', read: 2, accepted: 2, rejected: 0 });
  });

  it('a one-cell line with rows after it is still a malformed row', async () => {
    const dir = temp.folder({ 'report.csv': [header, row('A'), '"stray"', row('B'), ''].join('\n') });
    const loaded = await loadRecords(dir, settings);
    expect(loaded.files[0]).toMatchObject({ read: 3, accepted: 2, rejected: 1 });
    expect(loaded.rejected.map(formatIssue)).toEqual(['report.csv:3: expected 7 fields as in the header, got 1']);
  });
});

describe('mapping', () => {
  it('reads a column under a header of the user’s choosing, with a decimal comma', async () => {
    const mapped = settingsSchema.parse({
      asOf: '2026-11-20',
      mapping: { deals: { file: 'Affärer.csv', decimal: ',', columns: { id: 'Nr', amount: 'Värde', close_date: 'Avslut', stage: 'Fas' } } },
    });
    const dir = temp.folder({
      'Affärer.csv':
        'Nr;Värde;Avslut;Fas;account_id;owner;created_date\nA1;12.500;2026-12-01;proposal;K1;u1;2026-11-01\nA2;1,5;2026-12-01;proposal;K1;u1;2026-11-01\n',
    });
    const loaded = await loadRecords(dir, mapped);
    expect(loaded.records.deals.map((d) => [d.id, d.amount])).toEqual([
      ['A1', 12500],
      ['A2', 1.5],
    ]);
    expect(loaded.sources).toEqual(['deals: Affärer.csv, read with the mapping from the settings']);
  });
});
