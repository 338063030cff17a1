import { describe, expect, it } from 'vitest';
import { CHANGE_KINDS, changesSince, compareSnapshots, type ClosedDeal } from '../../src/history/changes.ts';
import { snapshotAtOrBefore } from '../../src/history/pick.ts';
import type { ChangeKind, Snapshot } from '../../src/history/types.ts';
import { CLOSED, Q2, STAGE_ORDER, nightlySnapshots, snapshotOf } from './sequence.ts';

const nights = nightlySnapshots();
const at = (date: string): Snapshot => snapshotAtOrBefore(nights, date)!;
// The weekly meetings see the last snapshot of their week (W17's Friday build failed → Thursday).
const W15 = at('2026-04-12');
const W16 = at('2026-04-19');
const W17 = at('2026-04-26');
const W18 = at('2026-05-03');

const zero = Object.fromEntries(CHANGE_KINDS.map((k) => [k, 0])) as Record<ChangeKind, number>;
const volvo = { dealId: 'd1', name: 'Fleet renewal', account: 'Volvo Bil', ownerId: 'anna', teamId: 'gbg' };
const nordea = { dealId: 'd2', name: 'Licences', account: 'Nordea', ownerId: 'bo', teamId: 'sthlm' };
const ikea = { dealId: 'd3', name: 'Pilot', account: 'Ikea', ownerId: 'anna', teamId: 'gbg' };
const saab = { dealId: 'd4', name: 'Upgrade', account: 'Saab', ownerId: 'bo', teamId: 'sthlm' };
const ericsson = { dealId: 'd5', name: 'Expansion', account: 'Ericsson', ownerId: 'anna', teamId: 'gbg' };
const scania = { dealId: 'd6', name: 'Old lead', account: 'Scania', ownerId: 'bo', teamId: 'sthlm' };
const telia = { dealId: 'd7', name: 'Quick deal', account: 'Telia', ownerId: 'anna', teamId: 'gbg' };

describe('the weekly snapshots of the sequence', () => {
  it('are the last nightly snapshot of each week', () => {
    expect([W15, W16, W17, W18].map((s) => s.asOf)).toEqual(['2026-04-10', '2026-04-17', '2026-04-23', '2026-05-01']);
  });
});

