/**
 * Calendar arithmetic on day numbers (days since 1970-01-01, UTC). Dates in the demo are
 * local calendar dates, so UTC day numbers are exact and independent of the machine's zone.
 */

export type Day = number;

const MS_PER_DAY = 86_400_000;

export function day(iso: string): Day {
  return Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10))) / MS_PER_DAY;
}

export function iso(d: Day): string {
  return new Date(d * MS_PER_DAY).toISOString().slice(0, 10);
}

export function ymd(d: Day): { y: number; m: number; dd: number } {
  const date = new Date(d * MS_PER_DAY);
  return { y: date.getUTCFullYear(), m: date.getUTCMonth() + 1, dd: date.getUTCDate() };
}

export function fromYmd(y: number, m: number, dd: number): Day {
  return Date.UTC(y, m - 1, dd) / MS_PER_DAY;
}

/** 0 = Monday … 6 = Sunday (1970-01-01 was a Thursday). */
export function weekday(d: Day): number {
  return (((d + 3) % 7) + 7) % 7;
}

/** Fixed-date Swedish holidays on which nobody signs or calls (month-day). */
const HOLIDAYS = new Set(
  Array.from({ length: 20 }, (_, i) => 2012 + i).flatMap((y) =>
    [
      [1, 1],
      [1, 6],
      [5, 1],
      [6, 6],
      [12, 24],
      [12, 25],
      [12, 26],
      [12, 31],
    ].map(([m, dd]) => Date.UTC(y, (m ?? 1) - 1, dd) / MS_PER_DAY),
  ),
);

export function isWorkday(d: Day): boolean {
  return weekday(d) < 5 && !HOLIDAYS.has(d);
}

/** Sunday moves on to Monday; Saturday and holidays move back to the workday before. */
export function toWorkday(d: Day): Day {
  const step = weekday(d) === 6 ? 1 : -1;
  let out = d;
  while (!isWorkday(out)) out += step;
  return out;
}

export function monthStart(d: Day): Day {
  const { y, m } = ymd(d);
  return fromYmd(y, m, 1);
}

/** First day of the month `n` months after the month of `d`. */
export function addMonthStart(d: Day, n: number): Day {
  const { y, m } = ymd(d);
  return Date.UTC(y, m - 1 + n, 1) / MS_PER_DAY;
}

/** The last day of a contract of `months` months starting on `start`. */
export function contractEnd(start: Day, months: number): Day {
  const { y, m, dd } = ymd(start);
  return Date.UTC(y, m - 1 + months, dd) / MS_PER_DAY - 1;
}

export function quarterEnd(d: Day): Day {
  const { y, m } = ymd(d);
  return Date.UTC(y, Math.ceil(m / 3) * 3, 1) / MS_PER_DAY - 1;
}

/** ISO 8601 week, `2026-W47`. */
export function isoWeek(d: Day): string {
  const thursday = d - weekday(d) + 3;
  const { y } = ymd(thursday);
  const week = Math.floor((thursday - fromYmd(y, 1, 1)) / 7) + 1;
  return `${y}-W${String(week).padStart(2, '0')}`;
}

/** The Monday of the ISO week containing `d`. */
export function weekMonday(d: Day): Day {
  return d - weekday(d);
}

export function month(d: Day): string {
  return iso(d).slice(0, 7);
}

/** Relative activity level of a date: Swedish summer holidays and Christmas are quiet. */
export function workload(d: Day): number {
  const { m, dd } = ymd(d);
  if (m === 7) return 0.25;
  if (m === 8 && dd < 8) return 0.6;
  if (m === 6 && dd > 20) return 0.7;
  if (m === 12 && dd > 20) return 0.2;
  if (m === 1 && dd < 7) return 0.4;
  return 1;
}
