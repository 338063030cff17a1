// leads.csv read through the pipeline: columns and aliases, an Excel re-save, turned-down statuses.
import { afterAll, describe, expect, it } from 'vitest';
import { loadRecords } from '../../src/pipeline/load-records.ts';
import { isTurnedDown } from '../../src/schemas/leads.ts';
import { settingsSchema } from '../../src/settings/schema.ts';
import { TINY, tempFolders } from '../pipeline/folder.ts';

const settings = settingsSchema.parse({ asOf: '2026-11-20' });
const temp = tempFolders('leads-schema');
afterAll(() => temp.cleanup());

describe('leads.csv', () => {
  it('reads every column, keeps blanks as absent and the deal a lead names', async () => {
    const leads = [
      'id,created_date,source,campaign,owner,status,qualified_date,meeting_date,deal_id,converted_date,won_date',
      'L1,2026-10-01,web,/pricing,u1,Converted,2026-10-03,2026-10-10,D2,2026-10-12,2026-11-02',
      'L2,2026-10-02,,,,Disqualified,,,,,',
      'L3,2026-10-32,web,,,,,,,,',
      '',
    ].join('\n');
    const loaded = await loadRecords(temp.folder({ ...TINY, 'leads.csv': leads }), settings);
    const file = loaded.files.find((f) => f.file === 'leads.csv')!;
    expect([file.read, file.accepted, file.rejected]).toEqual([3, 2, 1]); // L3: no 32 October
    expect(loaded.rejected.find((i) => i.file === 'leads.csv')).toMatchObject({ line: 4, code: 'BadDate' });
    const [l1, l2] = loaded.records.leads!;
    expect(l1).toMatchObject({
      id: 'L1',
      created: '2026-10-01',
      source: 'web',
      campaign: '/pricing',
      ownerId: 'u1',
      qualified: '2026-10-03',
      meeting: '2026-10-10',
      dealId: 'D2',
      converted: '2026-10-12',
      won: '2026-11-02',
      disqualified: false,
    });
    expect(l2).toMatchObject({ id: 'L2', source: undefined, ownerId: '', disqualified: true });
  });

  it('reads an Excel re-save: BOM, semicolons, CRLF and dd-mm-yyyy hh:mm, under the Olist-style headers', async () => {
    const leads = '\uFEFFmql_id;first_contact_date;landing_page_id;origin\r\nM1;14-03-2026 13:05;lp-7;organic_search\r\nM2;02-04-2026 09:41;lp-7;\r\n';
    const loaded = await loadRecords(temp.folder({ ...TINY, 'leads.csv': leads }), settings);
    expect(loaded.records.leads!.map((l) => [l.id, l.created, l.campaign, l.source])).toEqual([
      ['M1', '2026-03-14', 'lp-7', 'organic_search'],
      ['M2', '2026-04-02', 'lp-7', undefined],
    ]);
  });

  it('has no leads at all when there is no leads export (absent, not empty)', async () => {
    const loaded = await loadRecords(temp.folder(TINY), settings);
    expect(loaded.records.leads).toBeUndefined();
  });

  it('closes a lead whose status turned it down, and only then', () => {
    for (const status of ['Disqualified', 'Unqualified', 'Closed - Not Converted', 'junk', 'LOST']) expect(isTurnedDown(status)).toBe(true);
    for (const status of ['Open', 'Working - Contacted', 'Qualified', 'Converted', 'Nurture', undefined]) expect(isTurnedDown(status)).toBe(false);
  });
});

describe('a data folder with leads and no deals export', () => {
  it('builds from the leads alone: a missing deals.csv stops nothing when there are leads', async () => {
    const { runPipeline } = await import('../../src/pipeline/run-pipeline.ts');
    const dir = temp.folder({ 'tavla.config.json': '{"asOf": "2026-11-20"}', 'leads.csv': 'id,created_date,source\nL1,2026-10-01,web\nL2,2026-10-02,\n' });
    const result = await runPipeline({ dataDir: dir, now: new Date('2026-11-20T12:00:00Z'), log: () => {} });
    if (!result.ok) throw new Error(result.messages.join('\n'));
    const all = result.site.report.leadFunnel.periods.find((p) => p.slug === 'all')!;
    // web 1 lead, blank 1 lead; deals and won: no export carries them ("–", not 0).
    expect(all.cohort.rows.map((r) => [r.source, r.links[0]!.count, r.links[4]!.count, r.leadToWon])).toEqual([
      ['', 1, null, null],
      ['web', 1, null, null],
    ]);
  });

  it('still stops without deals.csv when there are no leads either', async () => {
    const { runPipeline } = await import('../../src/pipeline/run-pipeline.ts');
    const result = await runPipeline({ dataDir: temp.folder({ 'tavla.config.json': '{}' }), now: new Date(), log: () => {} });
    expect(result.ok).toBe(false);
  });
});
