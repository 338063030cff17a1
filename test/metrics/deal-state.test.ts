import { describe, expect, it } from 'vitest';
import { dealStateAsOf } from '../../src/metrics/deal-state.ts';
import { openDeals } from '../../src/metrics/open-pipeline.ts';
import { winRate } from '../../src/metrics/win-rate.ts';
import { funnel } from '../../src/metrics/funnel.ts';
import { context, deal } from './fixtures-pipeline.ts';

const asOf = '2026-11-20';
const ctx = context(asOf);

describe('dealStateAsOf', () => {
  it('is the one rule for open, won and lost as of the report date', () => {
    expect(dealStateAsOf({ status: 'open', created: '2026-01-01', close: '2025-01-01' }, asOf)).toBe('open'); // slipped: still open
    expect(dealStateAsOf({ status: 'won', created: '2026-01-01', close: asOf }, asOf)).toBe('won'); // on as-of: counts
    expect(dealStateAsOf({ status: 'lost', created: '2026-01-01', close: '2026-11-21' }, asOf)).toBe('closed-after-as-of');
    expect(dealStateAsOf({ status: 'open', created: '2026-11-21', close: '2026-12-01' }, asOf)).toBe('not-created');
  });

  it('makes the pipeline, the win rate and the funnel cohort agree on the same deals', () => {
    // Created this year: o1 open, o2 open slipped, w1 won, l1 lost, l2 lost dated after as-of,
    // o3 created after as-of. Open = o1, o2 (2) everywhere; win rate 1 ÷ (1 + 1) = 0.5 (l2 left out
    // on every page); the cohort: created 5 (o3 not yet) = 1 won + 1 lost + 2 open + 1 after as-of.
    const deals = [
      deal({ id: 'o1', created: '2026-02-01', close: '2026-12-15' }),
      deal({ id: 'o2', created: '2026-03-01', close: '2026-05-01' }),
      deal({ id: 'w1', status: 'won', created: '2026-02-01', close: '2026-06-01' }),
      deal({ id: 'l1', status: 'lost', created: '2026-02-01', close: '2026-07-01' }),
      deal({ id: 'l2', status: 'lost', created: '2026-04-01', close: '2026-12-01' }),
      deal({ id: 'o3', created: '2026-11-25', close: '2026-12-20' }),
    ];
    const year = { start: '2026-01-01', end: '2026-12-31' };
    expect(openDeals(deals, asOf).map((d) => d.id)).toEqual(['o1', 'o2']);
    expect(winRate(deals, year, ctx)).toMatchObject({ won: 1, lost: 1, byCount: 0.5 });
    const cohort = funnel({ funnel: [], activities: [], deals, users: [] }, year, ctx).cohort.opportunities;
    expect(cohort).toMatchObject({ created: 5, won: 1, lost: 1, open: 2, closedAfterAsOf: 1, winRate: 0.5 });
  });
});
