import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildAsOf } from '../../src/settings/build-as-of.ts';
import { asOfProblem, chooseAsOf } from '../../src/settings/as-of.ts';
import { parseSettings } from '../../src/settings/load-settings.ts';

describe('as-of date', () => {
  it('rejects days that are not in the calendar, with the reason', () => {
    // February 2026: 2026 is not divisible by 4, so 28 days.
    expect(asOfProblem('2026-02-30')).toBe('"2026-02-30" is not a day in the calendar: February 2026 has 28 days');
    expect(asOfProblem('2026-02-29')).toBe('"2026-02-29" is not a day in the calendar: February 2026 has 28 days');
    expect(asOfProblem('2026-13-45')).toBe('"2026-13-45" is not a day in the calendar: there is no month 13');
    expect(asOfProblem('2026-00-10')).toBe('"2026-00-10" is not a day in the calendar: there is no month 00');
    expect(asOfProblem('2026-04-31')).toBe('"2026-04-31" is not a day in the calendar: April 2026 has 30 days');
    expect(asOfProblem('2026-4-3')).toBe('"2026-4-3" is not a date written as YYYY-MM-DD');
    expect(asOfProblem('2026-04-03T00:00')).toBe('"2026-04-03T00:00" is not a date written as YYYY-MM-DD');
  });

  it('rejects dates no report can be as of', () => {
    expect(asOfProblem('0000-01-01')).toBe('"0000-01-01" is outside the dates a report can be as of (2000-01-01 to 2099-12-31)');
    expect(asOfProblem('9999-12-31')).toBe('"9999-12-31" is outside the dates a report can be as of (2000-01-01 to 2099-12-31)');
    expect(asOfProblem('1999-12-31')).toMatch(/outside/);
    expect(asOfProblem('2100-01-01')).toMatch(/outside/);
  });

  it('accepts real days, leap days of leap years included', () => {
    // 2024 and 2000 are leap years (2000: divisible by 400).
    for (const day of ['2024-02-29', '2000-02-29', '2000-01-01', '2099-12-31', '2026-12-31']) expect(asOfProblem(day)).toBeUndefined();
  });

  it('names the key and the reason in the settings', () => {
    for (const [asOf, reason] of [
      ['2026-02-30', 'February 2026 has 28 days'],
      ['2026-13-45', 'there is no month 13'],
      ['0000-01-01', 'outside the dates'],
      ['9999-12-31', 'outside the dates'],
    ]) {
      const result = parseSettings({ asOf });
      expect(result.ok).toBe(false);
      if (result.ok) continue;
      expect(result.issues).toHaveLength(1);
      expect(result.issues[0]!.field).toBe('asOf');
      expect(result.issues[0]!.message).toContain(reason);
    }
  });

  it('takes TAVLA_AS_OF over the setting, the setting over today', () => {
    // 2026-11-22 23:30 UTC is 2026-11-23 00:30 in Stockholm (CET, UTC+1).
    const now = new Date('2026-11-22T23:30:00Z');
    const timeZone = 'Europe/Stockholm';
    expect(chooseAsOf({ override: '2026-12-01', setting: '2026-11-20', timeZone, now })).toEqual({ asOf: '2026-12-01', source: 'TAVLA_AS_OF' });
    expect(chooseAsOf({ setting: '2026-11-20', timeZone, now })).toEqual({ asOf: '2026-11-20', source: 'setting' });
    expect(chooseAsOf({ override: '', setting: undefined, timeZone, now })).toEqual({ asOf: '2026-11-23', source: 'today' });
    expect(chooseAsOf({ timeZone: 'UTC', now })).toEqual({ asOf: '2026-11-22', source: 'today' });
    expect(() => chooseAsOf({ override: '2026-02-30', timeZone, now })).toThrow('TAVLA_AS_OF: "2026-02-30" is not a day in the calendar');
  });

  it('says in the build log when the settings pin the date', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'tavla-as-of-'));
    const now = new Date('2026-11-22T12:00:00Z');
    expect(await buildAsOf(dir, undefined, now)).toEqual({ ok: true, asOf: '2026-11-22', note: 'as of 2026-11-22 (today in Europe/Stockholm)' });
    await writeFile(join(dir, 'tavla.config.json'), JSON.stringify({ asOf: '2026-06-15' }));
    const pinned = await buildAsOf(dir, undefined, now);
    expect(pinned.ok && pinned.asOf).toBe('2026-06-15');
    expect(pinned.ok && pinned.note).toMatch(/pinned by "asOf" in the settings/);
    expect(await buildAsOf(dir, '2026-11-21', now)).toEqual({ ok: true, asOf: '2026-11-21', note: 'as of 2026-11-21 (TAVLA_AS_OF)' });
    expect(await buildAsOf(dir, '2026-13-01', now)).toEqual({
      ok: false,
      message: 'TAVLA_AS_OF: "2026-13-01" is not a day in the calendar: there is no month 13',
    });
    await writeFile(join(dir, 'tavla.config.json'), JSON.stringify({ asOf: '2026-02-30' }));
    const invalid = await buildAsOf(dir, undefined, now);
    expect(invalid.ok).toBe(false);
    expect(!invalid.ok && invalid.message).toContain('asOf');
    expect(!invalid.ok && invalid.message).toContain('February 2026 has 28 days');
  });
});
