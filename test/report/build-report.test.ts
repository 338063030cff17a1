import { describe, expect, it } from 'vitest';
import { present, records } from '../support/two-seller-records.ts';
import { buildModel } from '../../src/model/build-model.ts';
import { buildReport } from '../../src/report/build-report.ts';
import { monthScopes } from '../../src/report/month-scopes.ts';
import { people } from '../../src/report/people.ts';
import { reportScopes } from '../../src/report/report-scopes.ts';
import { settingsSchema } from '../../src/settings/schema.ts';

const model = buildModel(records, settingsSchema.parse({ asOf: '2026-04-17' }), '2026-04-17', present);

describe('reportScopes', () => {
  const scopes = reportScopes(model);

  it('cuts the deals by team and by seller, the company keeping them all', () => {
    // anna is in gbg: d1, d5, d3; bo in sthlm: d2, d8, d4 (in the export's order).
    expect(scopes.ofTeam.get('gbg')!.deals.map((d) => d.id)).toEqual(['d1', 'd5', 'd3']);
    expect(scopes.ofSeller('bo').deals.map((d) => d.id)).toEqual(['d2', 'd8', 'd4']);
    expect(scopes.company.deals).toHaveLength(6);
    expect(scopes.company.targets.map((t) => t.value)).toEqual([365_000]);
    expect(scopes.ofSeller('anna').targets).toEqual([]);
  });
});

describe('monthScopes', () => {
  const at = monthScopes(model, reportScopes(model), people(model.users, false));

  it('gives each scope its won volume of the fiscal year through the date', () => {
    // d3 (anna, gbg) is the only won deal: 53 500 on 2026-02-10. Through January: nothing yet;
    // through the end of February (whole months summed) and mid-March (summed directly): 53 500.
    expect(at.company(2026, '2026-01-31').volumeYtd!.annualVolume).toBe(0);
    expect(at.company(2026, '2026-02-28').volumeYtd!.annualVolume).toBe(53_500);
    expect(at.company(2026, '2026-03-15').volumeYtd!.annualVolume).toBe(53_500);
    expect(at.teams.map((team) => team(2026, '2026-02-28').volumeYtd!.annualVolume)).toEqual([53_500, 0]);
    // Both sellers have deals, so both are listed; bo won nothing.
    expect(at.sellers.map((seller) => seller(2026, '2026-04-17').volumeYtd!.annualVolume)).toEqual([53_500, 0]);
    // FY2025 holds no won deal.
    expect(at.company(2025, '2025-12-31').deals).toEqual([]);
  });
});

describe('buildReport', () => {
  const { report } = buildReport({ model, files: [], rejected: [], quality: [] });

  it('lists its parts in the order of report.json', () => {
    expect(Object.keys(report)).toEqual([
      'schemaVersion',
      'meta',
      'files',
      'company',
      'teams',
      'sellers',
      'reconciliation',
      'channelMix',
      'planCheck',
      'planVerdict',
      'funnel',
      'leadFunnel',
      'handoffs',
      'weeks',
      'months',
      'meetings',
      'quality',
      'rejected',
      'history',
    ]);
  });

  it('adds the teams and sellers up to the company', () => {
    // Year to date (2026-01-01 … 04-17) only d3 is won: 53 500, anna's, in gbg.
    expect(report.company.volume.yearToDate.annualVolume).toBe(53_500);
    expect(report.teams.map((team) => [team.id, team.figures.volume.yearToDate.annualVolume])).toEqual([
      ['gbg', 53_500],
      ['sthlm', 0],
    ]);
    expect(report.sellers.map((seller) => [seller.person.id, seller.figures.volume.yearToDate.annualVolume])).toEqual([
      ['anna', 53_500],
      ['bo', 0],
    ]);
  });
});
