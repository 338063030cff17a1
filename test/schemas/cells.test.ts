// The fast row reader against the zod schema it stands in for: on every row the fast reader
// accepts, both give the same record; on every row the schema rejects, the fast reader gives up.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { activitiesFile } from '../../src/schemas/activities.ts';
import { accountsFile } from '../../src/schemas/accounts.ts';
import { cachedLookup, cellReader, cleanCell, cleanCellFast, NOT_FAST, plainCellAt, valueLookup } from '../../src/schemas/cells.ts';
import { parseInteger, parseNumber } from '../../src/ingest/parse-number.ts';
import { dealsFile } from '../../src/schemas/deals.ts';
import type { FileSpec } from '../../src/schemas/column.ts';
import { settingsSchema } from '../../src/settings/schema.ts';

const settings = settingsSchema.parse({ exchangeRates: { EUR: 11.5 } });

function both<T>(spec: FileSpec<T>, cells: Record<string, string | undefined>) {
  const reader = spec.fast!(settings);
  const fast = reader.read(reader.columns.map((column) => cells[column]));
  const slow = spec.schema(settings).safeParse(cells);
  return { fast, slow };
}

const DEAL = {
  id: 'D-1',
  name: 'Licens 2026',
  account_id: 'A-1',
  owner: 'u-anna',
  stage: 'won',
  amount: '1000',
  currency: 'SEK',
  created_date: '2026-01-05',
  close_date: '2026-02-01',
  channel: 'new',
};

describe('fast deal reader', () => {
  it('gives the record the schema gives for a plain row', () => {
    const { fast, slow } = both(dealsFile, DEAL);
    expect(slow.success).toBe(true);
    expect(fast).toEqual(slow.data);
    expect(fast).toMatchObject({ id: 'D-1', stageId: 'won', status: 'won', amount: 1000, created: '2026-01-05', channelGiven: 'new' });
  });

  it('converts the amount and reads Nordic spellings like the schema', () => {
    const cells = { ...DEAL, amount: ' 1 234,50 ', currency: 'eur', created_date: '05.01.2026', close_date: '2026-02-01T23:30:00Z', channel: 'N/A' };
    const { fast, slow } = both(dealsFile, cells);
    expect(slow.success).toBe(true);
    expect(fast).toEqual(slow.data);
    // 1234.50 EUR × 11.5 = 14 196.75 SEK; 23:30 UTC is already 2 February in Stockholm.
    expect(fast).toMatchObject({ amount: 14196.75, currency: 'EUR', created: '2026-01-05', close: '2026-02-02', channelGiven: undefined });
  });

  it.each([
    ['an unknown stage', { stage: 'Maybe' }],
    ['a bad amount', { amount: '12,3,4' }],
    ['an impossible date', { close_date: '2026-02-30' }],
    ['an empty id', { id: '  ' }],
    ['a currency without a rate', { currency: 'USD' }],
    ['an unknown channel', { channel: 'partner' }],
  ])('gives up on %s, which the schema rejects', (_, change) => {
    const { fast, slow } = both(dealsFile, { ...DEAL, ...change });
    expect(slow.success).toBe(false);
    expect(fast).toBe(NOT_FAST);
  });
});

describe('fast activity and account readers', () => {
  it('match the schema on plain rows', () => {
    const activity = { id: 'X-1', type: 'Meeting held', date: '2026-03-05', owner: 'u-anna', account_id: 'A-1', deal_id: '', duration_minutes: '45' };
    const a = both(activitiesFile, activity);
    expect(a.fast).toEqual(a.slow.data);
    expect(a.fast).toMatchObject({ type: 'meeting_held', dealId: undefined, durationMinutes: 45 });
    const account = {
      id: 'A-1',
      name: 'Norrsken AB',
      org_number: '556000-0000',
      owner: '',
      team: 'sthlm',
      segment: 'null',
      country: 'SE',
      created_date: undefined,
    };
    const b = both(accountsFile, account);
    expect(b.fast).toEqual(b.slow.data);
    expect(b.fast).toMatchObject({ ownerId: '', segment: undefined });
  });

  it('give up where the schema rejects', () => {
    expect(both(activitiesFile, { type: 'lunch', date: '2026-03-05', owner: 'u' }).fast).toBe(NOT_FAST);
    expect(both(activitiesFile, { type: 'call', date: '2026-03-05', owner: '(tom)' }).fast).toBe(NOT_FAST);
    expect(both(accountsFile, { id: 'A-1', name: '#N/A' }).fast).toBe(NOT_FAST);
  });

  it('agree with the schema on any cells (property)', () => {
    const cell = fc.oneof(
      fc.constantFrom(undefined, '', ' ', 'null', 'N/A', '#n/a', '(tom)', 'Null', 'nope', ' x ', '\u00a0y'),
      fc.constantFrom('2026-03-05', '5.3.2026', '2026-02-30', '2026-03-05 10:00', '12', '1 234,5', '1,234', '-7', 'call', 'email', 'Meeting_Booked'),
      fc.string({ maxLength: 12 }),
    );
    fc.assert(
      fc.property(fc.record({ id: cell, type: cell, date: cell, owner: cell, account_id: cell, deal_id: cell, duration_minutes: cell }), (cells) => {
        const { fast, slow } = both(activitiesFile, cells);
        if (fast === NOT_FAST) return true; // giving up is always allowed: the schema then decides
        return slow.success && JSON.stringify(fast) === JSON.stringify(slow.data);
      }),
      { numRuns: 2000 },
    );
  });
});

