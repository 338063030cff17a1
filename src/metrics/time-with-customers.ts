/**
 * Time with customers: meetings held and their hours, a leadership efficiency KPI (domain §3, §6).
 *
 * @summary
 * - Meetings held: count of `meeting_held` activities whose `date` is in the period.
 * - Hours: sum of the recorded `durationMinutes` of those meetings ÷ 60, rounded to 0.01.
 *   Meetings without a duration are not given a default length: they count in `meetingsHeld`
 *   and again in `meetingsWithoutDuration`, and add nothing to the hours, so the hours are a
 *   floor and the gap is visible. `averageMinutes` is over the meetings with a duration.
 * - Held per booked = meetings held ÷ `meeting_booked` activities dated in the same period
 *   (the day the booking was made), null when none were booked.
 * - Per seller and week: one row per activity owner × requested ISO week (weeks without
 *   meetings give zeros), sellers in id order; the caller passes the people's activities.
 *
 * @example
 * timeWithCustomers([
 *   { ownerId: 'u1', type: 'meeting_held', date: '2026-11-16', durationMinutes: 90 },
 *   { ownerId: 'u1', type: 'meeting_held', date: '2026-11-18' },
 *   { ownerId: 'u1', type: 'meeting_booked', date: '2026-11-17' },
 * ], { start: '2026-11-16', end: '2026-11-22' });
 * //=> { range: { start: '2026-11-16', end: '2026-11-22' }, meetingsHeld: 2, meetingsBooked: 1,
 * //     heldPerBooked: 2, minutesRecorded: 90, hours: 1.5, meetingsWithoutDuration: 1, averageMinutes: 90 }
 */
import type { Activity } from '../core/records.ts';
import { type DateRange, inRange } from '../periods/calendar.ts';
import { isoWeekRange } from '../periods/iso-week.ts';
import { ratio } from './money.ts';

export type MeetingActivity = Pick<Activity, 'ownerId' | 'type' | 'date' | 'durationMinutes'>;

export interface MeetingTime {
  meetingsHeld: number;
  meetingsBooked: number;
  heldPerBooked: number | null;
  minutesRecorded: number;
  hours: number;
  meetingsWithoutDuration: number;
  averageMinutes: number | null;
}

export interface SellerWeekMeetingTime extends MeetingTime {
  sellerId: string;
  /** ISO week `2026-W47`. */
  week: string;
}

function meetingTime(activities: readonly MeetingActivity[], range: DateRange): MeetingTime {
  // One pass; minutes are added in the activities' order.
  let held = 0;
  let timed = 0;
  let minutesRecorded = 0;
  let meetingsBooked = 0;
  for (const a of activities) {
    if (!inRange(a.date, range)) continue;
    if (a.type === 'meeting_held') {
      held++;
      if (a.durationMinutes !== undefined) {
        timed++;
        minutesRecorded += a.durationMinutes;
      }
    } else if (a.type === 'meeting_booked') meetingsBooked++;
  }
  return {
    meetingsHeld: held,
    meetingsBooked,
    heldPerBooked: ratio(held, meetingsBooked),
    minutesRecorded,
    hours: Math.round((minutesRecorded / 60) * 100) / 100,
    meetingsWithoutDuration: held - timed,
    averageMinutes: ratio(minutesRecorded, timed),
  };
}

/** Meetings held, hours and held-per-booked in a date range. */
export function timeWithCustomers(activities: readonly MeetingActivity[], range: DateRange): MeetingTime & { range: DateRange } {
  return { range: { ...range }, ...meetingTime(activities, range) };
}

/** The same figures per activity owner × ISO week. */
export function timeWithCustomersBySellerAndWeek(activities: readonly MeetingActivity[], weeks: readonly string[]): SellerWeekMeetingTime[] {
  const meetings = activities.filter((a) => a.type === 'meeting_held' || a.type === 'meeting_booked');
  const sellerIds = [...new Set(activities.map((a) => a.ownerId))].sort();
  return sellerIds.flatMap((sellerId) => {
    const own = meetings.filter((a) => a.ownerId === sellerId);
    return weeks.map((week) => ({ sellerId, week, ...meetingTime(own, isoWeekRange(week)) }));
  });
}
