import { describe, expect, it } from 'vitest';
import da from '../../src/i18n/da.json' with { type: 'json' };
import en from '../../src/i18n/en.json' with { type: 'json' };
import sv from '../../src/i18n/sv.json' with { type: 'json' };
import { LOCALES, messagesSchema, parseMessages, placeholders, t, tn } from '../../src/i18n/index.ts';
import { ACTIVITY_TYPES, CHANNELS, FORECAST_CATEGORIES, HATS } from '../../src/core/records.ts';
import type { MessageKey } from '../../src/i18n/index.ts';

describe('messages schema', () => {
  it('accepts the three shipped languages', () => {
    for (const raw of [en, sv, da]) expect(messagesSchema.safeParse(raw).success).toBe(true);
  });

  it('rejects a missing key, naming it', () => {
    const { ['nav.overview']: _, ...missing } = sv;
    expect(() => parseMessages('sv', missing)).toThrow(/src\/i18n\/sv\.json: nav\.overview:/);
  });

  it('rejects an extra key, naming it', () => {
    expect(() => parseMessages('da', { ...da, 'nav.extra': 'Ekstra' })).toThrow(/nav\.extra/);
  });

  it('rejects an empty translation and a changed placeholder', () => {
    expect(() => parseMessages('sv', { ...sv, 'nav.funnel': ' ' })).toThrow(/nav\.funnel: expected a translation/);
    expect(() => parseMessages('da', { ...da, 'site.dataAsOf': 'Data pr. {dato}' })).toThrow(/site\.dataAsOf: expected the placeholders \{date\}/);
  });

  it('has a message for every channel, hat, activity type and forecast category', () => {
    const needed = [
      ...CHANNELS.map((c) => `channel.${c}`),
      ...CHANNELS.map((c) => `channel.${c}.def`),
      ...HATS.map((h) => `hat.${h}`),
      ...ACTIVITY_TYPES.map((a) => `activity.${a}`),
      ...FORECAST_CATEGORIES.map((f) => `forecast.${f}`),
      ...LOCALES.map((l) => `locale.${l}`),
    ];
    expect(needed.filter((key) => !(key in en))).toEqual([]);
  });

  it('keeps every plural key complete', () => {
    const keys = Object.keys(en);
    const bases = keys.filter((k) => k.endsWith('.other')).map((k) => k.slice(0, -'.other'.length));
    expect(bases.filter((b) => !keys.includes(`${b}.one`))).toEqual([]);
  });
});

describe('t', () => {
  it('uses the domain terms', () => {
    expect(LOCALES.map((l) => t(l, 'channel.renewal'))).toEqual(['Förlängningar', 'Fornyelser', 'Renewals']);
    expect(LOCALES.map((l) => t(l, 'channel.winback'))).toEqual(['Återvunna kunder', 'Genvinding', 'Win-back']);
    expect(LOCALES.map((l) => t(l, 'metric.salesVolume'))).toEqual(['Försäljningsvolym', 'Salgsvolumen', 'Sales volume']);
    expect(LOCALES.map((l) => t(l, 'nav.weekly'))).toEqual(['Veckomöte', 'Ugemøde', 'Weekly meeting']);
    expect(t('da', 'metric.attainment')).toBe('Målopfyldelse');
    expect(t('sv', 'nav.monthly')).toBe('Månadsgenomgång');
    expect(t('da', 'nav.monthly')).toBe('Månedsgennemgang');
  });

  it('interpolates {name} parameters', () => {
    expect(t('sv', 'site.dataAsOf', { date: '23 november 2026' })).toBe('Data per 23 november 2026');
    expect(t('en', 'site.rowsAccounted', { read: 10, accepted: 8, rejected: 2 })).toBe('10 rows read: 8 accepted, 2 rejected.');
  });

  it('throws on a missing parameter instead of printing a placeholder', () => {
    expect(() => t('sv', 'site.dataAsOf')).toThrow('t(): message "site.dataAsOf" needs the parameter {date}');
  });

  it('does not interpret parameter values', () => {
    expect(t('en', 'site.dataAsOf', { date: '{date} $& $1' })).toBe('Data as of {date} $& $1');
  });

  it('only accepts known keys (type check)', () => {
    // @ts-expect-error: not a key of en.json
    const unknown: MessageKey = 'nav.nope';
    expect(unknown in en).toBe(false);
  });
});

describe('tn', () => {
  it('picks one/other and formats the count', () => {
    expect(tn('sv', 'unit.days', 1)).toBe('1 dag');
    expect(tn('sv', 'unit.days', 3)).toBe('3 dagar');
    expect(tn('da', 'unit.deals', 1)).toBe('1 aftale');
    expect(tn('da', 'unit.rows', 1234)).toBe('1.234 rækker');
    expect(tn('sv', 'unit.rows', 1234)).toBe('1\u00a0234 rader');
    expect(tn('en', 'unit.deals', 0)).toBe('0 deals');
  });
});

describe('placeholders', () => {
  it('lists each name once, sorted', () => {
    expect(placeholders('{b} of {a} and {b}')).toEqual(['a', 'b']);
    expect(placeholders('none')).toEqual([]);
  });
});