describe('cellReader numbers', () => {
  const read = cellReader(settings);

  it('read plain digits as parseNumber and parseInteger do (hand-picked and property)', () => {
    expect(read('requiredNumber', '0042')).toBe(42);
    expect(read('optionalInteger', '123456789012345')).toBe(123_456_789_012_345); // 15 digits: read at once
    expect(read('requiredNumber', '12345678901234567')).toBe(12_345_678_901_234_568); // 17: through parseNumber
    expect(read('requiredNumber', '0')).toBe(0);
    fc.assert(
      fc.property(fc.stringMatching(/^\d{1,18}$/), (text) => {
        const number = parseNumber(text);
        const integer = parseInteger(text);
        expect(read('requiredNumber', text)).toBe(number.ok ? number.value : undefined);
        if (integer.ok) expect(read('optionalInteger', text)).toBe(integer.value);
        else expect(read('optionalInteger', text)).toMatchObject({ rule: 'BadNumber' });
      }),
    );
  });
});

describe('cleanCell', () => {
  it('trims and maps null markers to empty', () => {
    expect(['  a ', 'NULL', '(tomt)', '#N/A', 'n/a', 'none'].map(cleanCell)).toEqual(['a', '', '', '', '', 'none']);
  });

  it('is what cleanCellFast gives, for texts of markers, spaces of every kind and letters', () => {
    const pieces = [
      'n',
      'N',
      'u',
      'l',
      '#',
      '/',
      'a',
      '(',
      ')',
      't',
      'o',
      'm',
      'Nils',
      'ö',
      'Ö',
      '–',
      ' ',
      '\t',
      '\u00a0',
      '\u1680',
      '\u2003',
      '\u200a',
      '\u200b',
      '\u2028',
      '\u202f',
      '\u205f',
      '\u3000',
      '\ufeff',
      '\u180e',
      '\u0085',
      '\u007f',
    ];
    const text = fc.array(fc.constantFrom(...pieces), { maxLength: 9 }).map((parts) => parts.join(''));
    fc.assert(
      fc.property(text, (raw) => cleanCellFast(raw) === cleanCell(raw)),
      { numRuns: 5000 },
    );
    expect(['(tomt)', 'Nils Berg', 'null', ' Nils', 'Öl\u00a0', 'n/a!'].map(cleanCellFast)).toEqual(['', 'Nils Berg', '', 'Nils', 'Öl', 'n/a!']);
  });
});

describe('plainCellAt', () => {
  it('says a cell is plain only when cleanCellFast gives it back as it is, judged where it stands', () => {
    const pieces = ['n', 'N', 'u', 'l', '#', '/', 'a', '(', ')', 't', 'Nils', 'ö', ' ', '\t', '\u00a0', '\u2003', '\u200b', '\ufeff'];
    const text = fc.array(fc.constantFrom(...pieces), { maxLength: 9 }).map((parts) => parts.join(''));
    fc.assert(
      fc.property(text, text, text, (before, cell, after) => {
        if (plainCellAt(before + cell + after, before.length, before.length + cell.length)) expect(cleanCellFast(cell)).toBe(cell);
      }),
      { numRuns: 3000 },
    );
    // By hand: empty and ordinary cells are plain; spaces at an edge, markers and short cells that
    // may be a marker (n…, N…, #…, (…) are not, and are read by their text instead.
    const plain = (cell: string) => plainCellAt(`x,${cell},y`, 2, 2 + cell.length);
    expect(['', 'Nils Berg', 'A-0001', 'nils.berg'].map(plain)).toEqual([true, true, true, true]);
    expect([' Nils', 'Nils\u00a0', 'null', 'none', '#N/A', '(tomt)'].map(plain)).toEqual([false, false, false, false, false, false]);
  });
});

describe('cachedLookup', () => {
  it('gives each text its value, whatever came the row before', () => {
    const lookup = cachedLookup(
      valueLookup([
        ['Won', 'won'],
        ['Closed Lost', 'lost'],
      ]),
    );
    const texts = ['won', 'won', 'closed_lost', 'Demo', 'Demo', 'WON', 'closed lost', 'won'];
    expect(texts.map(lookup)).toEqual(['won', 'won', 'lost', undefined, undefined, 'won', 'lost', 'won']);
  });
});
