import { describe, it, expect } from 'vitest';
import { parseInteger, parseNumber } from '../../src/ingest/parse-number.ts';

const NBSP = '\u00a0';
const NNBSP = '\u202f';

const value = (raw: string, opts = {}) => {
  const parsed = parseNumber(raw, opts);
  return parsed.ok ? parsed.value : parsed.message;
};

describe('parseNumber: the documented dialects', () => {
  it.each([
    ['1234567.50', 1234567.5],
    ['1234567,50', 1234567.5],
    ['1 234 567,50', 1234567.5],
    [`1${NBSP}234${NBSP}567,50`, 1234567.5],
    [`1${NNBSP}234${NNBSP}567,50`, 1234567.5],
    ['1.234.567,50', 1234567.5],
    ['1,234,567.50', 1234567.5],
    ['1234,5', 1234.5],
    ['0', 0],
    ['42', 42],
    ['  42  ', 42],
    ['1 234', 1234],
    ['1.234.567', 1234567], // one kind, more than once: thousands
    ['1,234,567', 1234567],
    ['1 234,567', 1234.567], // spaces are thousands, so the comma is decimal
    ['0,125', 0.125], // "0" cannot lead a thousands group: decimal
    ['1234,567', 1234.567], // 4 digits before: not a thousands group
    ['12,50', 12.5],
    ['12.5', 12.5],
  ])('%j -> %d', (raw, expected) => {
    expect(value(raw)).toBe(expected);
  });

  it.each([
    ['-1 234', -1234],
    ['\u22121234', -1234], // U+2212 minus sign
    ['+12', 12],
    ['-0', 0],
    ['-12,5', -12.5],
  ])('signs: %j -> %d', (raw, expected) => {
    expect(value(raw)).toBe(expected);
    expect(Object.is(value('-0'), 0)).toBe(true);
  });

  it.each([
    ['1 234,50 kr', 1234.5],
    ['1 234,50 kr.', 1234.5],
    ['kr 12,5', 12.5],
    ['SEK 1 234', 1234],
    ['1 234 SEK', 1234],
    ['€ 99', 99],
    ['€99', 99],
    ['99 €', 99],
    ['$1,234,567.50', 1234567.5],
    ['-€12', -12],
    ['€-12', -12],
    ['SEK -1 234,50', -1234.5],
    ['EUR 1.234,50', 1234.5],
    ['1 500:-', 1500],
    ['1.500,-', 1500], // ",-": no decimals, so the dot is a thousands separator
    ['1.500:-', 1500],
  ])('currency and whole-units suffixes: %j -> %d', (raw, expected) => {
    expect(value(raw)).toBe(expected);
  });
});

describe('parseNumber: rejects instead of guessing', () => {
  it.each([
    '12,3,4', // groups of 1 digit are no thousands groups
    '1.2.3,4.5', // the last separator (.) appears more than once
    'abc',
    '',
    '   ',
    '1e5',
    '12 %',
    '(100)',
    '1,,5',
    '1 234.567.8', // spaces and a repeated separator
    '1 234.567,8', // spaces and both separators
    '01.234.567', // a thousands group led by 0
    '1  234', // two spaces
    '.5',
    '5.',
    '--5',
    '-kr -5',
    'usd 5', // currency codes are upper case
    '1.500,50:-',
    'NaN',
    'Infinity',
  ])('%j', (raw) => {
    expect(parseNumber(raw)).toEqual({ ok: false, message: `expected a number, got "${raw}"` });
  });

  it.each([
    ['1,234', '1.234 or 1234'],
    ['12.500', '12.500 or 12500'],
    ['-999,000', '999.000 or 999000'],
    ['1,234 kr', '1.234 or 1234'],
  ])('a single separator before exactly 3 digits is ambiguous: %j', (raw, readings) => {
    expect(parseNumber(raw)).toEqual({ ok: false, message: `expected a number, got "${raw}" (ambiguous: ${readings})` });
  });

  it('reads the ambiguous case when the caller says which separator is decimal', () => {
    expect(value('1,234', { decimalSeparator: ',' })).toBe(1.234);
    expect(value('1,234', { decimalSeparator: '.' })).toBe(1234);
    expect(value('12.500', { decimalSeparator: ',' })).toBe(12500);
    expect(value('12.500', { decimalSeparator: '.' })).toBe(12.5);
    // unambiguous values ignore the hint
    expect(value('1.234.567,50', { decimalSeparator: '.' })).toBe(1234567.5);
    expect(value('1234,5', { decimalSeparator: '.' })).toBe(1234.5);
  });
});

describe('parseNumber: messages', () => {
  it('cuts a runaway cell at 80 characters in the message', () => {
    const raw = 'x'.repeat(200);
    expect(parseNumber(raw)).toEqual({ ok: false, message: `expected a number, got "${'x'.repeat(79)}…"` });
  });
});

describe('parseInteger', () => {
  it('reads whole numbers in any dialect', () => {
    expect(parseInteger('12 345')).toEqual({ ok: true, value: 12345 });
    expect(parseInteger('1.234.567')).toEqual({ ok: true, value: 1234567 });
    expect(parseInteger('12,00')).toEqual({ ok: true, value: 12 });
    expect(parseInteger('-3')).toEqual({ ok: true, value: -3 });
  });

  it('rejects fractions, junk and ambiguity', () => {
    expect(parseInteger('1,5')).toEqual({ ok: false, message: 'expected a whole number, got "1,5"' });
    expect(parseInteger('x')).toEqual({ ok: false, message: 'expected a whole number, got "x"' });
    expect(parseInteger('1.000')).toEqual({ ok: false, message: 'expected a whole number, got "1.000" (ambiguous: 1.000 or 1000)' });
    expect(parseInteger('99999999999999999')).toEqual({ ok: false, message: 'expected a whole number, got "99999999999999999"' });
  });
});