describe('compareSnapshots between consecutive weekly meetings', () => {
  it('W15 → W16: d5 created, d2 raised, d1 moved forward', () => {
    // Closed deals count only up to 04-17: none yet.
    const result = compareSnapshots(W15, W16, STAGE_ORDER, Q2, CLOSED);
    expect(result.from).toBe('2026-04-10');
    expect(result.to).toBe('2026-04-17');
    expect(result.changes).toEqual([
      { kind: 'new', ...ericsson, before: null, after: { stageId: 'qualification', amount: 120_000, close: '2026-06-10', status: 'open' } },
      {
        kind: 'amount-up',
        ...nordea,
        before: { stageId: 'proposal', amount: 200_000, close: '2026-05-20' },
        after: { stageId: 'proposal', amount: 250_000, close: '2026-05-20', status: 'open' },
      },
      {
        kind: 'stage-forward',
        ...volvo,
        before: { stageId: 'meeting', amount: 100_000, close: '2026-06-15' },
        after: { stageId: 'proposal', amount: 100_000, close: '2026-06-15', status: 'open' },
      },
    ]);
    expect(result.counts).toEqual({ ...zero, new: 1, 'amount-up': 1, 'stage-forward': 1 });
    expect(result.byTeam).toEqual({ gbg: { new: 1, 'stage-forward': 1 }, sthlm: { 'amount-up': 1 } });
    expect(result.byOwner).toEqual({ anna: { new: 1, 'stage-forward': 1 }, bo: { 'amount-up': 1 } });
  });

  it('W16 → W17: won, lost, new-and-won, slipped, moved back with a lower amount, deleted', () => {
    const result = compareSnapshots(W16, W17, STAGE_ORDER, Q2, CLOSED);
    const d1Before = { stageId: 'proposal', amount: 100_000, close: '2026-06-15' };
    const d1After = { stageId: 'meeting', amount: 90_000, close: '2026-06-15', status: 'open' };
    expect(result.changes).toEqual([
      // d7 was created (04-21) and won (04-23) between the meetings: new to the meeting, and won.
      { kind: 'new', ...telia, before: null, after: { stageId: 'won', amount: 40_000, close: '2026-04-23', status: 'won' } },
      // won: same team and owner → larger amount first (d3 50 000, d7 40 000).
      {
        kind: 'won',
        ...ikea,
        before: { stageId: 'negotiation', amount: 50_000, close: '2026-04-30' },
        after: { stageId: 'won', amount: 50_000, close: '2026-04-21', status: 'won' },
      },
      { kind: 'won', ...telia, before: null, after: { stageId: 'won', amount: 40_000, close: '2026-04-23', status: 'won' } },
      {
        kind: 'lost',
        ...saab,
        before: { stageId: 'qualification', amount: 80_000, close: '2026-06-30' },
        after: { stageId: 'lost', amount: 80_000, close: '2026-04-22', status: 'lost' },
      },
      // d2: close 05-20 (in Q2) → 07-15 (after 06-30).
      {
        kind: 'slipped',
        ...nordea,
        before: { stageId: 'proposal', amount: 250_000, close: '2026-05-20' },
        after: { stageId: 'proposal', amount: 250_000, close: '2026-07-15', status: 'open' },
      },
      // d1: two changes, one entry per kind.
      { kind: 'amount-down', ...volvo, before: d1Before, after: d1After },
      { kind: 'stage-back', ...volvo, before: d1Before, after: d1After },
      // d6 deleted in the CRM: open before, neither open nor closed now.
      { kind: 'gone', ...scania, before: { stageId: 'qualification', amount: 30_000, close: '2026-05-31' }, after: null },
    ]);
    expect(result.counts).toEqual({ ...zero, new: 1, won: 2, lost: 1, slipped: 1, 'amount-down': 1, 'stage-back': 1, gone: 1 });
    expect(result.byTeam).toEqual({
      gbg: { new: 1, won: 2, 'amount-down': 1, 'stage-back': 1 },
      sthlm: { lost: 1, slipped: 1, gone: 1 },
    });
    expect(result.byOwner).toEqual({
      anna: { new: 1, won: 2, 'amount-down': 1, 'stage-back': 1 },
      bo: { lost: 1, slipped: 1, gone: 1 },
    });
  });

  it('W17 → W18: only the correction of d1 (amount back up); close moves inside Q2 and back into Q2 are not slips', () => {
    // d3, d4, d7 closed on or before 04-23 and were not open at W17: no longer news.
    // d2 07-15 → 06-30: was not in Q2 before, so no slip. d5 06-10 → 06-25: stays in Q2.
    const result = compareSnapshots(W17, W18, STAGE_ORDER, Q2, CLOSED);
    expect(result.changes).toEqual([
      {
        kind: 'amount-up',
        ...volvo,
        before: { stageId: 'meeting', amount: 90_000, close: '2026-06-15' },
        after: { stageId: 'meeting', amount: 100_000, close: '2026-06-15', status: 'open' },
      },
    ]);
    expect(result.counts).toEqual({ ...zero, 'amount-up': 1 });
  });

  it('without the closed deals, every deal that left the open set is gone', () => {
    // d3 (gbg) first; then sthlm/bo by amount: d4 80 000, d6 30 000. d7 was never seen open.
    const result = compareSnapshots(W16, W17, STAGE_ORDER, Q2);
    expect(result.changes.filter((c) => c.kind === 'gone').map((c) => c.dealId)).toEqual(['d3', 'd4', 'd6']);
    expect(result.counts.won).toBe(0);
    expect(result.counts.new).toBe(0);
  });
});

