import { describe, expect, it } from 'vitest';
import { behindOnGoals, monthPacks, sellerMonth, weekAgenda, type PackScope } from '../../src/report/meeting-figures.ts';
import type { DealLineContext } from '../../src/report/deal-lines.ts';
import { groupBy } from '../../src/model/group-by.ts';
import type { ModelDeal } from '../../src/core/records.ts';
import { context, deal } from '../metrics/fixtures-pipeline.ts';
import { activity, factsOf, target } from '../metrics/fixtures.ts';

const ctx = context('2026-11-20');
const lines: DealLineContext = {
  settings: ctx.settings,
  accountName: (id) => `Account ${id}`,
  person: (id) => ({ id, name: id, slug: id }),
};
const november = target({ scope: 'company', scopeId: '', period: '2026-11', measure: 'volume:total', value: 300_000 });

describe('weekAgenda', () => {
  it('sets the week result against its days of the budget and lists slipped and closing deals', () => {
    // Week 46 = 9–15 Nov 2026, inside November (30 days, 300 000): target 7 × 10 000 = 70 000.
    // Result: w1 annual 40 000 (contract 80 000 over two years); l1 lost and o2 (next week) are not won.
    // Slipped: o1, open, close 12 Nov < as-of 20 Nov, in the week: 25 000.
    // Closing this and next week (9–22 Nov): w1, l1, o1, o2 = 80 000 + 10 000 + 25 000 + 5 000 = 120 000.
    const deals = [
      deal({ id: 'w1', status: 'won', close: '2026-11-10', amount: 80_000, annualAmount: 40_000 }),
      deal({ id: 'l1', status: 'lost', close: '2026-11-11', amount: 10_000 }),
      deal({ id: 'o1', close: '2026-11-12', amount: 25_000 }),
      deal({ id: 'o2', close: '2026-11-18', amount: 5_000 }),
      deal({ id: 'o3', close: '2026-11-30', amount: 99_000 }),
    ];
    const agenda = weekAgenda('2026-W46', { companyTargets: [november], closing: deals, behind: [] }, lines, ctx);
    expect(agenda.target).toBe(70_000);
    expect(agenda.result).toBe(40_000);
    expect(agenda.slipped).toMatchObject({ count: 1, amount: 25_000 });
    expect(agenda.closing).toMatchObject({ count: 4, amount: 120_000 });
    expect(agenda.closing.deals.map((d) => d.id)).toEqual(['w1', 'o1', 'l1', 'o2']);
  });
});

describe('behindOnGoals', () => {
  it('lists per week the sellers below a weekly goal, furthest behind first', () => {
    // u1: goal 10 calls a week, 2 calls in W47 → 20 %; goal 2 meetings held, 2 held → reached, not listed.
    // u2: goal 4 calls, 3 in W47 → 75 %. W46: nobody did anything → u1 0 %, u2 0 %, u1 meetings 0 %.
    const weekly = { cadence: 'weekly', scope: 'seller', period: 'FY2026' } as const;
    const u1 = [
      target({ ...weekly, scopeId: 'u1', measure: 'activity:call', value: 10 }),
      target({ ...weekly, scopeId: 'u1', measure: 'activity:meeting_held', value: 2 }),
    ];
    const u2 = [target({ ...weekly, scopeId: 'u2', measure: 'activity:call', value: 4 })];
    const counts = factsOf(
      [
        activity({ ownerId: 'u1', type: 'call', date: '2026-11-16' }),
        activity({ ownerId: 'u1', type: 'call', date: '2026-11-17' }),
        activity({ ownerId: 'u1', type: 'meeting_held', date: '2026-11-18' }),
        activity({ ownerId: 'u1', type: 'meeting_held', date: '2026-11-19' }),
        activity({ ownerId: 'u2', type: 'call', date: '2026-11-16' }),
        activity({ ownerId: 'u2', type: 'call', date: '2026-11-16' }),
        activity({ ownerId: 'u2', type: 'call', date: '2026-11-20' }),
      ],
      ctx,
    ).counts;
    const sellers = [
      { id: 'u1', teamId: 't1', targets: u1 },
      { id: 'u2', teamId: 't2', targets: u2 },
    ];
    const byWeek = behindOnGoals(['2026-W46', '2026-W47'], sellers, counts, lines, ctx);
    expect(byWeek.get('2026-W47')!.map((r) => [r.person.id, r.type, r.actual, r.goal])).toEqual([
      ['u1', 'call', 2, 10],
      ['u2', 'call', 3, 4],
    ]);
    expect(byWeek.get('2026-W46')).toHaveLength(3);
  });
});

