import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { funnel, heldBookings } from '../../src/metrics/funnel.ts';
import { HATS, type Activity } from '../../src/core/records.ts';
import { activity, context, deal, frozen, funnelWeek, numbersIn, user } from './fixtures-pipeline.ts';

const march = { start: '2026-03-01', end: '2026-03-31' };
const ctx = context('2026-03-31');

// Weeks: W09 Feb 23–Mar 1 (Thu Feb 26 → February), W10 Mar 2–8, W13 Mar 23–29,
// W14 Mar 30–Apr 5 (Thu Apr 2 → April). Counted: W10 + W13.
const weeks = [
  funnelWeek({ week: '2026-W09', visits: 1000, leads: 50, nurture: 10 }),
  funnelWeek({ week: '2026-W10', visits: 400, leads: 20, nurture: 5 }),
  funnelWeek({ week: '2026-W13', visits: 600, leads: 30, nurture: 7, teamId: 't2' }),
  funnelWeek({ week: '2026-W14', visits: 999, leads: 99, nurture: 9 }),
];
const activities = [
  activity({ id: 'b0', type: 'meeting_booked', date: '2026-02-25', accountId: 'F' }), // booked in Feb
  activity({ id: 'h5', type: 'meeting_held', date: '2026-03-02', accountId: 'F' }), // holds b0
  activity({ id: 'b1', type: 'meeting_booked', date: '2026-03-03', accountId: 'A' }),
  activity({ id: 'h1', type: 'meeting_held', date: '2026-03-05', accountId: 'A' }), // holds b1 (account)
  activity({ id: 'b2', type: 'meeting_booked', date: '2026-03-10', accountId: 'B', dealId: 'o2' }),
  activity({ id: 'h2', type: 'meeting_held', date: '2026-03-10', accountId: 'B', dealId: 'o2' }), // holds b2, same day
  activity({ id: 'h3', type: 'meeting_held', date: '2026-03-11', accountId: 'C' }), // before b3: no match
  activity({ id: 'b3', type: 'meeting_booked', date: '2026-03-12', accountId: 'C' }),
  activity({ id: 'b4', type: 'meeting_booked', date: '2026-03-20', accountId: 'D', dealId: 'o4' }),
  activity({ id: 'h4', type: 'meeting_held', date: '2026-03-25', accountId: 'D', dealId: 'o9' }), // other deal
  activity({ id: 'b5', type: 'meeting_booked', date: '2026-03-28' }), // no ids: unmatchable
  activity({ id: 'h6', type: 'meeting_held', date: '2026-03-30', accountId: 'G' }), // walk-in, never booked
  activity({ id: 'b6', type: 'meeting_booked', date: '2026-04-02', accountId: 'E' }), // April
  activity({ id: 'c1', type: 'call', date: '2026-03-04', accountId: 'A' }),
];
const deals = [
  deal({ id: 'o1', created: '2026-03-02', status: 'won', close: '2026-03-20', amount: 100 }),
  deal({ id: 'o2', created: '2026-03-10', status: 'lost', close: '2026-03-25', amount: 200 }),
  deal({ id: 'o3', created: '2026-03-15', amount: 300 }),
  deal({ id: 'o4', created: '2026-03-31', amount: 400 }),
  deal({ id: 'o5', created: '2026-02-10', status: 'won', close: '2026-03-05', amount: 500 }),
  deal({ id: 'o6', created: '2026-03-20', status: 'won', close: '2026-04-05', amount: 600 }), // won after as-of
  deal({ id: 'o7', created: '2026-04-01', amount: 700 }),
];
const users = [
  user({ id: 'u1', name: 'Anna Berg', hats: ['online_manager', 'campaign_manager'] }),
  user({ id: 'u2', name: 'Erik Lund', hats: ['sdr_outbound'] }),
  user({ id: 'u3', name: 'Sara Holm', hats: ['account_executive'] }),
  user({ id: 'u4', name: 'Björn Ek', hats: ['account_executive'], end: '2026-02-28' }),
  user({ id: 'u5', name: 'Per Nyström', hats: ['nurture_owner'], start: '2026-04-01' }),
  user({ id: 'u6', name: 'Lena Dahl', hats: ['prospector'] }),
];
const anna = { id: 'u1', name: 'Anna Berg' };
const sara = { id: 'u3', name: 'Sara Holm' };

