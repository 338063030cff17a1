import { describe, expect, it } from 'vitest';
import { dealList, type DealLineContext, type DealRows } from '../../src/report/deal-lines.ts';
import { openDealsByStage } from '../../src/report/stage-deals.ts';
import type { ModelDeal } from '../../src/core/records.ts';
import { settingsSchema } from '../../src/settings/schema.ts';
import { dealRow } from '../../src/views/deal-groups.ts';
import { fmt } from '../../src/views/format-context.ts';
import { routes } from '../../src/views/routes.ts';
import { stageGroups, stageSlugs, stageTables } from '../../src/views/stage-lists.ts';

const settings = settingsSchema.parse({});
const f = fmt('en', 'SEK', 'https://crm.example.com/d/{id}');
const ctx = { f, crmDealUrl: f.crmDealUrl, sellerHref: (slug: string) => `/en/sellers/${slug}/` };

const deal = (id: string, stageId: string, amount: number, status: ModelDeal['status'] = 'open', created = '2026-01-10'): ModelDeal =>
  ({
    id,
    name: `Deal ${id}`,
    accountId: 'a1',
    ownerId: 'u1',
    teamId: 't1',
    stageId,
    status,
    amount,
    annualAmount: amount,
    created,
    close: '2026-12-15',
    channel: 'new',
    channelReason: 'given',
    file: 'deals.csv',
    line: 2,
  }) as unknown as ModelDeal;

function lines(rows: DealRows): DealLineContext {
  return { settings, accountName: () => 'Acme', person: (id) => ({ id, slug: id, name: id.toUpperCase() }), rows };
}

describe('stageSlugs', () => {
  it('makes address segments of stage ids, each its own', () => {
    // "Bokat möte" and "bokat-mote" slugify alike: the second in stage order gets "-2".
    expect([...stageSlugs(['proposal', 'Bokat möte', 'bokat-mote', '88213460']).values()]).toEqual(['proposal', 'bokat-mote', 'bokat-mote-2', '88213460']);
  });
});

describe('the open deals per stage on the pipeline page', () => {
  // Open: proposal 500 + 300 + 200 = 1 000 (3 deals), negotiation 700 (1 deal); qualification none.
  // Not open: the won deal, and the deal created after as-of (2026-06-30).
  const deals = [
    deal('d1', 'proposal', 300),
    deal('d2', 'negotiation', 700),
    deal('d3', 'proposal', 500),
    deal('d4', 'proposal', 200),
    deal('d5', 'proposal', 900, 'won'),
    deal('d6', 'negotiation', 400, 'open', '2026-07-01'),
  ];
  const rows: DealRows = {};
  const stages = openDealsByStage(deals, { settings, asOf: '2026-06-30' }, lines(rows), 2);
  const groups = stageGroups(stages, ctx, routes('/'));

  it('groups every stage with open deals, the largest value first, each at its own anchor with its CSV', () => {
    expect(groups.map((g) => [g.title, g.id, g.amount, g.summary.replace(/\s/g, ' '), g.rows.length, g.hidden, g.csvHref])).toEqual([
      ['Proposal', 'stage-proposal', 1000, '3 · SEK 1,000', 2, 1, '/data/pipeline-stage-proposal.csv'],
      ['Negotiation', 'stage-negotiation', 700, '1 · SEK 700', 1, 0, '/data/pipeline-stage-negotiation.csv'],
    ]);
    // Largest deals first, linked to their CRM record.
    expect(groups[0]!.rows.map((r) => [r.name, r.href])).toEqual([
      ['Deal d3', 'https://crm.example.com/d/d3'],
      ['Deal d1', 'https://crm.example.com/d/d1'],
    ]);
  });

  it("holds every deal of the stage in the stage's CSV, also those left off the page", () => {
    const tables = stageTables(stages, f, rows);
    const proposal = tables.find((x) => x.id === 'pipeline-stage-proposal')!;
    expect(proposal.csv.rows.map((r) => [r[0], r[1]])).toEqual([
      ['Deal d3', 'https://crm.example.com/d/d3'],
      ['Deal d1', 'https://crm.example.com/d/d1'],
      ['Deal d4', 'https://crm.example.com/d/d4'],
    ]);
    // Every open stage of the settings has its CSV (an empty one without deals).
    expect(tables.map((x) => [x.id, x.csv.rows.length])).toEqual([
      ['pipeline-stage-qualification', 0],
      ['pipeline-stage-meeting', 0],
      ['pipeline-stage-proposal', 3],
      ['pipeline-stage-negotiation', 1],
    ]);
  });
});

describe('a deal row', () => {
  it('says "amount not set" and "–" for an open deal exported without amount or close date', () => {
    const [line] = dealList([{ ...deal('d9', 'proposal', 0), amountMissing: true, closeMissing: true } as ModelDeal], lines({})).deals;
    expect(dealRow(line!, ctx)).toMatchObject({ value: 'amount not set', annual: 'amount not set', date: '–' });
  });
});
