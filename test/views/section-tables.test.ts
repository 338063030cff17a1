import { describe, expect, it } from 'vitest';
import { reportPeriods } from '../../src/report/periods-of-report.ts';
import { scopeFigures } from '../../src/report/scope-figures.ts';
import type { Report } from '../../src/report/site-model.ts';
import { fmt } from '../../src/views/format-context.ts';
import { routes } from '../../src/views/routes.ts';
import { scopeKpis } from '../../src/views/scope-view.ts';
import { sectionKpis } from '../../src/views/section-tables.ts';
import { factsOf } from '../metrics/fixtures.ts';
import { context, deal } from '../metrics/fixtures-pipeline.ts';

const ctx = context('2026-05-15');
const company = scopeFigures(
  {
    deals: [deal({ id: 'w1', status: 'won', created: '2026-02-01', close: '2026-04-10', amount: 400 })],
    activities: [],
    activityFacts: factsOf([], ctx),
    activityOwners: [],
    targets: [],
    sellerTargets: [],
    invoices: [],
    sellerIds: [],
  },
  reportPeriods(ctx.asOf, 1),
  ctx,
);
const meta = { inputs: { users: true, activities: true, targets: true }, fiscalYear: 'FY2026' };
const report = { company, meta } as unknown as Report;
const f = fmt('en', 'SEK');
const at = routes('/');
/** Each card's definition anchor names the figure it shows. */
const idsOf = (cards: { definitionHref?: string }[]) => cards.map((card) => card.definitionHref?.split('#')[1]);

describe('key figures', () => {
  it('are shown on a cut’s page in one order', () => {
    expect(idsOf(scopeKpis(company, f, at, meta))).toEqual([
      'sales-volume',
      'attainment',
      'open-pipeline',
      'coverage',
      'win-rate',
      'deal-size',
      'stalled-deals',
      'customers-worked',
    ]);
  });

  it('are picked per section by id, not by place', () => {
    expect(idsOf(sectionKpis('channels', report, f, at))).toEqual(['sales-volume']);
    expect(idsOf(sectionKpis('targets', report, f, at))).toEqual(['sales-volume', 'attainment']);
    expect(idsOf(sectionKpis('pipeline', report, f, at))).toEqual(['open-pipeline', 'coverage', 'win-rate', 'deal-size', 'stalled-deals']);
    expect(idsOf(sectionKpis('funnel', report, f, at))).toEqual([]);
    expect(idsOf(sectionKpis('activities', report, f, at))).toEqual(['customers-worked']);
  });

  it('show the same card in a section as on the overview', () => {
    const overview = scopeKpis(company, f, at, meta);
    expect(sectionKpis('activities', report, f, at)).toEqual([overview[7]]);
  });
});
