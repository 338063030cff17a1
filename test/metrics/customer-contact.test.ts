import { describe, expect, it } from 'vitest';
import type { Activity } from '../../src/core/records.ts';
import { CUSTOMER_CONTACT } from '../../src/metrics/customer-contact.ts';
import { accountsContactedBy, activityFactsOf, type ContactRule } from '../../src/model/activity-facts.ts';

const row = (type: Activity['type'], date: string, accountId: string) => ({ ownerId: 'u1', type, date, accountId });

describe('CUSTOMER_CONTACT', () => {
  it('counts calls, e-mails, meetings and proposals, not notes or tasks', () => {
    expect(
      ['call', 'email', 'meeting_booked', 'meeting_held', 'proposal', 'note', 'task'].map((t) => CUSTOMER_CONTACT.types.has(t as Activity['type'])),
    ).toEqual([true, true, true, true, true, false, false]);
  });

  it('has fiscal year-to-date as its window', () => {
    // Fiscal years from April: as of 2026-07-02 the year began 2026-04-01; from January, 2026-01-01.
    expect(CUSTOMER_CONTACT.window('2026-07-02', 4)).toEqual({ start: '2026-04-01', end: '2026-07-02' });
    expect(CUSTOMER_CONTACT.window('2026-03-15', 4)).toEqual({ start: '2025-04-01', end: '2026-03-15' });
    expect(CUSTOMER_CONTACT.window('2026-07-02', 1)).toEqual({ start: '2026-01-01', end: '2026-07-02' });
  });

  it('is the rule the activity facts apply: another rule counts other accounts', () => {
    const log = [
      row('call', '2026-02-01', 'a1'), // contact, in the window
      row('note', '2026-02-01', 'a2'), // no contact
      row('call', '2025-12-31', 'a3'), // before the window
      row('call', '2026-07-03', 'a4'), // after as-of
    ];
    const asOf = '2026-07-02';
    // Hand count: only a1 is a contact in 2026-01-01 … 2026-07-02.
    expect(accountsContactedBy(activityFactsOf(log, { asOf, fiscalYearStartMonth: 1, contact: CUSTOMER_CONTACT }), ['u1'])).toBe(1);
    // Notes only, over every date up to as-of: a2 alone.
    const notesOnly: ContactRule = { types: new Set(['note']), window: (end) => ({ start: '2000-01-01', end }) };
    expect(accountsContactedBy(activityFactsOf(log, { asOf, fiscalYearStartMonth: 1, contact: notesOnly }), ['u1'])).toBe(1);
    // Calls over every date up to as-of: a1 and a3 (a4 is after as-of).
    const callsAllYears: ContactRule = { types: new Set(['call']), window: (end) => ({ start: '2000-01-01', end }) };
    expect(accountsContactedBy(activityFactsOf(log, { asOf, fiscalYearStartMonth: 1, contact: callsAllYears }), ['u1'])).toBe(2);
  });
});
