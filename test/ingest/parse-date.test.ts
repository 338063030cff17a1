import { describe, it, expect } from 'vitest';
import { isoDateDay, localDateOf, parseDate } from '../../src/ingest/parse-date.ts';
import type { DateOptions } from '../../src/ingest/parse-date.ts';

const DMY: DateOptions = { dateOrder: 'dmy', timeZone: 'Europe/Stockholm' };
const MDY: DateOptions = { dateOrder: 'mdy', timeZone: 'Europe/Stockholm' };

const date = (raw: string, opts: DateOptions = DMY) => {
  const parsed = parseDate(raw, opts);
  return parsed.ok ? parsed.value : parsed.message;
};

describe('parseDate: ISO dates and local timestamps', () => {
  it.each([
    ['2026-11-23', '2026-11-23'],
    [' 2026-11-23 ', '2026-11-23'],
    ['2026-1-5', '2026-01-05'],
    ['2026-11-23 14:05', '2026-11-23'],
    ['2026-11-23 14:05:33', '2026-11-23'],
    ['2026-11-23T14:05:33', '2026-11-23'],
    ['2026-11-23T14:05:33.123', '2026-11-23'],
    // no offset: already local time, so a late evening stays on its day in any zone
    ['2026-11-23 23:59', '2026-11-23'],
    ['2024-02-29', '2024-02-29'], // leap year
    ['2000-02-29', '2000-02-29'], // divisible by 400
  ])('%j -> %s', (raw, expected) => {
    expect(date(raw)).toBe(expected);
  });
});

describe('parseDate: instants (Z or offset) are converted to the time zone', () => {
  it.each([
    ['2026-11-23T14:05:33Z', '2026-11-23'],
    ['2026-11-23T14:05:33.123Z', '2026-11-23'],
    // Stockholm is +01:00 in November: 22:59:59.999Z is 23:59:59.999 local, 23:00Z is midnight.
    ['2026-11-23T22:59:59.999Z', '2026-11-23'],
    ['2026-11-23T23:00:00.000Z', '2026-11-24'],
    // CEST (+02:00) from 2026-03-29: 22:30Z on 31 March is 00:30 on 1 April.
    ['2026-03-31T22:30:00Z', '2026-04-01'],
    // offsets: 00:30+01:00 is 23:30Z the day before = 00:30 Stockholm; 23:30-05:00 is 04:30Z next day.
    ['2026-11-23T00:30:00+01:00', '2026-11-23'],
    ['2026-11-23T23:30:00-05:00', '2026-11-24'],
    ['2026-11-23T23:30:00-0500', '2026-11-24'],
    ['2026-11-23T23:30:00-05', '2026-11-24'],
    ['2026-11-23 23:30:00 +09:00', '2026-11-23'], // 14:30Z = 15:30 local
  ])('%j -> %s in Europe/Stockholm', (raw, expected) => {
    expect(date(raw)).toBe(expected);
  });

  it('handles the spring DST change (2026-03-29, 01:00Z: +01:00 -> +02:00)', () => {
    expect(date('2026-03-28T22:59:59Z')).toBe('2026-03-28'); // 23:59:59 CET
    expect(date('2026-03-28T23:00:00Z')).toBe('2026-03-29'); // 00:00 CET
    expect(date('2026-03-29T21:59:59Z')).toBe('2026-03-29'); // 23:59:59 CEST
    expect(date('2026-03-29T22:00:00Z')).toBe('2026-03-30'); // 00:00 CEST
  });

  it('handles the autumn DST change (2026-10-25, 01:00Z: +02:00 -> +01:00)', () => {
    expect(date('2026-10-24T22:30:00Z')).toBe('2026-10-25'); // 00:30 CEST
    expect(date('2026-10-25T22:30:00Z')).toBe('2026-10-25'); // same clock time UTC, now 23:30 CET
    expect(date('2026-10-25T23:00:00Z')).toBe('2026-10-26'); // 00:00 CET
  });

  it('uses the time zone of the options', () => {
    const newYork: DateOptions = { dateOrder: 'mdy', timeZone: 'America/New_York' };
    expect(date('2026-11-23T03:00:00Z', newYork)).toBe('2026-11-22'); // 22:00 EST
    const kolkata: DateOptions = { dateOrder: 'dmy', timeZone: 'Asia/Kolkata' };
    expect(date('2026-11-23T18:29:59Z', kolkata)).toBe('2026-11-23'); // 23:59:59 IST (+05:30)
    expect(date('2026-11-23T18:30:00Z', kolkata)).toBe('2026-11-24');
  });

  it('localDateOf agrees with Intl at every quarter hour of a DST week (cache check)', () => {
    const format = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Stockholm', year: 'numeric', month: '2-digit', day: '2-digit' });
    for (let t = Date.UTC(2026, 9, 22); t < Date.UTC(2026, 9, 29); t += 7 * 60 * 1000) {
      expect(localDateOf(t, 'Europe/Stockholm')).toBe(format.format(t));
    }
  });

  it('throws for an unknown time zone (a settings error)', () => {
    expect(() => parseDate('2026-11-23T10:00:00Z', { dateOrder: 'dmy', timeZone: 'Mars/Olympus' })).toThrow('unknown time zone "Mars/Olympus"');
  });
});