describe('funnel', () => {
  it('gives the period view: counts in the period and the conversion at every link', () => {
    // visits 400 + 600 = 1000; leads 20 + 30 = 50; nurture 5 + 7 = 12.
    // booked in March: b1–b5 = 5; held in March: h1–h6 = 6; opportunities created: o1–o4, o6 = 5;
    // won by close date up to as-of: o1, o5 = 2 (100 + 500 = 600).
    // Conversions: 50/1000 = 0.05; 5/50 = 0.1; 6/5 = 1.2; 5/6; 2/5 = 0.4; nurture 12/50 = 0.24.
    const result = funnel({ funnel: weeks, activities, deals, users }, march, ctx);
    const links = result.period.links;
    expect(links.map((link) => [link.id, link.count])).toEqual([
      ['visits', 1000],
      ['leads', 50],
      ['meetingsBooked', 5],
      ['meetingsHeld', 6],
      ['opportunities', 5],
      ['won', 2],
    ]);
    expect(links.map((link) => link.conversion)).toEqual([null, 0.05, 0.1, 1.2, 5 / 6, 0.4]);
    expect(result.period.wonAmount).toBe(600);
    expect(result.period.nurture).toEqual({ id: 'nurture', count: 12, conversion: 0.24, hat: 'nurture_owner', owners: [] });
    expect(result.period.callLists).toEqual({
      id: 'callLists',
      count: null,
      conversion: null,
      hat: 'prospector',
      owners: [{ id: 'u6', name: 'Lena Dahl' }],
    });
  });

  it('names the owner hat of every link and the people wearing it in the range', () => {
    // Björn left before March; Per starts in April.
    const links = funnel({ funnel: weeks, activities, deals, users }, march, ctx).period.links;
    expect(links.map((link) => [link.hat, link.owners])).toEqual([
      ['online_manager', [anna]],
      ['campaign_manager', [anna]],
      ['sdr_outbound', [{ id: 'u2', name: 'Erik Lund' }]],
      ['account_executive', [sara]],
      ['account_executive', [sara]],
      ['account_executive', [sara]],
    ]);
  });

  it('gives the cohort view: opportunities and bookings of the period followed through', () => {
    // Created in March: o1 won, o2 lost, o3, o4 open, o6 won with a close date after as-of: as of
    // as-of neither won nor open (the pipeline does not count it open either) → closedAfterAsOf 1.
    // 5 deals, 1600 = 1 won + 1 lost + 2 open + 1 closed after as-of.
    // win rate 1 ÷ (1 + 1) = 0.5; conversion 1 ÷ 5 = 0.2.
    // Booked in March b1–b5: b1 held (h1, account), b2 held (h2, deal, same day); b3's only held
    // meeting is earlier; b4's held meeting is for another deal; b5 has no ids. Held 2 of 5 = 0.4.
    const result = funnel({ funnel: weeks, activities, deals, users }, march, ctx);
    expect(result.cohort).toEqual({
      opportunities: { created: 5, createdAmount: 1600, won: 1, wonAmount: 100, lost: 1, open: 2, closedAfterAsOf: 1, winRate: 0.5, conversion: 0.2 },
      meetings: { booked: 5, held: 2, notHeld: 2, unmatchable: 1, heldRate: 0.4 },
    });
  });

  it('matches each held meeting to one booking only, earliest booking first', () => {
    const twice = [
      activity({ id: 'b1', type: 'meeting_booked', date: '2026-03-02', accountId: 'A' }),
      activity({ id: 'b2', type: 'meeting_booked', date: '2026-03-03', accountId: 'A' }),
      activity({ id: 'h1', type: 'meeting_held', date: '2026-03-04', accountId: 'A' }),
    ];
    const result = funnel({ funnel: [], activities: twice, deals: [], users: [] }, march, ctx);
    expect(result.cohort.meetings).toEqual({ booked: 2, held: 1, notHeld: 1, unmatchable: 0, heldRate: 0.5 });
  });

  it('is null-safe and zero without records', () => {
    const result = funnel({ funnel: [], activities: [], deals: [], users: [] }, march, ctx);
    expect(result.period.links.map((link) => [link.count, link.conversion])).toEqual([
      [0, null],
      [0, null],
      [0, null],
      [0, null],
      [0, null],
      [0, null],
    ]);
    expect(result.cohort.opportunities).toMatchObject({ created: 0, winRate: null, conversion: null });
    expect(result.cohort.meetings.heldRate).toBeNull();
    expect(numbersIn(result).every(Number.isFinite)).toBe(true);
  });

  it('puts ISO week 53 in the quarter of its Thursday (2026-12-31)', () => {
    const w53 = [funnelWeek({ week: '2026-W53', visits: 10, leads: 2 })];
    const input = { funnel: w53, activities: [], deals: [], users: [] };
    const q4 = funnel(input, { start: '2026-10-01', end: '2026-12-31' }, context('2027-01-10'));
    const jan = funnel(input, { start: '2027-01-01', end: '2027-01-31' }, context('2027-01-10'));
    expect(q4.period.links[0]!.count).toBe(10);
    expect(jan.period.links[0]!.count).toBe(0);
  });

  it('gives every link to the one person of a one-person company, by initials when asked', () => {
    const founder = [user({ id: 'f', name: 'Maja Lund-Ek', hats: [...HATS] })];
    const result = funnel({ funnel: weeks, activities: [], deals: [], users: founder }, march, context('2026-03-31', { initialsOnly: true }));
    const owners = [...result.period.links, result.period.nurture, result.period.callLists].map((link) => link.owners);
    expect(owners).toEqual(Array(8).fill([{ id: 'f', name: 'M.L.E.' }]));
  });

  it('does not mutate its input', () => {
    const input = frozen({ funnel: weeks, activities, deals, users });
    expect(funnel(input, march, ctx).cohort.meetings.held).toBe(2);
  });
});

