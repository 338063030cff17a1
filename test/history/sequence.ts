/**
 * Three and a bit weeks of synthetic nightly snapshots (2026-W15 … W18), built by hand from a
 * list of CRM edits, plus the deals won/lost by the end. Used by the changes and trends tests.
 *
 * Open stages: qualification 0.1, meeting 0.2, proposal 0.5, negotiation 0.8.
 * Teams: gbg (anna), sthlm (bo). Meeting horizon: fiscal Q2 2026 = 2026-04-01 … 2026-06-30.
 *
 * Start (before 2026-04-10):
 *   d1 Fleet renewal / Volvo Bil   anna gbg   meeting        100 000  close 2026-06-15
 *   d2 Licences      / Nordea      bo   sthlm proposal       200 000  close 2026-05-20
 *   d3 Pilot         / Ikea        anna gbg   negotiation     50 000  close 2026-04-30
 *   d4 Upgrade       / Saab        bo   sthlm qualification   80 000  close 2026-06-30
 *   d6 Old lead      / Scania      bo   sthlm qualification   30 000  close 2026-05-31
 * Edits (the nightly build of that day sees them):
 *   W16 04-14 d5 created: Expansion / Ericsson, anna gbg, qualification 120 000, close 06-10
 *       04-16 d1 meeting → proposal;  d2 amount 200 000 → 250 000
 *   W17 04-20 d2 close 05-20 → 07-15 (out of Q2)
 *       04-21 d3 won (close 04-21);   d7 created: Quick deal / Telia, anna gbg, proposal 40 000
 *       04-22 d4 lost (close 04-22);  d6 deleted in the CRM
 *       04-23 d1 proposal → meeting and 100 000 → 90 000;  d7 won (close 04-23)
 *       04-24 (Friday) build failed: no snapshot
 *   W18 04-27 correction: d1 amount 90 000 → 100 000
 *       04-28 d5 close 06-10 → 06-25 (still in Q2);  d2 close 07-15 → 06-30 (back into Q2)
 * Nightly snapshots: 04-10 (Fri W15), 04-13…04-17 (W16), 04-20…04-23 (W17), 04-27…05-01 (W18).
 */
import type { ClosedDeal } from '../../src/history/changes.ts';
import type { KeyFigures, Snapshot, SnapshotDeal } from '../../src/history/types.ts';

export const STAGE_ORDER = ['qualification', 'meeting', 'proposal', 'negotiation'];
export const Q2 = { start: '2026-04-01', end: '2026-06-30' };
const PROBABILITY: Record<string, number> = { qualification: 0.1, meeting: 0.2, proposal: 0.5, negotiation: 0.8 };

type Deal = SnapshotDeal;
type Edit = (deals: Map<string, Deal>) => void;

const set =
  (id: string, field: 'stage' | 'amount' | 'close', value: string | number): Edit =>
  (deals) => {
    const deal = [...deals.get(id)!] as Deal;
    if (field === 'stage') deal[5] = value as string;
    if (field === 'amount') deal[6] = value as number;
    if (field === 'close') deal[7] = value as string;
    deals.set(id, deal);
  };
const create =
  (deal: Deal): Edit =>
  (deals) => {
    deals.set(deal[0], deal);
  };
const remove =
  (id: string): Edit =>
  (deals) => {
    deals.delete(id);
  };

const START: Deal[] = [
  ['d1', 'Fleet renewal', 'Volvo Bil', 'anna', 'gbg', 'meeting', 100_000, '2026-06-15'],
  ['d2', 'Licences', 'Nordea', 'bo', 'sthlm', 'proposal', 200_000, '2026-05-20'],
  ['d3', 'Pilot', 'Ikea', 'anna', 'gbg', 'negotiation', 50_000, '2026-04-30'],
  ['d4', 'Upgrade', 'Saab', 'bo', 'sthlm', 'qualification', 80_000, '2026-06-30'],
  ['d6', 'Old lead', 'Scania', 'bo', 'sthlm', 'qualification', 30_000, '2026-05-31'],
];

