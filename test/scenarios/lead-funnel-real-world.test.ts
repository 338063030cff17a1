// The funnel by source from a lead export and a won-deals export shaped like a public marketing
// funnel data set (test/fixtures/real-world/olist-like), read with no script: the settings' mapping
// only. The expected leads, won and conversion per source are worked out here by a separate reader
// of the two CSV files, and by hand in the folder's README. HubSpot and Salesforce lead exports of
// the same leads build the same table.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runPipeline } from '../../src/pipeline/run-pipeline.ts';
import type { Report } from '../../src/report/site-model.ts';
import { fmt } from '../../src/views/format-context.ts';
import { leadFunnelView } from '../../src/views/lead-funnel-view.ts';

const OLIST = 'test/fixtures/real-world/olist-like';
const now = new Date('2019-01-02T12:00:00Z');

async function reportOf(dataDir: string): Promise<Report> {
  const result = await runPipeline({ dataDir, now, log: () => {} });
  if (!result.ok) throw new Error(result.messages.join('\n'));
  return result.site.report;
}

/** Rows of a `;` or `,` CSV without quotes, as plain string splitting reads them. */
function rows(file: string, separator: string): Record<string, string>[] {
  const [head, ...lines] = readFileSync(join(OLIST, file), 'utf8')
    .replace(/^\uFEFF/, '')
    .split(/\r?\n/)
    .filter(Boolean);
  const names = head!.split(separator);
  return lines.map((line) => Object.fromEntries(line.split(separator).map((cell, i) => [names[i]!, cell])));
}

/** Per source (blank = ''), leads created in the year (undefined: every year) and how many of them were won. */
function expected(year?: string): Map<string, { leads: number; won: number }> {
  const won = new Set(rows('olist_closed_deals_dataset.csv', ';').map((r) => r.mql_id));
  const result = new Map<string, { leads: number; won: number }>();
  for (const lead of rows('olist_marketing_qualified_leads_dataset.csv', ',')) {
    if (year && !lead.first_contact_date!.startsWith(year)) continue;
    const entry = result.get(lead.origin!) ?? { leads: 0, won: 0 };
    entry.leads++;
    if (won.has(lead.mql_id)) entry.won++;
    result.set(lead.origin!, entry);
  }
  return result;
}

/** The funnel-by-source table of a period as its CSV carries it: source → [leads, won, lead → won]. */
function sourcesTable(report: Report, slug: string): Map<string, [number | null, number | null, number | null]> {
  const entry = report.leadFunnel.periods.find((p) => p.slug === slug)!;
  const table = leadFunnelView(report, entry, fmt('en', 'EUR')).cohort.find((t) => t.id === `lead-funnel-${slug}-sources`)!;
  const at = (name: string) => table.csv.header.indexOf(name);
  return new Map(
    table.csv.rows.map((r) => [r[0] as string, [r[at('leads')], r[at('won')], r[at('lead_to_won')]] as [number | null, number | null, number | null]]),
  );
}

const asTable = (counts: Map<string, { leads: number; won: number }>) => new Map([...counts].map(([source, c]) => [source, [c.leads, c.won, c.won / c.leads]]));

describe('the funnel by source from an Olist-shaped lead and won-deals export', async () => {
  const report = await reportOf(OLIST);

  it('reads both files through the mapping, every row accepted, every deal linked to its lead', () => {
    expect(report.files.filter((f) => f.present).map((f) => [f.file, f.read, f.accepted, f.rejected])).toEqual([
      ['olist_closed_deals_dataset.csv', 7, 7, 0],
      ['olist_marketing_qualified_leads_dataset.csv', 16, 16, 0],
    ]);
    expect([report.leadFunnel.leads, report.leadFunnel.deals, report.leadFunnel.linkedDeals]).toEqual([16, 7, 7]);
    expect(report.leadFunnel.periods.map((p) => p.slug)).toEqual(['last-12-months', 'fy2018', 'fy2017', 'all']);
  });

  it('shows leads, won and conversion per source for the whole export and each fiscal year, as read apart', () => {
    for (const [slug, year] of [
      ['all', undefined],
      ['fy2017', '2017'],
      ['fy2018', '2018'],
    ] as const) {
      expect(sourcesTable(report, slug)).toEqual(asTable(expected(year)));
    }
  });

  it('matches the hand count of the README', () => {
    // Whole export: organic_search 5 leads, 3 won (60 %); paid_search 3, 2; social 3, 0; (none) 2, 2;
    // email 2, 0; unknown 1, 0. FY2017: 7 leads, 3 won (a lead of 2017 won in January 2018 counts in 2017).
    expect(sourcesTable(report, 'all')).toEqual(
      new Map([
        ['organic_search', [5, 3, 0.6]],
        ['paid_search', [3, 2, 2 / 3]],
        ['social', [3, 0, 0]],
        ['', [2, 2, 1]],
        ['email', [2, 0, 0]],
        ['unknown', [1, 0, 0]],
      ]),
    );
    const fy2017 = report.leadFunnel.periods.find((p) => p.slug === 'fy2017')!;
    expect([fy2017.cohort.total.links[0]!.count, fy2017.cohort.total.links[4]!.count]).toEqual([7, 3]);
    // Period view of FY2018: 5 deals won in 2018, one of them from a lead of 2017; volume 150 000 + 50 000 + 200 000.
    const fy2018 = report.leadFunnel.periods.find((p) => p.slug === 'fy2018')!;
    expect(fy2018.period.total.links[4]).toEqual({ id: 'won', count: 5, fromEarlier: 1 });
    expect(fy2018.period.total.wonAmount).toBe(400_000);
  });

  it('never shows a conversion above 100 % in any cohort table', () => {
    for (const entry of report.leadFunnel.periods) {
      for (const table of leadFunnelView(report, entry, fmt('en', 'EUR')).cohort) {
        const columns = table.csv.header.flatMap((name, i) => (/conversion|lead_to_won/.test(name) ? [i] : []));
        for (const row of table.csv.rows) for (const i of columns) expect((row[i] as number | null) ?? 0).toBeLessThanOrEqual(1);
      }
    }
  });

  it('builds the same table from HubSpot and Salesforce lead exports of the same leads', async () => {
    for (const folder of ['test/fixtures/crm/hubspot-leads', 'test/fixtures/crm/salesforce-leads']) {
      const other = await reportOf(folder);
      expect(other.leadFunnel.periods.map((p) => p.slug)).toEqual(['last-12-months', 'fy2018', 'fy2017', 'all']);
      for (const slug of ['all', 'fy2017', 'fy2018']) expect(sourcesTable(other, slug)).toEqual(sourcesTable(report, slug));
    }
  });
});
