import { describe, expect, it } from 'vitest';
import { lostByReason } from '../../src/metrics/lost-reasons.ts';

const nov = { start: '2026-11-01', end: '2026-11-30' };

describe('lostByReason', () => {
  it('sums lost contract value per reason, largest first, and keeps deals without a reason', () => {
    // Pris: 100 + 250 = 350 (2 deals; the trailing space is the same reason). '' : 80.
    // Konkurrent: 120. Left out: a won deal, a deal lost in October.
    const rows = lostByReason(
      [
        { status: 'lost', close: '2026-11-03', amount: 100, lostReason: 'Pris' },
        { status: 'lost', close: '2026-11-10', amount: 250, lostReason: 'Pris ' },
        { status: 'lost', close: '2026-11-12', amount: 80 },
        { status: 'lost', close: '2026-11-30', amount: 120, lostReason: 'Konkurrent' },
        { status: 'won', close: '2026-11-12', amount: 999, lostReason: 'Pris' },
        { status: 'lost', close: '2026-10-31', amount: 999, lostReason: 'Pris' },
      ],
      nov,
    );
    expect(rows).toEqual([
      { reason: 'Pris', count: 2, amount: 350 },
      { reason: 'Konkurrent', count: 1, amount: 120 },
      { reason: '', count: 1, amount: 80 },
    ]);
  });

  it('is empty when nothing was lost', () => {
    expect(lostByReason([], nov)).toEqual([]);
  });
});
