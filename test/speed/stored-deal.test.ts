import { describe, expect, it } from 'vitest';
import { CodedTexts, Dates, DealColumns, Numbers, StoredDeal } from '../../src/speed/stored-deal.ts';
import { plainDeal } from '../support/plain-deal.ts';
import type { Deal } from '../../src/core/records.ts';

const own = { id: 'D1', accountId: 'A1', ownerId: 'u1', stageId: 'won', status: 'won', amount: 1200.5, created: '2026-01-05', close: '2026-03-31' } as const;

describe('CodedTexts', () => {
  it('keeps one copy per distinct text, undefined as no text, and widens past 65 535 texts', () => {
    const texts = new CodedTexts();
    texts.set(0, 'a');
    texts.set(2, 'a');
    expect([texts.get(0), texts.get(1), texts.get(2), texts.distinct]).toEqual(['a', undefined, 'a', 1]);
    for (let row = 0; row < 70_000; row++) texts.set(row, `t${row}`);
    expect([texts.get(0), texts.get(65_535), texts.get(69_999), texts.distinct]).toEqual(['t0', 't65535', 't69999', 70_001]);
    texts.set(3, undefined);
    expect(texts.get(3)).toBeUndefined();
  });

  it('gives every row its own text when texts and no text alternate', () => {
    // The text of the row before is remembered: a change, no text, and a text again must still be stored.
    const texts = new CodedTexts();
    const rows = ['x', 'x', undefined, 'x', 'y', ['x'].join(''), undefined, undefined, 'y'];
    rows.forEach((text, row) => texts.set(row, text));
    expect(rows.map((_, row) => texts.get(row))).toEqual(rows);
    expect(texts.distinct).toBe(2);
  });

  it('stores texts past the first 256 (not remembered as the last one) and before them alike', () => {
    const texts = new CodedTexts();
    for (let row = 0; row < 300; row++) texts.set(row, `t${row}`);
    // t299 (code 300) is not remembered; t5 is; both alternating with each other and a repeat.
    const rows = ['t299', 't5', 't5', 't299', 't299', 't5', undefined, 't299'];
    rows.forEach((text, i) => texts.set(300 + i, text));
    expect(rows.map((_, i) => texts.get(300 + i))).toEqual(rows);
    expect(texts.distinct).toBe(300);
  });
});

describe('Dates', () => {
  it('keeps ISO dates as day numbers and gives them back as written', () => {
    const dates = new Dates();
    dates.set(0, '2026-11-23');
    dates.set(3000, '1899-12-31'); // past the first capacity, before the days kept as strings
    dates.set(1, undefined);
    expect([dates.get(0), dates.get(1), dates.get(2), dates.get(3000)]).toEqual(['2026-11-23', undefined, undefined, '1899-12-31']);
  });

  it('keeps a date its day would not give back as written as text, until the row is set again', () => {
    const dates = new Dates();
    dates.set(0, '999-01-01'); // day number of 0999-01-01, which is written with four digits
    dates.set(1, 'not a date');
    expect([dates.get(0), dates.get(1)]).toEqual(['999-01-01', 'not a date']);
    dates.set(0, '2026-01-05');
    dates.set(1, undefined);
    expect([dates.get(0), dates.get(1)]).toEqual(['2026-01-05', undefined]);
  });
});

describe('Numbers', () => {
  it('keeps numbers unboxed, undefined as NaN, growing past the first capacity', () => {
    const numbers = new Numbers();
    numbers.set(5000, 0.1 + 0.2);
    numbers.set(1, undefined);
    numbers.set(2, 0);
    expect([numbers.get(5000), numbers.get(1), numbers.get(2)]).toEqual([0.1 + 0.2, undefined, 0]);
  });
});

describe('StoredDeal', () => {
  it('has its id as its name when no name is given, and keeps no copy of the id as a name', () => {
    const columns = new DealColumns();
    const unnamed = new StoredDeal(columns, own);
    const named = new StoredDeal(columns, { ...own, id: 'D2' });
    named.name = 'Beta';
    unnamed.name = 'D1'; // the id itself
    expect([unnamed.name, named.name]).toEqual(['D1', 'Beta']);
    expect(columns.name.distinct).toBe(1);
  });

  it('reads back every field, own and column, per deal', () => {
    const fields = [
      { field: 'product', store: 'text' },
      { field: 'termMonths', store: 'number' },
      { field: 'contractStart', store: 'date' },
    ] as const;
    const Stored = StoredDeal.withFields(fields);
    const columns = new DealColumns(fields);
    const a: StoredDeal & Deal = new Stored(columns, own);
    const b: StoredDeal & Deal = new Stored(columns, { ...own, id: 'D2', amount: 10 });
    a.file = 'deals.csv';
    a.line = 2;
    a.name = 'Alpha';
    a.product = 'Analys';
    a.termMonths = 36;
    b.file = 'deals.csv';
    b.line = 3;
    b.name = 'Beta';
    Object.assign(a, { channel: 'new', channelReason: 'given', annualAmount: 400.17, contractYears: 3, teamId: 't1' });
    expect(columns.size).toBe(2);
    expect(plainDeal(a)).toEqual({
      ...own,
      file: 'deals.csv',
      line: 2,
      name: 'Alpha',
      product: 'Analys',
      termMonths: 36,
      channel: 'new',
      channelReason: 'given',
      annualAmount: 400.17,
      contractYears: 3,
      teamId: 't1',
    });
    // b's columns are its own: nothing of a's leaks into them.
    expect(plainDeal(b)).toEqual({ ...own, id: 'D2', amount: 10, file: 'deals.csv', line: 3, name: 'Beta' });
    expect([b.termMonths, b.product, b.contractStart, b.annualAmount]).toEqual([undefined, undefined, undefined, undefined]);
    a.contractStart = '2026-01-31';
    expect(a.toJSON()).toMatchObject({ contractStart: '2026-01-31' });
    expect(b.contractStart).toBeUndefined();
  });

  it('keeps a given field in a column of its file, not as an own property', () => {
    const Stored = StoredDeal.withFields([{ field: 'source', store: 'text' }]);
    const deal: StoredDeal & Deal = new Stored(new DealColumns([{ field: 'source', store: 'text' }]), own);
    deal.setFields([0], ['inbound']);
    expect([deal.source, Object.keys(deal).includes('source')]).toEqual(['inbound', false]);
    expect(() => StoredDeal.withFields([{ field: 'amount', store: 'number' }])).toThrow(/holds "amount" itself/);
  });

  it('serializes every field to JSON, not its columns', () => {
    const deal = new StoredDeal(new DealColumns(), own);
    deal.line = 7;
    expect(JSON.parse(JSON.stringify(deal))).toEqual({ ...own, line: 7, name: 'D1' }); // no name given: the id
  });
});
