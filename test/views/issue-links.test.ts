// Data-quality issues about a deal link to the deal's CRM record, whatever the deals export is
// called: the real-world exports through the real pipeline, expectations read from the fixtures.
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { runPipeline } from '../../src/pipeline/run-pipeline.ts';
import type { SiteModel } from '../../src/report/site-model.ts';
import { issueDealHref } from '../../src/views/crm-link.ts';
import { fmt } from '../../src/views/format-context.ts';
import { qualityCsvTables } from '../../src/views/quality-view.ts';

const TEMPLATE = 'https://crm.example.com/r/{id}';

async function site(name: string): Promise<SiteModel> {
  const dataDir = fileURLToPath(new URL(`../fixtures/real-world/${name}`, import.meta.url));
  const result = await runPipeline({ dataDir, now: new Date('2026-11-20T12:00:00Z'), log: () => {} });
  if (!result.ok) throw new Error(result.messages.join('\n'));
  return result.site;
}

/** `code record → address` of every issue (check and rejected row). */
function links(model: SiteModel): string[] {
  const files = new Set(model.dealFiles);
  return [...model.report.quality.issues, ...model.report.rejected].map(
    (i) => `${i.code} ${i.recordId ?? '-'} → ${issueDealHref(TEMPLATE, files, i) ?? 'none'}`,
  );
}

describe('issues about a deal link to its CRM record', () => {
  it('Salesforce Data Loader: the deals are extract.csv', async () => {
    const model = await site('salesforce-data-loader');
    expect(model.dealFiles).toEqual(['extract.csv']);
    // extract.csv line 4: Closed Lost "Tallbacken – pilot" without a reason; lines 5–7: the three
    // open deals, last modified long before as-of (stalled). The stale-export issue is the file's.
    expect(links(model)).toEqual([
      'StaleExport - → none',
      'LostDealWithoutReason 0061t00000Dl003AAA → https://crm.example.com/r/0061t00000Dl003AAA',
      'StalledDeal 0061t00000Dl004AAA → https://crm.example.com/r/0061t00000Dl004AAA',
      'StalledDeal 0061t00000Dl005AAA → https://crm.example.com/r/0061t00000Dl005AAA',
      'StalledDeal 0061t00000Dl006AAA → https://crm.example.com/r/0061t00000Dl006AAA',
    ]);
  });

  it('Pipedrive: deals-….csv links, an activity of activities-….csv does not', async () => {
    const model = await site('pipedrive-plain');
    expect(model.dealFiles).toEqual(['deals-7720114-5.csv']);
    const shown = links(model);
    // deals-7720114-5.csv: 503 lost without reason, 504 and 505 open and stalled.
    expect(shown.filter((l) => !l.endsWith('none'))).toEqual([
      'LostDealWithoutReason 503 → https://crm.example.com/r/503',
      'StalledDeal 504 → https://crm.example.com/r/504',
      'StalledDeal 505 → https://crm.example.com/r/505',
    ]);
    // The activities 71–73 name organisations the (absent) accounts file does not know: not deals.
    expect(shown.filter((l) => l.startsWith('UnknownAccount')).every((l) => l.endsWith('none'))).toBe(true);
  });

  it("puts the address in the issue CSVs' crm_url column, only with the setting", async () => {
    const model = await site('salesforce-data-loader');
    const [withUrl] = qualityCsvTables(model.report, fmt('en', 'SEK', TEMPLATE), model.dealFiles);
    const url = withUrl!.csv.header.indexOf('crm_url');
    expect(withUrl!.csv.rows.map((row) => row[url])).toEqual([
      '',
      'https://crm.example.com/r/0061t00000Dl003AAA',
      'https://crm.example.com/r/0061t00000Dl004AAA',
      'https://crm.example.com/r/0061t00000Dl005AAA',
      'https://crm.example.com/r/0061t00000Dl006AAA',
    ]);
    const [without] = qualityCsvTables(model.report, fmt('en', 'SEK'), model.dealFiles);
    expect(without!.csv.header).not.toContain('crm_url');
  });
});