describe('monthPacks', () => {
  it('sets the month to date against its budget to date and stacks the quarter forecast', () => {
    // November to as-of 20 Nov: budget 20/30 × 300 000 = 200 000. Won in November: w1 annual 40 000.
    // October: the budget is set by month and October has no row, so 0. The quarter's budget is read at
    // its end (31 Dec): October 0 + November 300 000 + December 0 = 300 000.
    // Quarter forecast: closed w1 40 000 + w0 (Oct) 60 000 = 100 000; commit o1 (negotiation) 50 000.
    // Lost by reason: l1 'Pris' 10 000.
    const deals: ModelDeal[] = [
      deal({ id: 'w0', status: 'won', close: '2026-10-05', amount: 60_000 }),
      deal({ id: 'w1', status: 'won', close: '2026-11-10', amount: 80_000, annualAmount: 40_000 }),
      deal({ id: 'l1', status: 'lost', close: '2026-11-11', amount: 10_000, lostReason: 'Pris' }),
      deal({ id: 'o1', stageId: 'negotiation', close: '2026-12-12', amount: 50_000 }),
    ];
    const company: PackScope = {
      id: '',
      targets: [november],
      byCloseMonth: groupBy(deals, (d) => d.close.slice(0, 7)),
    };
    const [october, nov] = monthPacks(['2026-10', '2026-11'], { company, teams: [], dealsOfMonth: () => deals }, ctx);
    expect(nov!.company.at(-1)).toEqual({ measure: 'volume:total', result: 40_000, budget: 200_000 });
    expect(october!.company.at(-1)).toEqual({ measure: 'volume:total', result: 60_000, budget: 0 });
    expect(nov!.series.slice(-2)).toMatchObject([
      { month: '2026-10', result: 60_000, budget: 0, byChannel: { new: 60_000, renewal: 0 } },
      { month: '2026-11', result: 40_000, budget: 200_000 },
    ]);
    expect(nov!.lostByReason).toEqual([{ reason: 'Pris', count: 1, amount: 10_000 }]);
    expect(nov!.forecastQuarter).toMatchObject({ label: 'FY2026-Q4', closed: 100_000, commit: 50_000, budget: 300_000, remaining: 200_000 });
    expect(nov!.forecastYear).toMatchObject({ label: 'FY2026', period: { start: '2026-01-01', end: '2026-12-31' } });
  });
});

describe('sellerMonth', () => {
  it("lists a person's deals won and lost in the month up to as-of and counts their hand-offs as SDR", () => {
    // Won w1 (10 Nov) 80 000; lost l1 (11 Nov) with reason; w0 (October) and o1 (open) left out.
    // As SDR: s1 created 3 Nov counts; s2 created 21 Nov (after as-of 20 Nov) and s3 (October) do not.
    const owned = [
      deal({ id: 'w0', status: 'won', close: '2026-10-05', amount: 60_000 }),
      deal({ id: 'w1', status: 'won', close: '2026-11-10', amount: 80_000 }),
      deal({ id: 'l1', status: 'lost', close: '2026-11-11', amount: 10_000, lostReason: 'Pris' }),
      deal({ id: 'o1', close: '2026-11-12', amount: 25_000 }),
    ];
    const asSdr = [deal({ id: 's1', created: '2026-11-03' }), deal({ id: 's2', created: '2026-11-21' }), deal({ id: 's3', created: '2026-10-30' })];
    const month = sellerMonth('u1', '2026-11', owned, asSdr, lines, ctx);
    expect(month.won).toMatchObject({ count: 1, amount: 80_000 });
    expect(month.lost.deals[0]).toMatchObject({ id: 'l1', lostReason: 'Pris' });
    expect(month.handedOver).toBe(1);
  });
});
