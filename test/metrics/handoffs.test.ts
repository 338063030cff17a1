import { describe, expect, it } from 'vitest';
import { handoffs } from '../../src/metrics/handoffs.ts';
import { HATS } from '../../src/core/records.ts';
import { account, activity, context, deal, frozen, numbersIn, user } from './fixtures-pipeline.ts';

const q1 = { start: '2026-01-01', end: '2026-03-31' };
const ctx = context('2026-03-31');

const users = [
  user({ id: 's1', teamId: 't1', hats: ['sdr_outbound'] }),
  user({ id: 's2', teamId: 't2', hats: ['sdr_inbound'] }),
  user({ id: 'ae1', teamId: 't1', hats: ['account_executive'] }),
  user({ id: 'am1', teamId: 't1', hats: ['account_manager'] }),
  user({ id: 'ae2', teamId: 't2', hats: ['account_executive'] }),
];
const activities = [
  activity({ id: 'm1', type: 'meeting_booked', date: '2026-01-10', ownerId: 's1' }),
  activity({ id: 'm2', type: 'meeting_booked', date: '2026-03-31', ownerId: 's1' }), // quarter end
  activity({ id: 'm3', type: 'meeting_booked', date: '2026-02-01', ownerId: 's2' }),
  activity({ id: 'm4', type: 'meeting_booked', date: '2026-02-01', ownerId: 'ae1' }), // not an SDR
  activity({ id: 'm5', type: 'meeting_booked', date: '2026-04-01', ownerId: 's1' }), // Q2
  activity({ id: 'm6', type: 'meeting_held', date: '2026-02-01', ownerId: 's1' }),
];
const accounts = [account({ id: 'acc1', ownerId: 'am1' }), account({ id: 'acc2', ownerId: 'ae2' }), account({ id: 'acc3', ownerId: 'am1' })];
const deals = [
  // Handed over by SDRs (sdrId), created in Q1.
  deal({ id: 'h1', sdrId: 's1', created: '2026-01-15', stageId: 'qualification' }), // pending
  deal({ id: 'h2', sdrId: 's1', created: '2026-01-20', stageId: 'proposal' }), // accepted
  deal({ id: 'h3', sdrId: 's1', created: '2026-02-01', status: 'won', close: '2026-03-01', amount: 1000, accountId: 'acc1' }),
  deal({ id: 'h4', sdrId: 's1', created: '2026-02-05', status: 'lost', stageId: 'qualification', close: '2026-02-20' }),
  deal({ id: 'h5', sdrId: 's1', created: '2026-02-10', status: 'lost', stageId: 'negotiation', close: '2026-03-10' }),
  deal({ id: 'h6', sdrId: 's2', teamId: 't2', created: '2026-03-31', status: 'won', close: '2026-03-31', amount: 500, accountId: 'acc2' }),
  deal({ id: 'h7', sdrId: 's2', teamId: 't2', created: '2026-03-05', status: 'lost', close: '2026-03-20' }), // stage 'lost'
  deal({ id: 'h8', sdrId: 's1', created: '2025-12-31' }), // Q4 2025
  deal({ id: 'x1', created: '2026-01-10' }), // no SDR
  // New customers won in Q1 without an SDR.
  deal({ id: 'n3', status: 'won', close: '2026-01-05', amount: 300, accountId: 'acc3' }),
  deal({ id: 'n4', status: 'won', close: '2026-02-02', amount: 300, accountId: 'acc4' }), // no account row
  deal({ id: 'n5', status: 'won', close: '2025-12-15', amount: 300, accountId: 'acc5' }), // Q4 2025
  // Follow-on deals.
  deal({ id: 'f1', status: 'won', channel: 'upsell', close: '2026-03-15', amount: 200, accountId: 'acc1' }),
  deal({ id: 'f2', status: 'won', channel: 'renewal', close: '2026-03-31', amount: 300, accountId: 'acc1' }),
  deal({ id: 'f3', status: 'won', channel: 'upsell', close: '2026-04-05', amount: 400, accountId: 'acc1' }), // after as-of
  deal({ id: 'f4', status: 'won', channel: 'winback', close: '2026-03-01', amount: 500, accountId: 'acc3' }),
  deal({ id: 'f5', status: 'open', channel: 'upsell', amount: 600, accountId: 'acc3' }),
  deal({ id: 'f6', status: 'won', channel: 'upsell', close: '2026-03-31', amount: 700, accountId: 'acc2' }), // not onboarded
  deal({ id: 'f7', status: 'won', channel: 'renewal', close: '2026-01-01', amount: 800, accountId: 'acc3' }), // before new deal
];