const EDITS: Record<string, Edit[]> = {
  '2026-04-14': [create(['d5', 'Expansion', 'Ericsson', 'anna', 'gbg', 'qualification', 120_000, '2026-06-10'])],
  '2026-04-16': [set('d1', 'stage', 'proposal'), set('d2', 'amount', 250_000)],
  '2026-04-20': [set('d2', 'close', '2026-07-15')],
  '2026-04-21': [remove('d3'), create(['d7', 'Quick deal', 'Telia', 'anna', 'gbg', 'proposal', 40_000, '2026-05-15'])],
  '2026-04-22': [remove('d4'), remove('d6')],
  '2026-04-23': [set('d1', 'stage', 'meeting'), set('d1', 'amount', 90_000), remove('d7')],
  '2026-04-27': [set('d1', 'amount', 100_000)],
  '2026-04-28': [set('d5', 'close', '2026-06-25'), set('d2', 'close', '2026-06-30')],
};

export const NIGHTS = [
  '2026-04-10',
  '2026-04-13',
  '2026-04-14',
  '2026-04-15',
  '2026-04-16',
  '2026-04-17',
  '2026-04-20',
  '2026-04-21',
  '2026-04-22',
  '2026-04-23',
  '2026-04-27',
  '2026-04-28',
  '2026-04-29',
  '2026-04-30',
  '2026-05-01',
];

/** Quality scores by night; nights not listed score 0, so picking the wrong night shows. */
const QUALITY: Record<string, Record<string, number | null>> = {
  '2026-04-10': { anna: 0.5, bo: 1 },
  '2026-04-17': { anna: 0.75, bo: 1 },
  '2026-04-23': { anna: 1, bo: null },
  '2026-05-01': { anna: 1, bo: 0.5 },
};

/** Simple key figures for the test: coverage = open amount ÷ 500 000. */
function figures(deals: readonly Deal[]): KeyFigures {
  const openAmount = deals.reduce((sum, d) => sum + d[6], 0);
  return {
    volumeYtd: 0,
    budgetYtd: null,
    attainment: null,
    openCount: deals.length,
    openAmount,
    weighted: deals.reduce((sum, d) => sum + Math.round(d[6] * PROBABILITY[d[5]]! * 100) / 100, 0),
    coverage: openAmount / 500_000,
  };
}

export function snapshotOf(asOf: string, deals: readonly Deal[]): Snapshot {
  const sorted = [...deals].sort((a, b) => (a[0] < b[0] ? -1 : 1));
  const teamIds = [...new Set(sorted.map((d) => d[4]))].sort();
  return {
    schemaVersion: 1,
    asOf,
    inputHash: `hash-${asOf}`,
    company: figures(sorted),
    teams: Object.fromEntries(teamIds.map((t) => [t, figures(sorted.filter((d) => d[4] === t))])),
    qualityScore: QUALITY[asOf] ?? { anna: 0, bo: 0 },
    deals: sorted,
  };
}

/** Every nightly snapshot, oldest first: each night applies the edits dated on or before it. */
export function nightlySnapshots(): Snapshot[] {
  const deals = new Map(START.map((d) => [d[0], d] as const));
  const pending = Object.entries(EDITS).sort(([a], [b]) => (a < b ? -1 : 1));
  return NIGHTS.map((night) => {
    while (pending.length > 0 && pending[0]![0] <= night) for (const edit of pending.shift()![1]) edit(deals);
    return snapshotOf(night, [...deals.values()]);
  });
}

/** The deals won or lost by the end of the sequence (from the current model). */
export const CLOSED: ClosedDeal[] = [
  { id: 'd3', status: 'won', close: '2026-04-21', name: 'Pilot', account: 'Ikea', ownerId: 'anna', teamId: 'gbg', amount: 50_000, stageId: 'won' },
  { id: 'd4', status: 'lost', close: '2026-04-22', name: 'Upgrade', account: 'Saab', ownerId: 'bo', teamId: 'sthlm', amount: 80_000, stageId: 'lost' },
  { id: 'd7', status: 'won', close: '2026-04-23', name: 'Quick deal', account: 'Telia', ownerId: 'anna', teamId: 'gbg', amount: 40_000, stageId: 'won' },
];
