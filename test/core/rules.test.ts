import { describe, expect, expectTypeOf, it } from 'vitest';
import { formatNumber, isRuleCode, makeIssue, quote, RULE_CODES, RULES, ruleOf, type RuleArgs } from '../../src/core/rules.ts';
import { XSS } from '../quality/helpers.ts';

describe('RULES', () => {
  it('holds exactly the permanent codes, in catalog order (a rename fails here)', () => {
    expect(RULE_CODES).toEqual([
      'MissingFile',
      'MissingColumn',
      'UnreadableFile',
      'EmptyFile',
      'TruncatedFile',
      'InvalidSettings',
      'NoRows',
      'BadNumber',
      'BadDate',
      'MissingValue',
      'MalformedRow',
      'UnknownStage',
      'UnknownChannel',
      'UnknownActivityType',
      'UnknownForecastCategory',
      'UnknownRole',
      'UnknownCurrency',
      'BadTarget',
      'DuplicateId',
      'NegativeAmount',
      'OpenDealWithoutOwner',
      'AccountWithoutOwner',
      'PastCloseDate',
      'StalledDeal',
      'WonDealWithoutAmount',
      'CloseBeforeCreated',
      'UnknownAccount',
      'UnknownOwner',
      'FutureActivity',
      'DuplicateAccount',
      'PlanGap',
      'StaleExport',
      'LostDealWithoutReason',
      'OpenDealWithoutAmount',
      'OpenDealWithoutCloseDate',
      'DealWithoutAccount',
      'DealWithoutCreatedDate',
      'NulInCell',
    ]);
  });

  it('kinds: 7 fatal, 13 rejection, 18 check; fatal and rejection are errors', () => {
    const kinds = RULE_CODES.map((code) => RULES[code].kind);
    expect(kinds.filter((k) => k === 'fatal')).toHaveLength(7);
    expect(kinds.filter((k) => k === 'rejection')).toHaveLength(13);
    expect(kinds.filter((k) => k === 'check')).toHaveLength(18);
    for (const code of RULE_CODES) {
      if (RULES[code].kind !== 'check') expect(RULES[code].severity, code).toBe('error');
    }
    expect(RULES.LostDealWithoutReason.severity).toBe('info');
  });

  it.each(RULE_CODES)('%s: code equals key, PascalCase, short title, no "Oops", example renders', (code) => {
    const rule = RULES[code];
    expect(rule.code).toBe(code);
    expect(code).toMatch(/^[A-Z][a-z]+(?:[A-Z][a-z]+)*$/);
    expect(rule.title.length).toBeLessThanOrEqual(40);
    expect(rule.title + rule.hint + rule.trigger).not.toMatch(/oops/i);
    expect(rule.hint).toMatch(/\.$/);
    const message = (rule.message as (args: unknown) => string)(rule.example.args);
    expect(message).not.toMatch(/undefined|NaN|\[object/);
    expect(message).not.toMatch(/\.$/);
  });

  it('passes hostile values through as data, quoted but not escaped', () => {
    expect(RULES.OpenDealWithoutOwner.message({ name: XSS })).toBe('open deal "<script>alert(1)</script>" has no owner');
    expect(RULES.BadNumber.message({ value: '"; DROP' })).toBe('expected a number, got ""; DROP"');
  });

  it('words messages by their arguments', () => {
    expect(RULES.MissingColumn.message({ file: 'deals.csv', column: 'stage' })).toBe('required column "stage" not found');
    expect(RULES.BadDate.message({ value: '2/30/2026', dateOrder: 'mdy' })).toBe('expected a date as YYYY-MM-DD or MM/DD/YYYY, got "2/30/2026"');
    expect(RULES.BadTarget.message({ part: 'scope', value: 'region' })).toBe('unknown scope "region"; expected company, team or seller');
    expect(RULES.DuplicateAccount.message({ by: 'name', otherId: 'A2', otherLine: 2 })).toBe('same name as account "A2" on line 2');
  });

  it('types each rule’s arguments', () => {
    expectTypeOf<RuleArgs<'BadDate'>>().toEqualTypeOf<{ value: string; dateOrder: 'dmy' | 'mdy' }>();
  });
});

describe('makeIssue', () => {
  it('locates and words an issue, leaving out empty owner, field and id', () => {
    expect(
      makeIssue(
        'PastCloseDate',
        { close: '2026-11-01', asOf: '2026-11-20', days: 19 },
        {
          file: 'deals.csv',
          line: 3,
          field: 'close_date',
          recordId: 'D3',
          ownerId: '',
        },
      ),
    ).toEqual({
      code: 'PastCloseDate',
      file: 'deals.csv',
      line: 3,
      field: 'close_date',
      recordId: 'D3',
      message: 'open deal was expected to close 2026-11-01, 19 days before 2026-11-20',
      args: { close: '2026-11-01', asOf: '2026-11-20', days: 19 },
    });
    expect(makeIssue('BadNumber', { value: 'x' }, { file: 'deals.csv', line: 4, column: 7, field: 'amount' })).toEqual({
      code: 'BadNumber',
      file: 'deals.csv',
      line: 4,
      column: 7,
      field: 'amount',
      message: 'expected a number, got "x"',
      args: { value: 'x' },
    });
  });
});

describe('helpers', () => {
  it('ruleOf / isRuleCode know only catalog codes (not inherited keys)', () => {
    expect(ruleOf('PlanGap')?.kind).toBe('check');
    expect(ruleOf('toString')).toBeUndefined();
    expect(isRuleCode('__proto__')).toBe(false);
  });

  it('quote cuts a runaway cell at 80 characters', () => {
    expect(quote('a'.repeat(80))).toBe(`"${'a'.repeat(80)}"`);
    expect(quote('a'.repeat(81))).toBe(`"${'a'.repeat(79)}…"`);
  });

  it('formatNumber groups thousands and keeps 2 decimals for fractions', () => {
    expect(formatNumber(1_234_567.5)).toBe('1,234,567.50');
    expect(formatNumber(-1000)).toBe('-1,000');
    expect(formatNumber(0)).toBe('0');
    expect(formatNumber(999)).toBe('999');
    expect(formatNumber(0.25)).toBe('0.25');
  });
});
