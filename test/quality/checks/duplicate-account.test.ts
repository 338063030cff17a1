import { describe, expect, it } from 'vitest';
import { duplicateAccounts, normaliseAccountName, orgDigits } from '../../../src/quality/checks/duplicate-account.ts';
import { account, brief, EMPTY, input, XSS } from '../helpers.ts';

describe('normaliseAccountName', () => {
  it('drops case, legal forms, punctuation and spaces', () => {
    expect(normaliseAccountName('Nordvik Logistik AB (publ)')).toBe('nordviklogistik');
    expect(normaliseAccountName('  nordvik   logistik ')).toBe('nordviklogistik');
    expect(normaliseAccountName('Acme A/S')).toBe('acme');
    expect(normaliseAccountName('ACME ApS')).toBe('acme');
    expect(normaliseAccountName('Foo/Bar Ltd.')).toBe('foobar');
    expect(normaliseAccountName('Sisu Oy')).toBe('sisu');
    expect(normaliseAccountName('Byggmästarna Aktiebolag')).toBe('byggmästarna');
    expect(normaliseAccountName('Ström & Co')).toBe('strömco'); // letters are kept as written: ö ≠ o
    expect(normaliseAccountName('AB')).toBe('');
    expect(normaliseAccountName(XSS)).toBe('scriptalert1script');
  });
});

describe('orgDigits', () => {
  it('keeps digits, ignores placeholders', () => {
    expect(orgDigits('556677-8899')).toBe('5566778899');
    expect(orgDigits('DK 1234 5678')).toBe('12345678');
    expect(orgDigits('000000-0000')).toBe('');
    expect(orgDigits(undefined)).toBe('');
  });
});

// 2  Nordvik Logistik AB, 556677-8899
// 3  nordvik logistik                        → same name as A2
// 4  Acme A/S, 12345678
// 5  ACME ApS, DK12345678                     → same org as A4 (org wins when both match)
// 6  Fjord Oy, 000000-0000                    (placeholder org ignored)
// 7  Fjord Consulting Oy, 000000-0000         → different name, placeholder org: fine
// 8  <script>…, 9 <script>…                   → 9 same name as A8
// 10 Ström & Co AB, 11 Strom & Co             → fine (ö ≠ o)
// 12 Nordvik Logistik Aktiebolag (publ), 556677-8899 → same org as A2 (the first, not A3)
const fixture = input({
  accounts: [
    account(2, { name: 'Nordvik Logistik AB', orgNumber: '556677-8899' }),
    account(3, { name: 'nordvik logistik', ownerId: 'u2' }),
    account(4, { name: 'Acme A/S', orgNumber: '12345678' }),
    account(5, { name: 'ACME ApS', orgNumber: 'DK12345678' }),
    account(6, { name: 'Fjord Oy', orgNumber: '000000-0000' }),
    account(7, { name: 'Fjord Consulting Oy', orgNumber: '000000-0000' }),
    account(8, { name: XSS }),
    account(9, { name: XSS, ownerId: '' }),
    account(10, { name: 'Ström & Co AB' }),
    account(11, { name: 'Strom & Co' }),
    account(12, { name: 'Nordvik Logistik Aktiebolag (publ)', orgNumber: '556677-8899' }),
  ],
});

describe('duplicateAccounts', () => {
  it('flags each later duplicate, naming the first account of its group', () => {
    const issues = duplicateAccounts(fixture);
    expect(brief(issues)).toEqual([
      'DuplicateAccount accounts.csv:3 name',
      'DuplicateAccount accounts.csv:5 org_number',
      'DuplicateAccount accounts.csv:9 name',
      'DuplicateAccount accounts.csv:12 org_number',
    ]);
    expect(issues.map((issue) => issue.message)).toEqual([
      'same name as account "A2" on line 2',
      'same org number as account "A4" on line 4',
      'same name as account "A8" on line 8',
      'same org number as account "A2" on line 2',
    ]);
    expect(issues[0]).toMatchObject({ recordId: 'A3', ownerId: 'u2' });
    expect(issues[2]?.ownerId).toBeUndefined();
  });

  it('does not depend on the order records arrive in', () => {
    const reversed = input({ accounts: [...fixture.records.accounts].reverse() });
    expect(duplicateAccounts(reversed)).toEqual(duplicateAccounts(fixture));
  });

  it('gives nothing for empty input', () => {
    expect(duplicateAccounts(EMPTY)).toEqual([]);
  });
});
