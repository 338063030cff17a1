// initialsOnly hides every person, also one missing from users.csv: the whole site model (what
// every page, chart, CSV download and report.json is made from) holds no id, name or e-mail of
// a person in any other form than the pseudonyms.
import { afterAll, describe, expect, it } from 'vitest';
import { runPipeline } from '../../src/pipeline/run-pipeline.ts';
import { tempFolders } from './folder.ts';

const temp = tempFolders('initials');
afterAll(() => temp.cleanup());

const SECRET = ['anna.berg', 'Anna Berg', 'anna.berg@example.se', 'bo.lind', 'Bo Lind', 'karl.hemligsson', 'hemligsson', 'sara.dold', 'Berg', 'Lind'];

const FILES = {
  'tavla.config.json': JSON.stringify({ company: 'Testbolaget AB', asOf: '2026-11-20', initialsOnly: true }),
  'users.csv': 'id,name,team,email\nanna.berg,Anna Berg,north,anna.berg@example.se\nbo.lind,Bo Lind,north,\n',
  'accounts.csv': 'id,name,owner\nA1,Nordvik AB,anna.berg\nA2,Ek & Son,karl.hemligsson\n',
  'deals.csv': [
    'id,name,account_id,owner,stage,amount,created_date,close_date,sdr',
    'D1,Alpha,A1,anna.berg,proposal,100000,2026-10-01,2026-12-15,sara.dold',
    'D2,Beta,A2,karl.hemligsson,won,50000,2026-09-01,2026-11-02,',
    'D3,Gamma,A2,karl.hemligsson,proposal,7000,2026-09-01,2026-10-02,',
    'D4,Delta,A1,bo.lind,Demo,1,2026-09-01,2026-11-02,',
    '',
  ].join('\n'),
  'activities.csv': 'id,type,date,owner\nX1,call,2026-11-18,karl.hemligsson\nX2,meeting_held,2026-11-19,bo.lind\n',
  'targets.csv': 'period,scope,scope_id,measure,value\nFY2026,seller,karl.hemligsson,volume:total,100000\n',
};

describe('initialsOnly', () => {
  it('leaves no id, name or e-mail of a person in the site model, listed in users.csv or not', async () => {
    const result = await runPipeline({ dataDir: temp.folder(FILES), now: new Date('2026-11-20T12:00:00Z'), log: () => {} });
    if (!result.ok) throw new Error(result.messages.join('\n'));
    const published = JSON.stringify(result.site.report); // the snapshot (history folder) is never published
    for (const secret of SECRET) expect(published, secret).not.toContain(secret);
    // The unlisted owner is still there, under a pseudonym: its issues are not lost.
    expect(published).toContain('unknown-');
    expect(result.site.report.meta.initialsOnly).toBe(true);
  });
});
