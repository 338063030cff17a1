import { describe, expect, it } from 'vitest';
import { timeWithCustomers, timeWithCustomersBySellerAndWeek } from '../../src/metrics/time-with-customers.ts';
import { fiscalQuarterRange } from '../../src/periods/fiscal.ts';
import { isoWeekRange } from '../../src/periods/iso-week.ts';
import { activity, deepFreeze } from './fixtures.ts';

const activities = [
  activity({ ownerId: 'u1', type: 'meeting_held', date: '2026-11-16', durationMinutes: 60 }), // 2026-W47
  activity({ ownerId: 'u1', type: 'meeting_held', date: '2026-11-18', durationMinutes: 90 }), // W47
  activity({ ownerId: 'u1', type: 'meeting_held', date: '2026-11-20' }), // W47, no duration
  activity({ ownerId: 'u1', type: 'meeting_booked', date: '2026-11-16' }), // W47
  activity({ ownerId: 'u1', type: 'meeting_booked', date: '2026-11-17' }), // W47
  activity({ ownerId: 'u1', type: 'call', date: '2026-11-17', durationMinutes: 45 }), // not a meeting
  activity({ ownerId: 'u2', type: 'meeting_held', date: '2026-12-31', durationMinutes: 45 }), // 2026-W53
  activity({ ownerId: 'u2', type: 'meeting_held', date: '2027-01-03', durationMinutes: 30 }), // Sunday of 2026-W53
  activity({ ownerId: 'u2', type: 'meeting_held', date: '2027-01-04', durationMinutes: 60 }), // 2027-W01
  activity({ ownerId: 'u2', type: 'meeting_booked', date: '2025-12-29' }), // Monday of 2026-W01
  activity({ ownerId: 'u1', type: 'meeting_held', date: '2026-11-23', durationMinutes: 20 }), // 2026-W48
];
const none = {
  meetingsHeld: 0,
  meetingsBooked: 0,
  heldPerBooked: null,
  minutesRecorded: 0,
  hours: 0,
  meetingsWithoutDuration: 0,
  averageMinutes: null,
};
const week47 = {
  meetingsHeld: 3, // 60 + 90 min + one without duration
  meetingsBooked: 2,
  heldPerBooked: 1.5, // 3 / 2
  minutesRecorded: 150,
  hours: 2.5,
  meetingsWithoutDuration: 1,
  averageMinutes: 75, // 150 / 2 timed meetings
};

describe('timeWithCustomers', () => {
  it('counts meetings held and their recorded hours, leaving missing durations out of the hours', () => {
    const range = isoWeekRange('2026-W47');
    expect(timeWithCustomers(activities, range)).toEqual({ range, ...week47 });
  });

  it('ends a quarter on its last day', () => {
    // Q4 2026: held 60, 90, —, 45 (Dec 31), 20 (Nov 23) = 5 meetings, 215 min = 3.58 h, 2 booked
    const q4 = fiscalQuarterRange(2026, 4, 1);
    expect(timeWithCustomers(activities, q4)).toEqual({
      range: q4,
      meetingsHeld: 5,
      meetingsBooked: 2,
      heldPerBooked: 2.5,
      minutesRecorded: 215,
      hours: 3.58,
      meetingsWithoutDuration: 1,
      averageMinutes: 53.75, // 215 / 4
    });
  });

  it('is zero on empty input', () => {
    const range = isoWeekRange('2026-W47');
    expect(timeWithCustomers([], range)).toEqual({ range, ...none });
  });
});

describe('timeWithCustomersBySellerAndWeek', () => {
  it('gives every seller every week, across ISO weeks 1 and 53', () => {
    expect(timeWithCustomersBySellerAndWeek(activities, ['2026-W01', '2026-W47', '2026-W53'])).toEqual([
      { sellerId: 'u1', week: '2026-W01', ...none },
      { sellerId: 'u1', week: '2026-W47', ...week47 },
      { sellerId: 'u1', week: '2026-W53', ...none },
      // booked on 2025-12-29, which is in 2026-W01: 0 held / 1 booked
      { sellerId: 'u2', week: '2026-W01', ...none, meetingsBooked: 1, heldPerBooked: 0 },
      { sellerId: 'u2', week: '2026-W47', ...none },
      // Dec 31 (45 min) + Jan 3 (30 min) = 75 min = 1.25 h; the Jan 4 meeting is 2027-W01
      {
        sellerId: 'u2',
        week: '2026-W53',
        ...none,
        meetingsHeld: 2,
        minutesRecorded: 75,
        hours: 1.25,
        averageMinutes: 37.5,
      },
    ]);
  });

  it('gives no rows on empty input', () => {
    expect(timeWithCustomersBySellerAndWeek([], ['2026-W47'])).toEqual([]);
  });

  it('does not mutate its input', () => {
    const input = deepFreeze(structuredClone(activities));
    timeWithCustomers(input, isoWeekRange('2026-W47'));
    timeWithCustomersBySellerAndWeek(input, ['2026-W47']);
    expect(input).toEqual(activities);
  });
});
