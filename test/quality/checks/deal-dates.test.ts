import { describe, expect, it } from 'vitest';
import { closeBeforeCreated, pastCloseDate } from '../../../src/quality/checks/deal-dates.ts';
import { brief, deal, EMPTY, input } from '../helpers.ts';

// as-of 2026-11-20
// 2 open  close 11-19                → Past, 1 day
// 3 open  close 11-20                → nothing (closing today is fine)
// 4 open  close 10-31                → Past, 20 days (Oct 31 → Nov 20)
// 5 won   close 2026-01-01           → nothing (not open)
// 6 lost  created 2026-01-05, close 2025-12-31 → CloseBeforeCreated only
// 7 open  created 12-02, close 12-01 → CloseBeforeCreated only (close still ahead)
// 8 open  created = close = 11-01    → Past, 19 days; same-day close is not before created
const fixture = input({
  deals: [
    deal(2, { close: '2026-11-19' }),
    deal(3, { close: '2026-11-20' }),
    deal(4, { close: '2026-10-31', created: '2026-10-01' }),
    deal(5, { status: 'won', stageId: 'won', created: '2025-12-01', close: '2026-01-01' }),
    deal(6, { status: 'lost', stageId: 'lost', ownerId: 'u2', created: '2026-01-05', close: '2025-12-31' }),
    deal(7, { created: '2026-12-02', close: '2026-12-01' }),
    deal(8, { created: '2026-11-01', close: '2026-11-01' }),
  ],
});

describe('pastCloseDate', () => {
  it('flags open deals whose close date is before as-of, with the days overdue', () => {
    const issues = pastCloseDate(fixture);
    expect(brief(issues)).toEqual(['PastCloseDate deals.csv:2 close_date', 'PastCloseDate deals.csv:4 close_date', 'PastCloseDate deals.csv:8 close_date']);
    expect(issues.map((issue) => issue.message)).toEqual([
      'open deal was expected to close 2026-11-19, 1 day before 2026-11-20',
      'open deal was expected to close 2026-10-31, 20 days before 2026-11-20',
      'open deal was expected to close 2026-11-01, 19 days before 2026-11-20',
    ]);
    expect(issues[0]).toMatchObject({ recordId: 'D2', ownerId: 'u1' });
  });

  it('gives nothing for empty input', () => {
    expect(pastCloseDate(EMPTY)).toEqual([]);
  });
});

describe('closeBeforeCreated', () => {
  it('flags any deal closed before it was created', () => {
    const issues = closeBeforeCreated(fixture);
    expect(brief(issues)).toEqual(['CloseBeforeCreated deals.csv:6 close_date', 'CloseBeforeCreated deals.csv:7 close_date']);
    expect(issues[0]).toMatchObject({
      ownerId: 'u2',
      message: 'close date 2025-12-31 is before created date 2026-01-05',
    });
  });

  it('gives nothing for empty input', () => {
    expect(closeBeforeCreated(EMPTY)).toEqual([]);
  });
});
