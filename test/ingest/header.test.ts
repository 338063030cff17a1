import { describe, it, expect } from 'vitest';
import { editDistance, mapColumns, normalizeHeader } from '../../src/ingest/header.ts';
import type { ColumnSpec } from '../../src/ingest/header.ts';

const DEAL_COLUMNS: ColumnSpec[] = [
  { name: 'id', required: true },
  { name: 'account_id', required: true },
  { name: 'amount', required: true, aliases: ['value'] },
  { name: 'close_date', required: true },
  { name: 'created_date', required: true },
  { name: 'product', required: false },
];

describe('normalizeHeader', () => {
  it('ignores case, surrounding space, inner spaces, `_` and `-`', () => {
    for (const name of ['Close Date', 'close_date', 'closedate', '  CLOSE-DATE ', 'Close_ Date', 'close\u00a0date']) {
      expect(normalizeHeader(name), name).toBe('closedate');
    }
  });

  it('strips a BOM and keeps Nordic letters', () => {
    expect(normalizeHeader('\uFEFFid')).toBe('id');
    expect(normalizeHeader('Stängnings Datum')).toBe('stängningsdatum');
    // "ä" written as a + combining diaeresis matches the precomposed "ä" (NFC)
    expect(normalizeHeader('Sta\u0308ngd')).toBe(normalizeHeader('Stängd'));
  });
});

describe('editDistance', () => {
  it('counts insertions, deletions and substitutions', () => {
    expect(editDistance('closedate', 'closedate')).toBe(0);
    expect(editDistance('closedate', 'closdate')).toBe(1);
    expect(editDistance('amount', 'amuont')).toBe(2);
    expect(editDistance('', 'abc')).toBe(3);
  });
});

describe('mapColumns', () => {
  it('finds columns whatever the spelling, and ignores unknown ones', () => {
    const header = ['\uFEFFID', 'Account ID', 'Amount', 'Close Date', 'created-date', 'Colour'];
    const mapping = mapColumns(header, DEAL_COLUMNS);
    expect(mapping.index).toEqual({ id: 0, account_id: 1, amount: 2, close_date: 3, created_date: 4 });
    expect(mapping.missing).toEqual([]);
    expect(mapping.closest).toEqual({});
    expect(mapping.duplicates).toEqual([]);
  });

  it('accepts an alias, but prefers the canonical name when both are there', () => {
    expect(mapColumns(['id', 'Value'], DEAL_COLUMNS).index.amount).toBe(1);
    expect(mapColumns(['value', 'amount'], DEAL_COLUMNS).index.amount).toBe(1);
  });

  it('lists missing required columns (not optional ones) with the closest header name', () => {
    // "Clos Date" is 1 edit from close_date; "Deal Amount" contains "amount";
    // nothing is near account_id or created_date.
    const mapping = mapColumns(['id', 'Clos Date', 'Deal Amount', 'Owner'], DEAL_COLUMNS);
    expect(mapping.missing).toEqual(['account_id', 'amount', 'close_date', 'created_date']);
    expect(mapping.closest).toEqual({
      account_id: undefined,
      amount: 'Deal Amount',
      close_date: 'Clos Date',
      created_date: undefined,
    });
    expect(mapping.index.product).toBeUndefined();
  });

  it('does not offer a header that is already used by another column', () => {
    // "id" is taken by `id`; it must not be offered for the missing account_id.
    expect(
      mapColumns(
        ['id'],
        [
          { name: 'id', required: true },
          { name: 'ad', required: true },
        ],
      ).closest,
    ).toEqual({ ad: undefined });
  });

  it('reports a column given twice and uses the first', () => {
    const mapping = mapColumns(['id', 'close_date', 'Close Date'], DEAL_COLUMNS);
    expect(mapping.index.close_date).toBe(1);
    expect(mapping.duplicates).toEqual(['close_date']);
  });

  it('handles an empty header (empty file): every required column missing', () => {
    const mapping = mapColumns([], DEAL_COLUMNS);
    expect(mapping.missing).toEqual(['id', 'account_id', 'amount', 'close_date', 'created_date']);
    expect(mapping.index).toEqual({});
  });
});
