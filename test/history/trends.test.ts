import { describe, expect, it } from 'vitest';
import { lastOfEachWeek, trends } from '../../src/history/trends.ts';
import { nightlySnapshots, snapshotOf } from './sequence.ts';

describe('trends over the nightly sequence', () => {
  // Last snapshot per ISO week: W15 04-10, W16 04-17, W17 04-23 (Friday build failed), W18 05-01.
  // Weighted = Σ amount × probability (qualification 0.1, meeting 0.2, proposal 0.5, negotiation 0.8);
  // coverage = open ÷ 500 000 (the fixture's rule).
  //   W15: d1 100k meeting 20k, d2 200k proposal 100k, d3 50k negotiation 40k, d4 80k qual 8k, d6 30k qual 3k
  //        → open 460 000, weighted 171 000; gbg (d1, d3) 150 000 / 60 000; sthlm (d2, d4, d6) 310 000 / 111 000
  //   W16: d1 → proposal 50k, d2 250k 125k, + d5 120k qual 12k
  //        → open 630 000, weighted 238 000; gbg 270 000 / 102 000; sthlm 360 000 / 136 000
  //   W17: d1 meeting 90k 18k, d2 250k 125k, d5 120k 12k → 460 000 / 155 000; gbg 210 000 / 30 000; sthlm 250 000 / 125 000
  //   W18: d1 100k 20k, d2 125k, d5 12k → 470 000 / 157 000; gbg 220 000 / 32 000; sthlm 250 000 / 125 000
  const result = trends(nightlySnapshots());

  it("has one company point per week, from the week's last snapshot", () => {
    expect(result.company).toEqual([
      { asOf: '2026-04-10', week: '2026-W15', openAmount: 460_000, weighted: 171_000, coverage: 0.92 },
      { asOf: '2026-04-17', week: '2026-W16', openAmount: 630_000, weighted: 238_000, coverage: 1.26 },
      { asOf: '2026-04-23', week: '2026-W17', openAmount: 460_000, weighted: 155_000, coverage: 0.92 },
      { asOf: '2026-05-01', week: '2026-W18', openAmount: 470_000, weighted: 157_000, coverage: 0.94 },
    ]);
  });

  it('has the same per team', () => {
    const compact = Object.fromEntries(
      Object.entries(result.teams).map(([team, points]) => [team, points.map((p) => [p.week, p.openAmount, p.weighted, p.coverage])]),
    );
    expect(compact).toEqual({
      gbg: [
        ['2026-W15', 150_000, 60_000, 0.3],
        ['2026-W16', 270_000, 102_000, 0.54],
        ['2026-W17', 210_000, 30_000, 0.42],
        ['2026-W18', 220_000, 32_000, 0.44],
      ],
      sthlm: [
        ['2026-W15', 310_000, 111_000, 0.62],
        ['2026-W16', 360_000, 136_000, 0.72],
        ['2026-W17', 250_000, 125_000, 0.5],
        ['2026-W18', 250_000, 125_000, 0.5],
      ],
    });
  });

  it("has the quality score per owner per week (nights other than the weeks' last score 0)", () => {
    expect(result.qualityByOwner).toEqual({
      anna: [
        { week: '2026-W15', score: 0.5 },
        { week: '2026-W16', score: 0.75 },
        { week: '2026-W17', score: 1 },
        { week: '2026-W18', score: 1 },
      ],
      bo: [
        { week: '2026-W15', score: 1 },
        { week: '2026-W16', score: 1 },
        { week: '2026-W17', score: null },
        { week: '2026-W18', score: 0.5 },
      ],
    });
  });
});

describe('trends edge cases', () => {
  it('takes input in any order, the later duplicate, weeks across New Year, and teams that appear later', () => {
    // 2026-12-31 (Thu) and 2027-01-02 (Sat) are both in ISO week 2026-W53; 2027-01-04 is 2027-W01.
    const a = snapshotOf('2026-12-31', [['x', 'X', 'A', 'anna', 'gbg', 'proposal', 100, '2027-01-31']]);
    const b = snapshotOf('2027-01-02', [['x', 'X', 'A', 'anna', 'gbg', 'proposal', 200, '2027-01-31']]);
    const bAgain = snapshotOf('2027-01-02', [['x', 'X', 'A', 'anna', 'gbg', 'proposal', 300, '2027-01-31']]);
    const c = snapshotOf('2027-01-04', [
      ['x', 'X', 'A', 'anna', 'gbg', 'proposal', 300, '2027-01-31'],
      ['y', 'Y', 'B', 'cia', 'malmo', 'meeting', 1000, '2027-02-28'],
    ]);
    expect(lastOfEachWeek([c, b, a, bAgain]).map(({ week, snapshot }) => [week, snapshot.asOf, snapshot.company.openAmount])).toEqual([
      ['2026-W53', '2027-01-02', 300],
      ['2027-W01', '2027-01-04', 1300],
    ]);
    const result = trends([c, b, a, bAgain]);
    expect(Object.keys(result.teams)).toEqual(['gbg', 'malmo']);
    expect(result.teams['malmo']).toEqual([{ asOf: '2027-01-04', week: '2027-W01', openAmount: 1000, weighted: 200, coverage: 0.002 }]);
    expect(trends([])).toEqual({ company: [], teams: {}, qualityByOwner: {} });
  });
});
