/**
 * The as-of date of a build: checked to be a real calendar day in a plausible range, and chosen
 * from (in this order) `TAVLA_AS_OF`, the `asOf` setting, or today in the settings' time zone.
 *
 * @summary
 * - A valid as-of date is written `YYYY-MM-DD`, names a day that exists in the Gregorian
 *   calendar (no 2026-02-30, no month 13) and lies from 2000-01-01 to 2099-12-31: CRM exports
 *   hold nothing older, and a date outside that range is a typo.
 * - `asOfProblem` returns the reason a text is not one, worded for the person editing the
 *   settings or the environment, or undefined when it is valid.
 *
 * @example
 * asOfProblem('2026-02-30') //=> '"2026-02-30" is not a day in the calendar: February 2026 has 28 days'
 * chooseAsOf({ override: '2026-12-01', setting: '2026-11-20', timeZone: 'Europe/Stockholm', now }) //=> '2026-12-01'
 */

const AS_OF_RANGE = { first: '2000-01-01', last: '2099-12-31' } as const;

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** Why `text` is not a usable as-of date, or undefined when it is one. */
export function asOfProblem(text: string): string | undefined {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!match) return `"${text}" is not a date written as YYYY-MM-DD`;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (month < 1 || month > 12) return `"${text}" is not a day in the calendar: there is no month ${match[2]}`;
  const days = daysInMonth(year, month);
  if (day < 1 || day > days) return `"${text}" is not a day in the calendar: ${MONTHS[month - 1]} ${match[1]} has ${days} days`;
  if (text < AS_OF_RANGE.first || text > AS_OF_RANGE.last) {
    return `"${text}" is outside the dates a report can be as of (${AS_OF_RANGE.first} to ${AS_OF_RANGE.last})`;
  }
  return undefined;
}

/** Today in `timeZone` as YYYY-MM-DD. */
function todayIn(timeZone: string, now: Date): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
}

export interface AsOfChoice {
  /** `TAVLA_AS_OF`, when set (empty counts as unset). */
  override?: string;
  /** The `asOf` setting, when present (already validated). */
  setting?: string;
  timeZone: string;
  now: Date;
}

/** The as-of date, and where it came from; throws when the override is not a valid date. */
export function chooseAsOf(choice: AsOfChoice): { asOf: string; source: 'TAVLA_AS_OF' | 'setting' | 'today' } {
  if (choice.override) {
    const problem = asOfProblem(choice.override);
    if (problem) throw new Error(`TAVLA_AS_OF: ${problem}`);
    return { asOf: choice.override, source: 'TAVLA_AS_OF' };
  }
  if (choice.setting) return { asOf: choice.setting, source: 'setting' };
  return { asOf: todayIn(choice.timeZone, choice.now), source: 'today' };
}
