import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runPipeline } from '../../src/pipeline/run-pipeline.ts';
import type { SiteModel } from '../../src/report/site-model.ts';

const DEALS = `id,name,account_id,owner,stage,amount,currency,created_date,close_date,updated_date
D-1,Alfa,A-1,u1,proposal,1000,SEK,2026-11-02,2026-12-15,2026-11-18
D-2,Beta,A-1,u1,won,2000,SEK,2026-10-01,2026-11-19,2026-11-15
D-3,Gamma,A-1,u1,lost,500,SEK,2026-09-01,2026-10-30,2026-10-30
`;
const ACTIVITIES = `id,type,date,owner,account_id,deal_id
ACT-1,call,2026-11-12,u1,A-1,D-1
ACT-2,meeting,2026-11-27,u1,A-1,D-1
`;

async function build(staleExportDays: number, asOf = '2026-11-20'): Promise<SiteModel> {
  const dir = mkdtempSync(join(tmpdir(), 'tavla-fresh-'));
  writeFileSync(join(dir, 'deals.csv'), DEALS);
  writeFileSync(join(dir, 'activities.csv'), ACTIVITIES);
  writeFileSync(join(dir, 'tavla.config.json'), JSON.stringify({ staleExportDays }));
  const result = await runPipeline({ dataDir: dir, now: new Date(), asOf, log: () => {} });
  if (!result.ok) throw new Error(result.messages.join('\n'));
  return result.site;
}

describe('how old the export is', () => {
  it('is the age of the stalest file, by the newest date each holds up to as-of', async () => {
    // As of 2026-11-20. deals.csv: created 11-02, 10-01, 09-01; updated 11-18, 11-15, 10-30; won/lost
    // closes 11-19, 10-30 → newest 2026-11-19, 1 day old. activities.csv: 11-12 (11-27 is planned,
    // after as-of) → newest 2026-11-12, 8 days old. The export is current through 2026-11-12: 8 days.
    const site = await build(7);
    expect(site.freshness).toEqual({
      asOf: '2026-11-20',
      files: [
        { file: 'deals.csv', newest: '2026-11-19', ageDays: 1 },
        { file: 'activities.csv', newest: '2026-11-12', ageDays: 8 },
      ],
      dataThrough: '2026-11-12',
      ageDays: 8,
      limitDays: 7,
      stale: true,
    });
    // One truth: stale exactly when the data-quality check flags a file as stale.
    expect(site.report.quality.issues.filter((i) => i.code === 'StaleExport').map((i) => i.file)).toEqual(['activities.csv']);
  });

  it('is not stale at the limit', async () => {
    const site = await build(8);
    expect(site.freshness?.stale).toBe(false);
    expect(site.report.quality.issues.filter((i) => i.code === 'StaleExport')).toEqual([]);
  });
});
