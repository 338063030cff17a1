import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadSettings, parseSettings, resolveAsOf } from '../../src/settings/load-settings.ts';

describe('settings', () => {
  it('defaults every key', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'tavla-settings-'));
    const result = await loadSettings(dir);
    expect(result.ok && result.present).toBe(false);
    if (!result.ok) throw new Error('expected defaults');
    const { stages, ...rest } = result.settings;
    expect(rest).toMatchInlineSnapshot(`
      {
        "activityTypeMap": {},
        "attention": {
          "attainmentBelow": 0.9,
          "fallingWeeks": 3,
          "slippedAmountAbove": 0,
          "stalledAmountAbove": 0,
        },
        "channelInference": "auto",
        "channelMap": {},
        "company": "Company",
        "currency": "SEK",
        "dateOrder": "dmy",
        "datedExchangeRates": {},
        "exchangeRates": {},
        "fiscalYearStartMonth": 1,
        "hatMap": {},
        "initialsOnly": false,
        "locale": "sv",
        "planGapTolerance": {
          "amount": 10000,
          "share": 0.005,
        },
        "plausibleYears": {
          "from": 1990,
          "to": 2100,
        },
        "renewalWindowDays": 90,
        "staleExportDays": 7,
        "stalledDays": 30,
        "teamNames": {},
        "timeZone": "Europe/Stockholm",
        "winbackMonths": 12,
      }
    `);
    expect(stages.map((s) => `${s.id}:${s.probability}:${s.status}`)).toEqual([
      'qualification:0.1:open',
      'meeting:0.2:open',
      'proposal:0.5:open',
      'negotiation:0.8:open',
      'won:1:won',
      'lost:0:lost',
    ]);
  });

  it('names the key and the problem for invalid settings', () => {
    const result = parseSettings({ fiscalYearStartMonth: 13, currency: 'usd', typo: 1 });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.issues.map((i) => `${i.field ?? ''}: ${i.code}`).sort()).toEqual([
      ': InvalidSettings',
      'currency: InvalidSettings',
      'fiscalYearStartMonth: InvalidSettings',
    ]);
  });

  it('takes any ISO 4217 reporting currency in capitals, and names an unknown one', () => {
    for (const currency of ['USD', 'GBP', 'CHF', 'JPY', 'ISK']) expect(parseSettings({ currency }).ok, currency).toBe(true);
    const result = parseSettings({ currency: 'XYZ' });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.issues.map((i) => i.message).join('\n')).toMatch(/ISO 4217 currency code.*"USD"/);
  });

  it('reports broken JSON as a settings problem, not a crash', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'tavla-settings-'));
    await writeFile(join(dir, 'tavla.config.json'), '{ "locale": "sv", }');
    const result = await loadSettings(dir);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.issues[0]!.message).toMatch(/^not valid JSON/);
  });

  it('resolves as-of from the setting, else today in the settings time zone', () => {
    const settings = parseSettings({});
    if (!settings.ok) throw new Error('defaults');
    // 2026-11-22T23:30Z is already 2026-11-23 00:30 in Stockholm (CET, +1).
    expect(resolveAsOf(settings.settings, new Date('2026-11-22T23:30:00Z'))).toBe('2026-11-23');
    expect(resolveAsOf({ ...settings.settings, asOf: '2026-11-20' }, new Date('2026-11-22T23:30:00Z'))).toBe('2026-11-20');
  });
});
