// The small conversions presets apply before the canonical cell readers, and won/lost by CRM.
import { describe, expect, it } from 'vitest';
import { effectiveSettings } from '../../src/presets/effective-settings.ts';
import { stageWithStatus, statusFromLabel, statusFromWord } from '../../src/presets/deal-status.ts';
import { salesforceForecast, salesforceStatus } from '../../src/presets/salesforce-values.ts';
import { salesforceOpportunities } from '../../src/presets/salesforce-data-export.ts';
import {
  currencyCode,
  firstOf,
  isTrue,
  minutesBetween,
  minutesFromClock,
  minutesFromMilliseconds,
  minutesFromSeconds,
  salesforceId,
  utcStamp,
  withDecimal,
} from '../../src/presets/values.ts';
import { stageLookup } from '../../src/schemas/deals.ts';
import { settingsSchema } from '../../src/settings/schema.ts';

const settings = settingsSchema.parse({});

describe('value conversions', () => {
  it('Salesforce empty lookups and booleans', () => {
    expect(salesforceId('000000000000000AAA')).toBeUndefined();
    expect(salesforceId('000000000000000')).toBeUndefined();
    expect(salesforceId('0015g00000B1aAAAAY')).toBe('0015g00000B1aAAAAY');
    expect([isTrue('1'), isTrue('true'), isTrue('Done'), isTrue('ja'), isTrue('on'), isTrue('0'), isTrue(''), isTrue('To do')]).toEqual([
      true,
      true,
      true,
      true,
      true,
      false,
      false,
      false,
    ]);
  });

  it('zone-less UTC timestamps get a Z; dates and zoned stamps stay', () => {
    expect(utcStamp('2026-11-19 23:30:00')).toBe('2026-11-19 23:30:00Z');
    expect(utcStamp('2026-11-19T23:30:00.000Z')).toBe('2026-11-19T23:30:00.000Z');
    expect(utcStamp('2026-11-19')).toBe('2026-11-19');
    expect(utcStamp('')).toBeUndefined();
  });

  it('durations to minutes', () => {
    expect(minutesFromMilliseconds('300000')).toBe('5');
    expect(minutesFromMilliseconds('0:05:30')).toBe('5.5');
    expect(minutesFromSeconds('90')).toBe('1.5');
    expect(minutesFromClock('01:30')).toBe('90');
    expect(minutesFromClock('45')).toBe('45');
    expect(minutesBetween('2026-11-10 10:00', '2026-11-10 11:15')).toBe('75');
    expect(minutesBetween('2026-11-10 10:00', '')).toBeUndefined();
  });

  it('list cells, currency names, known decimal separators', () => {
    expect(firstOf('5005;5003', /;/)).toBe('5005');
    expect(firstOf(' ;5003', /;/)).toBe('5003');
    expect(currencyCode('Swedish Krona (SEK)')).toBe('SEK');
    expect(currencyCode('eur')).toBe('EUR');
    expect(withDecimal('120.000', ',')).toBe('120000');
    expect(withDecimal('1,234', '.')).toBe('1234');
    expect(withDecimal('1,234', ',')).toBe('1.2340');
    expect(withDecimal('12,3,4', ',')).toBe('12,3,4');
  });
});

describe('won and lost', () => {
  it('Salesforce IsWon / IsClosed and forecast categories', () => {
    expect([salesforceStatus('1', '1'), salesforceStatus('0', '1'), salesforceStatus('false', 'false'), salesforceStatus(undefined, undefined)]).toEqual([
      'won',
      'lost',
      'open',
      undefined,
    ]);
    expect([salesforceForecast('BestCase'), salesforceForecast('Forecast'), salesforceForecast('Best Case'), salesforceForecast('Omitted')]).toEqual([
      'best_case',
      'commit',
      'best_case',
      'Omitted',
    ]);
  });

  it('labels and status words', () => {
    expect([statusFromLabel('Closed Won'), statusFromLabel('closedlost'), statusFromLabel('Stängd vunnen'), statusFromLabel('Lukket tabt')]).toEqual([
      'won',
      'lost',
      'won',
      'lost',
    ]);
    expect(statusFromLabel('Contract Sent')).toBeUndefined();
    expect([statusFromWord('Won'), statusFromWord('förlorad'), statusFromWord('åben'), statusFromWord('deleted'), statusFromWord('?')]).toEqual([
      'won',
      'lost',
      'open',
      'deleted',
      undefined,
    ]);
  });

  it('a known stage with the same status is kept; otherwise the first won or lost stage', () => {
    expect(stageWithStatus('Closed won', 'won', settings)).toBe('Closed won');
    expect(stageWithStatus('Negotiations Started', 'won', settings)).toBe('won');
    expect(stageWithStatus('Proposal', 'lost', settings)).toBe('lost');
    expect(stageWithStatus('Custom open stage', 'open', settings)).toBe('Custom open stage');
  });

  it('preset stage names join the settings stages they name, never overriding the settings', () => {
    const custom = settingsSchema.parse({
      stages: [
        { id: 'qualification', probability: 0.1, status: 'open', aliases: ['Prospecting'] },
        { id: 'meeting', probability: 0.3, status: 'open', aliases: ['Negotiation/Review'] },
        { id: 'won', probability: 1, status: 'won' },
        { id: 'lost', probability: 0, status: 'lost' },
      ],
      channelMap: { 'Existing Business': 'renewal' },
    });
    const effective = effectiveSettings(custom, salesforceOpportunities);
    const lookup = stageLookup(effective);
    expect(lookup.get('negotiation/review')).toBe('meeting');
    expect(lookup.get('closed won')).toBe('won');
    expect(lookup.get('proposal/price quote')).toBeUndefined();
    expect(effective.channelMap['Existing Business']).toBe('renewal');
    expect(effective.channelMap['New Business']).toBe('new');
  });
});