describe('parseDate: day and month order', () => {
  it.each([
    ['23.11.2026', '2026-11-23'],
    ['23/11/2026', '2026-11-23'],
    ['23-11-2026', '2026-11-23'],
    ['1.2.2026', '2026-02-01'],
    ['23.11.2026 14:05', '2026-11-23'],
    ['23.11.2026 9:05:33', '2026-11-23'],
  ])('dmy: %j -> %s', (raw, expected) => {
    expect(date(raw, DMY)).toBe(expected);
  });

  it.each([
    ['11/23/2026', '2026-11-23'],
    ['2/1/2026', '2026-02-01'],
    ['11/23/2026 2:05 PM', '2026-11-23'],
    ['2026-11-23', '2026-11-23'], // ISO dates do not depend on the order
  ])('mdy: %j -> %s', (raw, expected) => {
    expect(date(raw, MDY)).toBe(expected);
  });

  it.each([
    // Two-digit years pivot at 70: 00–69 → 20xx, 70–99 → 19xx.
    ['15-03-17', DMY, '2017-03-15'],
    ['23.11.26', DMY, '2026-11-23'],
    ['31/12/69', DMY, '2069-12-31'],
    ['01/01/70', DMY, '1970-01-01'],
    ['3/15/17', MDY, '2017-03-15'],
    ['10/3/17', MDY, '2017-10-03'],
    // Excel's US re-save: month first, with and without time and AM/PM.
    ['3/15/2017', MDY, '2017-03-15'],
    ['03/15/17 08:55 PM', MDY, '2017-03-15'],
    ['02/10/17 08:55 AM', MDY, '2017-02-10'],
    ['3/2/2017 9:05', MDY, '2017-03-02'],
    ['7/20/2017 14:10', MDY, '2017-07-20'],
    // dd-mm-yyyy hh:mm
    ['15-03-2017 20:55', DMY, '2017-03-15'],
    ['05-11-2026 07:30', DMY, '2026-11-05'],
  ] as const)('as exports write them: %j -> %s', (raw, opts, expected) => {
    expect(date(raw, opts)).toBe(expected);
  });

  it('rejects 13 PM and 0 AM', () => {
    expect(date('03/15/17 13:55 PM', MDY)).toMatch(/no such time/);
    expect(date('03/15/17 00:55 AM', MDY)).toMatch(/no such time/);
  });

  it('rejects a date impossible in the setting but possible in the other order, with a hint', () => {
    expect(parseDate('11/23/2026', DMY)).toEqual({
      ok: false,
      message: 'expected a date (day/month/year), got "11/23/2026"; is the setting dateOrder ("dmy") right for this export?',
    });
    expect(parseDate('23.11.2026', MDY)).toEqual({
      ok: false,
      message: 'expected a date (month.day.year), got "23.11.2026"; is the setting dateOrder ("mdy") right for this export?',
    });
  });

  it('rejects dates impossible in both orders without the hint', () => {
    expect(parseDate('31/02/2026', DMY)).toEqual({ ok: false, message: 'expected a date (day/month/year), got "31/02/2026" (no such day)' });
    expect(parseDate('29.02.2026', DMY)).toEqual({ ok: false, message: 'expected a date (day.month.year), got "29.02.2026" (no such day)' });
  });
});

describe('parseDate: rejects', () => {
  it.each([
    ['2026-02-30', 'expected a date, got "2026-02-30" (no such day)'],
    ['2025-02-29', 'expected a date, got "2025-02-29" (no such day)'],
    ['1900-02-29', 'expected a date, got "1900-02-29" (no such day)'], // divisible by 100, not 400
    ['2026-13-01', 'expected a date, got "2026-13-01" (no such day)'],
    ['2026-11-23 24:00', 'expected a date, got "2026-11-23 24:00" (no such time)'],
    ['2026-11-23T10:61Z', 'expected a date, got "2026-11-23T10:61Z" (no such time)'],
    ['2026-11-23T10:00:00+25:00', 'expected a date, got "2026-11-23T10:00:00+25:00" (no such offset)'],
    ['23.11.202', 'expected a date, got "23.11.202"'], // a year of three digits
    ['2026-11-23Z', 'expected a date, got "2026-11-23Z"'], // an offset needs a time
    ['23.11/2026', 'expected a date, got "23.11/2026"'], // mixed separators
    ['igår', 'expected a date, got "igår"'],
    ['', 'expected a date, got ""'],
    ['46349', 'expected a date, got "46349"'], // an Excel serial day number
  ])('%j', (raw, message) => {
    expect(parseDate(raw, DMY)).toEqual({ ok: false, message });
  });

  it('rejects an impossible time in a dmy timestamp', () => {
    expect(parseDate('23.11.2026 25:00', DMY)).toEqual({
      ok: false,
      message: 'expected a date (day.month.year), got "23.11.2026 25:00" (no such time)',
    });
  });
});

describe('isoDateDay', () => {
  it('gives the day number of an ISO date of a real day, as written', () => {
    // 1970-01-01 is day 0; 2026-11-23 is 56 years (14 leap days) and 326 days later: 20 454 + 326.
    expect(isoDateDay('1970-01-01')).toBe(0);
    expect(isoDateDay('2026-11-23')).toBe(20780);
    expect(isoDateDay('2024-02-29')).toBe(19782);
  });

  it('is NaN for every other text, which parseDate then reads', () => {
    for (const text of ['2026-02-29', '2026-13-01', '2026-11-00', '0999-01-01', ' 2026-11-23', '2026-11-23 ', '2026-1-23', '23.11.2026', '2026-11-2x', '']) {
      expect(isoDateDay(text), text).toBeNaN();
    }
  });

  it('agrees with parseDate: where it gives a day, parseDate gives the text itself', () => {
    for (const text of ['2026-11-23', '2024-02-29', '1999-12-31', '1000-01-01', '9999-12-31']) {
      expect(Number.isNaN(isoDateDay(text))).toBe(false);
      expect(date(text)).toBe(text);
    }
  });
});