describe('changesSince', () => {
  it('compares the previous meeting with the current state; a corrected amount cancels out', () => {
    // W16 (04-17) → now (05-01): d1 proposal 100 000 → meeting 100 000: stage-back only.
    // d2 close 05-20 → 06-30: still in Q2, not slipped; amount 250 000 both times.
    const result = changesSince(W16, { asOf: '2026-05-01', openDeals: W18.deals, closedDeals: CLOSED }, STAGE_ORDER, Q2);
    expect(result.changes.map((c) => [c.kind, c.dealId])).toEqual([
      ['new', 'd7'],
      ['won', 'd3'],
      ['won', 'd7'],
      ['lost', 'd4'],
      ['stage-back', 'd1'],
      ['gone', 'd6'],
    ]);
    expect(result.counts).toEqual({ ...zero, new: 1, won: 2, lost: 1, 'stage-back': 1, gone: 1 });
  });

  const before = snapshotOf('2026-04-17', [
    ['a', 'A', 'Acc', 'anna', 'gbg', 'proposal', 0.3, '2026-05-20'],
    ['b', 'B', 'Acc', 'anna', 'gbg', 'custom-stage', 100, '2026-05-20'],
    ['c', 'C', 'Acc', 'anna', 'gbg', 'proposal', 100, '2026-07-10'],
    ['d', 'D', 'Acc', 'anna', 'gbg', 'proposal', 100, '2026-03-31'],
    ['e', 'E', 'Acc', 'anna', 'gbg', 'proposal', 100, '2026-05-20'],
    ['f', 'F', 'Acc', 'anna', 'gbg', 'proposal', 100, '2026-05-20'],
  ]);
  const closed = (id: string, status: 'won' | 'lost', close: string): ClosedDeal => ({
    id,
    status,
    close,
    name: id.toUpperCase(),
    account: 'Acc',
    ownerId: 'anna',
    teamId: 'gbg',
    amount: 100,
  });

  it('edge cases: cents, unknown stages, slips, back-dated and old closes, reopened deals', () => {
    const now = {
      asOf: '2026-04-24',
      openDeals: [
        // a: 0.1 + 0.2 is 0.3 in cents → no amount change.
        ['a', 'A', 'Acc', 'anna', 'gbg', 'proposal', 0.1 + 0.2, '2026-05-20'],
        // b: from a stage outside the order → no stage change.
        ['b', 'B', 'Acc', 'anna', 'gbg', 'negotiation', 100, '2026-05-20'],
        // c: already after Q2 before, later still → not a slip.
        ['c', 'C', 'Acc', 'anna', 'gbg', 'proposal', 100, '2026-09-30'],
        // d: past due before Q2 started (03-31), now after Q2 → was not in Q2, not a slip.
        ['d', 'D', 'Acc', 'anna', 'gbg', 'proposal', 100, '2026-08-01'],
        // f: also in the closed list (reopened): open wins.
        ['f', 'F', 'Acc', 'anna', 'gbg', 'proposal', 100, '2026-05-20'],
      ] as Snapshot['deals'],
      closedDeals: [
        // e: open before, won with a close date back-dated before the previous meeting → won.
        closed('e', 'won', '2026-04-10'),
        closed('f', 'won', '2026-04-20'),
        // g: lost long ago, never seen open → nothing.
        closed('g', 'lost', '2026-01-15'),
        // h: never seen open, lost after the previous meeting → new and lost; no stageId → the status.
        closed('h', 'lost', '2026-04-20'),
      ],
    };
    const result = changesSince(before, now, STAGE_ORDER, Q2);
    expect(result.changes.map((c) => [c.kind, c.dealId, c.after?.stageId])).toEqual([
      ['new', 'h', 'lost'],
      ['won', 'e', 'won'],
      ['lost', 'h', 'lost'],
    ]);
  });

  it('is the same whatever order the deals come in', () => {
    const shuffled = { ...W16, deals: [...W16.deals].reverse() };
    const now = { asOf: W17.asOf, openDeals: [...W17.deals].reverse(), closedDeals: [...CLOSED].reverse() };
    expect(changesSince(shuffled, now, STAGE_ORDER, Q2)).toEqual(compareSnapshots(W16, W17, STAGE_ORDER, Q2, CLOSED));
  });
});
