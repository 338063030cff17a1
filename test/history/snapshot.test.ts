import { describe, expect, it } from 'vitest';
import { present, records } from '../support/two-seller-records.ts';
import { closedDeals, currentState, makeSnapshot, qualityScoresOf } from '../../src/history/snapshot.ts';
import { buildModel } from '../../src/model/build-model.ts';
import { buildReport } from '../../src/report/build-report.ts';
import { settingsSchema } from '../../src/settings/schema.ts';

function build(initialsOnly: boolean) {
  const model = buildModel(records, settingsSchema.parse({ asOf: '2026-04-17', initialsOnly }), '2026-04-17', present);
  const { report } = buildReport({ model, files: [], rejected: [], quality: [] });
  return { model, report };
}

describe('makeSnapshot', () => {
  const { model, report } = build(false);
  const snapshot = makeSnapshot(model, report, 'abc123', { anna: 1, bo: 2 / 3 });

  it('keeps the open deals as of as-of, sorted by id, with account name and team', () => {
    expect(snapshot.deals).toEqual([
      ['d1', 'Fleet', 'Volvo Bil', 'anna', 'gbg', 'meeting', 111_500, '2026-06-15'],
      ['d2', 'Licences', 'Nordea', 'bo', 'sthlm', 'proposal', 200_000, '2026-05-20'],
      ['d8', 'Old', 'A9', 'bo', 'sthlm', 'qualification', 15_000, '2026-03-31'],
    ]);
  });

  it('copies the key figures of the company and the teams, and nothing per seller', () => {
    // Company: won 53 500; budget 107 000 → attainment 0.5; open d1+d2+d8 = 326 500;
    // weighted 22 300 + 100 000 + 1 500 = 123 800; coverage = (d1 + d2 closing 04-17…12-31 = 311 500)
    // ÷ (365 000 − 53 500 = 311 500) = 1.
    expect(snapshot.company).toEqual({
      volumeYtd: 53_500,
      budgetYtd: 107_000,
      attainment: 0.5,
      openCount: 3,
      openAmount: 326_500,
      weighted: 123_800,
      coverage: 1,
    });
    // No team or seller targets: budget and attainment null; coverage null (nothing remains of a 0 target).
    const gbg = { volumeYtd: 53_500, budgetYtd: null, attainment: null, openCount: 1, openAmount: 111_500, weighted: 22_300, coverage: null };
    const sthlm = { volumeYtd: 0, budgetYtd: null, attainment: null, openCount: 2, openAmount: 215_000, weighted: 101_500, coverage: null };
    expect(snapshot.teams).toEqual({ gbg, sthlm });
    // Per-seller figures are read by no page: not kept.
    expect(snapshot.sellers).toBeUndefined();
    expect(Object.keys(snapshot).sort()).toEqual(['asOf', 'company', 'deals', 'inputHash', 'qualityScore', 'schemaVersion', 'teams']);
    expect(snapshot).toMatchObject({ schemaVersion: 1, asOf: '2026-04-17', inputHash: 'abc123', qualityScore: { anna: 1, bo: 2 / 3 } });
  });

  it('keys owners by user id, not pseudonym, when the report shows initials only', () => {
    const scrubbed = build(true);
    expect(scrubbed.report.sellers.map((s) => s.person.id)).toEqual(['person-1', 'person-2']);
    expect(makeSnapshot(scrubbed.model, scrubbed.report, 'abc123', { anna: 1, bo: 2 / 3 })).toEqual(snapshot);
  });

  it('refuses a report built from another model', () => {
    const other = build(false).report;
    expect(() => makeSnapshot(model, { ...other, sellers: other.sellers.slice(1) }, 'x', {})).toThrow(/not built from this model/);
    expect(() => makeSnapshot(model, { ...other, meta: { ...other.meta, asOf: '2026-04-18' } }, 'x', {})).toThrow(/as of 2026-04-18/);
  });
});

describe('qualityScoresOf and the current state', () => {
  it('scores open deals and accounts per owner', () => {
    // anna: d1, d5 (open, even if created later) and A1, all clean → 1.
    // bo: d2, d8, A2; d8 (deals.csv line 4) has a passed close date → 2/3.
    const issues = [{ code: 'PastCloseDate', file: 'deals.csv', line: 4, message: 'passed', ownerId: 'bo' }];
    expect(qualityScoresOf(records, issues)).toEqual({ anna: 1, bo: 2 / 3 });
  });

  it('lists the won and lost deals for the changes', () => {
    const { model } = build(false);
    expect(closedDeals(model)).toEqual([
      { id: 'd3', status: 'won', close: '2026-02-10', name: 'Pilot', account: 'Volvo Bil', ownerId: 'anna', teamId: 'gbg', amount: 53_500, stageId: 'won' },
      { id: 'd4', status: 'lost', close: '2026-03-01', name: 'Upgrade', account: 'Nordea', ownerId: 'bo', teamId: 'sthlm', amount: 20_000, stageId: 'lost' },
    ]);
    expect(currentState(model).openDeals.map((d) => d[0])).toEqual(['d1', 'd2', 'd8']);
  });
});
