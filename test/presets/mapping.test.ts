// The settings' mapping: constants, a status from dates, a second file joined by key; errors naming the key and the file.
import { afterAll, describe, expect, it } from 'vitest';
import { loadRecords } from '../../src/pipeline/load-records.ts';
import { settingsSchema, type SettingsInput } from '../../src/settings/schema.ts';
import { tempFolders } from '../pipeline/folder.ts';

const temp = tempFolders('mapping');
afterAll(() => temp.cleanup());

const LEADS = 'mql_id,first_contact_date,landing_page_id,origin\nm1,2026-01-05,lp1,paid_search\nm2,2026-01-09,lp2,\nm3,2026-02-01,lp1,social\n';
const WON =
  'mql_id,seller_id,sdr_id,sr_id,won_date,declared_monthly_revenue\nm1,s-1,sdr-1,sr-1,2026-02-10 10:00:00,1000\nm2,s-2,sdr-1,sr-2,2026-03-01 09:30:00,0\n';
const dealsMapping = (extra: object) => ({
  file: 'won.csv',
  columns: {
    id: 'mql_id',
    lead_id: 'mql_id',
    account_id: 'seller_id',
    owner: 'sr_id',
    sdr: 'sdr_id',
    close_date: 'won_date',
    amount: 'declared_monthly_revenue',
  },
  join: { file: 'mqls.csv', key: 'mql_id', on: 'mql_id', columns: { created_date: 'first_contact_date', source: 'origin' } },
  ...extra,
});
const settingsWith = (mapping: SettingsInput['mapping']) => settingsSchema.parse({ asOf: '2026-06-30', mapping });

describe('mapping', () => {
  it('gives a won-deals file its status as a constant and its created date and source from the leads it points to', async () => {
    const settings = settingsWith({ leads: { file: 'mqls.csv' }, deals: dealsMapping({ constants: { status: 'won' } }) });
    const loaded = await loadRecords(temp.folder({ 'mqls.csv': LEADS, 'won.csv': WON }), settings);
    expect(loaded.fatal).toEqual([]);
    // m1: created 2026-01-05 and source paid_search from mqls.csv; m2: blank origin, so no source.
    expect(loaded.records.deals.map((d) => [d.id, d.leadId, d.status, d.stageId, d.created, d.close, d.source, d.ownerId, d.sdrId, d.amount])).toEqual([
      ['m1', 'm1', 'won', 'won', '2026-01-05', '2026-02-10', 'paid_search', 'sr-1', 'sdr-1', 1000],
      ['m2', 'm2', 'won', 'won', '2026-01-09', '2026-03-01', undefined, 'sr-2', 'sdr-1', 0],
    ]);
    expect(loaded.records.leads!.map((l) => [l.id, l.created, l.source, l.campaign])).toEqual([
      ['m1', '2026-01-05', 'paid_search', 'lp1'],
      ['m2', '2026-01-09', undefined, 'lp2'],
      ['m3', '2026-02-01', 'social', 'lp1'],
    ]);
    expect(loaded.sources).toContain('deals: won.csv, read with the mapping from the settings (joined with mqls.csv by mql_id)');
  });

  it('derives the status from dates: a won date set is won, none is open', async () => {
    const won = 'mql_id,seller_id,sr_id,won_date,lost_date,declared_monthly_revenue\nm1,s-1,sr-1,2026-02-10,,10\nm2,s-2,sr-2,,2026-03-02,0\nm3,s-3,sr-2,,,0\n';
    // Open and lost deals have no won date: the close date here is one constant for every row.
    const columns = { id: 'mql_id', lead_id: 'mql_id', account_id: 'seller_id', owner: 'sr_id', amount: 'declared_monthly_revenue' };
    const cleaned = settingsWith({
      deals: dealsMapping({ columns, statusFrom: { won: 'won_date', lost: 'lost_date' }, constants: { close_date: '2026-12-31' } }),
    });
    const loaded = await loadRecords(temp.folder({ 'mqls.csv': LEADS, 'won.csv': won }), cleaned);
    expect(loaded.fatal).toEqual([]);
    expect(loaded.records.deals.map((d) => [d.id, d.status, d.close])).toEqual([
      ['m1', 'won', '2026-12-31'],
      ['m2', 'lost', '2026-12-31'],
      ['m3', 'open', '2026-12-31'],
    ]);
  });

  it('names the mapping key and the file for every problem in it', async () => {
    const settings = settingsWith({
      deals: dealsMapping({
        constants: { status: 'signed', colour: 'red' },
        join: { file: 'mqls.csv', key: 'lead', on: 'mql', columns: { created_date: 'first_contact', source: 'origin' } },
      }),
    });
    const loaded = await loadRecords(temp.folder({ 'mqls.csv': LEADS, 'won.csv': WON }), settings);
    // The mapping stops, so deals.csv is then missing too: only the settings issues are looked at here.
    const settingsIssues = loaded.fatal.filter((i) => i.file === 'tavla.config.json');
    expect(settingsIssues.map((i) => [i.file, i.field, i.message])).toEqual([
      ['tavla.config.json', 'mapping.deals.constants.colour', expect.stringContaining('"colour" is not a column of deals.csv')],
      ['tavla.config.json', 'mapping.deals.constants.status', '"signed" is not a status (open, won or lost) for won.csv'],
      ['tavla.config.json', 'mapping.deals.join.key', expect.stringMatching(/^"lead" is not a column of won\.csv \(columns: mql_id, seller_id/)],
      ['tavla.config.json', 'mapping.deals.join.on', expect.stringMatching(/^"mql" is not a column of mqls\.csv/)],
      ['tavla.config.json', 'mapping.deals.join.columns.created_date', expect.stringMatching(/^"first_contact" is not a column of mqls\.csv/)],
    ]);
  });

  it('names a joined file that is not there', async () => {
    const settings = settingsWith({
      deals: dealsMapping({ constants: { status: 'won' }, join: { file: 'gone.csv', key: 'mql_id', on: 'mql_id', columns: { source: 'origin' } } }),
    });
    const loaded = await loadRecords(temp.folder({ 'won.csv': WON }), settings);
    expect(loaded.fatal.filter((i) => i.file === 'tavla.config.json').map((i) => [i.field, i.message])).toEqual([
      ['mapping.deals.join.file', 'gone.csv is not in the data folder'],
    ]);
  });
});