describe('funnel cohort: booked → held matching', () => {
  it('lets a held meeting take the latest booking before it, so a no-show does not take it', () => {
    // Account A: b1 booked for 2026-03-02 (no-show), b2 booked for 2026-03-20 and held that day.
    // The held meeting takes b2 (latest booking on or before it), so of the bookings dated
    // 2026-03-15…31 (only b2) one was held: held 1, heldRate 1. Matching earliest-first would
    // have given b1 the meeting and left b2 unheld (heldRate 0).
    const activities = [
      activity({ id: 'b1', type: 'meeting_booked', date: '2026-03-02', accountId: 'A' }),
      activity({ id: 'b2', type: 'meeting_booked', date: '2026-03-20', accountId: 'A' }),
      activity({ id: 'h2', type: 'meeting_held', date: '2026-03-20', accountId: 'A' }),
    ];
    const result = funnel({ funnel: [], activities, deals: [], users: [] }, { start: '2026-03-15', end: '2026-03-31' }, context('2026-06-15'));
    expect(result.cohort.meetings).toMatchObject({ booked: 1, held: 1, notHeld: 0, heldRate: 1 });
  });
});

describe('heldBookings', () => {
  /** The matching rule one candidate at a time: the deal's bookings, then the account's (the reference). */
  function reference(list: readonly Activity[], asOf: string): Set<Activity> {
    const text = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
    const byDate = (a: Activity, b: Activity) => text(a.date, b.date) || text(a.id, b.id);
    const same = (b: Activity, h: Activity) => (b.dealId && h.dealId ? b.dealId === h.dealId : !!b.accountId && b.accountId === h.accountId);
    const taken = new Set<Activity>();
    for (const meeting of list.filter((a) => a.type === 'meeting_held' && a.date <= asOf).sort(byDate)) {
      // Bookings of the meeting's deal first, then of its account, each in file order; a later
      // candidate replaces the best only when strictly later, so ties keep the one seen first.
      const candidates = [
        ...list.filter((b) => meeting.dealId && b.dealId === meeting.dealId),
        ...list.filter((b) => meeting.accountId && b.accountId === meeting.accountId),
      ];
      let best: Activity | undefined;
      for (const booking of candidates) {
        if (booking.type !== 'meeting_booked' || booking.date > meeting.date || taken.has(booking) || !same(booking, meeting)) continue;
        if (best === undefined || byDate(booking, best) > 0) best = booking;
      }
      if (best) taken.add(best);
    }
    return taken;
  }

  it('matches as the rule says, also for bookings of the same date and id (property)', () => {
    const meeting = fc.record({
      type: fc.constantFrom('meeting_booked', 'meeting_held'),
      day: fc.integer({ min: 1, max: 6 }),
      id: fc.constantFrom('', 'm1', 'm2'),
      accountId: fc.constantFrom(undefined, 'A', 'B'),
      dealId: fc.constantFrom(undefined, 'D1', 'D2'),
    });
    fc.assert(
      fc.property(fc.array(meeting, { maxLength: 24 }), (rows) => {
        const list = rows.map((r) => activity({ id: r.id, type: r.type, date: `2026-03-0${r.day}`, accountId: r.accountId, dealId: r.dealId }));
        expect([...heldBookings(list, '2026-03-05')].map((a) => list.indexOf(a)).sort()).toEqual(
          [...reference(list, '2026-03-05')].map((a) => list.indexOf(a)).sort(),
        );
      }),
      { numRuns: 2000 },
    );
  });
});