describe('handoffs', () => {
  it('follows SDR → AE hand-offs per team', () => {
    // t1: meetings by SDRs m1, m2 = 2; handed over h1–h5 = 5: accepted h2 (proposal), h3 (won),
    // h5 (lost in negotiation) = 3; pending h1; rejected h4 (lost in the first stage). Won h3 1000.
    // acceptance 3 ÷ 5 = 0.6, win rate 1 ÷ 3.
    // t2: meetings m3 = 1; handed over h6, h7: accepted h6 (won 500), rejected h7 (stage "lost").
    // Total: 3 meetings, 7 handed over, 4 accepted (4/7), 1 pending, 2 rejected, 2 won 1500 (2/4).
    const result = handoffs({ deals, activities, users, accounts }, q1, ctx);
    expect(result.teams.map((team) => team.teamId)).toEqual(['t1', 't2']);
    expect(result.teams[0]!.sdrToAe).toEqual({
      meetingsBooked: 2,
      handedOver: 5,
      accepted: 3,
      pending: 1,
      rejected: 1,
      won: 1,
      wonAmount: 1000,
      acceptanceRate: 0.6,
      winRate: 1 / 3,
    });
    expect(result.teams[1]!.sdrToAe).toEqual({
      meetingsBooked: 1,
      handedOver: 2,
      accepted: 1,
      pending: 0,
      rejected: 1,
      won: 1,
      wonAmount: 500,
      acceptanceRate: 0.5,
      winRate: 1,
    });
    expect(result.total.sdrToAe).toEqual({
      meetingsBooked: 3,
      handedOver: 7,
      accepted: 4,
      pending: 1,
      rejected: 2,
      won: 2,
      wonAmount: 1500,
      acceptanceRate: 4 / 7,
      winRate: 0.5,
    });
  });

  it('follows AE → account manager hand-offs of new customers', () => {
    // New customers won in Q1: acc1 (h3, t1), acc3 (n3, t1), acc4 (n4, t1, no account row), acc2 (h6, t2).
    // Onboarded (owner wears account_manager): acc1, acc3. Follow-on on them: f1 200 + f2 300 on acc1
    // (f3 after as-of, f4 winback, f5 open, f7 before the new deal). f6 is on acc2, not onboarded.
    // t1: 3 customers, 2 onboarded (2/3), 2 follow-ons 500, 1 account with follow-on (1/2).
    const result = handoffs({ deals, activities, users, accounts }, q1, ctx);
    expect(result.teams[0]!.aeToAm).toEqual({
      newCustomers: 3,
      onboarded: 2,
      onboardingRate: 2 / 3,
      followOnDeals: 2,
      followOnAmount: 500,
      accountsWithFollowOn: 1,
      followOnRate: 0.5,
    });
    expect(result.teams[1]!.aeToAm).toEqual({
      newCustomers: 1,
      onboarded: 0,
      onboardingRate: 0,
      followOnDeals: 0,
      followOnAmount: 0,
      accountsWithFollowOn: 0,
      followOnRate: null,
    });
    expect(result.total.aeToAm).toEqual({
      newCustomers: 4,
      onboarded: 2,
      onboardingRate: 0.5,
      followOnDeals: 2,
      followOnAmount: 500,
      accountsWithFollowOn: 1,
      followOnRate: 0.5,
    });
  });

  it('makes sense for a one-person company wearing every hat', () => {
    const founder = [user({ id: 'f', hats: [...HATS] })];
    const result = handoffs(
      {
        deals: [
          deal({ id: 'd1', ownerId: 'f', sdrId: 'f', created: '2026-02-01', status: 'won', close: '2026-03-01', amount: 100, accountId: 'acc1' }),
          deal({ id: 'd2', ownerId: 'f', status: 'won', channel: 'upsell', close: '2026-03-20', amount: 50, accountId: 'acc1' }),
        ],
        activities: [activity({ id: 'm1', type: 'meeting_booked', date: '2026-01-20', ownerId: 'f' })],
        users: founder,
        accounts: [account({ id: 'acc1', ownerId: 'f' })],
      },
      q1,
      ctx,
    );
    expect(result.total).toEqual({
      sdrToAe: { meetingsBooked: 1, handedOver: 1, accepted: 1, pending: 0, rejected: 0, won: 1, wonAmount: 100, acceptanceRate: 1, winRate: 1 },
      aeToAm: { newCustomers: 1, onboarded: 1, onboardingRate: 1, followOnDeals: 1, followOnAmount: 50, accountsWithFollowOn: 1, followOnRate: 1 },
    });
  });

  it('makes sense with no users at all: nobody is an SDR or account manager', () => {
    const result = handoffs(
      {
        deals: [deal({ id: 'd1', teamId: '', status: 'won', close: '2026-02-01', amount: 100 })],
        activities: [activity({ id: 'm1', type: 'meeting_booked', date: '2026-01-20', ownerId: 'nobody' })],
        users: [],
        accounts: [],
      },
      q1,
      ctx,
    );
    expect(result.teams.map((team) => team.teamId)).toEqual(['']);
    expect(result.total.sdrToAe).toMatchObject({ meetingsBooked: 0, handedOver: 0, acceptanceRate: null, winRate: null });
    expect(result.total.aeToAm).toMatchObject({ newCustomers: 1, onboarded: 0, onboardingRate: 0, followOnRate: null });
    expect(numbersIn(result).every(Number.isFinite)).toBe(true);
  });

  it('is all zeros and no teams without records', () => {
    const result = handoffs({ deals: [], activities: [], users: [], accounts: [] }, q1, ctx);
    expect(result.teams).toEqual([]);
    expect(result.total.sdrToAe).toMatchObject({ handedOver: 0, acceptanceRate: null });
    expect(numbersIn(result).every(Number.isFinite)).toBe(true);
  });

  it('does not mutate its input', () => {
    const input = frozen({ deals, activities, users, accounts });
    expect(handoffs(input, q1, ctx).total.sdrToAe.handedOver).toBe(7);
  });
});
