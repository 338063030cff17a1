import { describe, expect, it } from 'vitest';
import { crmDealHref, dealColumns } from '../../src/views/crm-link.ts';
import { buildTable } from '../../src/views/build-table.ts';
import { fmt } from '../../src/views/format-context.ts';
import { settingsSchema } from '../../src/settings/schema.ts';

describe('crmDealHref', () => {
  it('puts the encoded deal id into the template', () => {
    expect(crmDealHref('https://crm.example.com/deals/{id}', 'D-12263')).toBe('https://crm.example.com/deals/D-12263');
    expect(crmDealHref('https://crm.example.com/deal?id={id}', 'a b/c"<x>')).toBe('https://crm.example.com/deal?id=a%20b%2Fc%22%3Cx%3E');
  });

  it('gives no link without a template, an id or an http(s) address', () => {
    expect(crmDealHref(null, 'D-1')).toBeUndefined();
    expect(crmDealHref('https://crm.example.com/deals/', 'D-1')).toBeUndefined();
    expect(crmDealHref('https://crm.example.com/deals/{id}', '')).toBeUndefined();
    expect(crmDealHref('javascript:alert({id})', 'D-1')).toBeUndefined();
    expect(crmDealHref('{id}', 'javascript:alert(1)')).toBeUndefined();
  });
});

describe('the crmDealUrl setting', () => {
  it('accepts an http(s) address with {id} and rejects anything else', () => {
    expect(settingsSchema.parse({ crmDealUrl: 'https://x.example/d/{id}' }).crmDealUrl).toBe('https://x.example/d/{id}');
    expect(settingsSchema.safeParse({ crmDealUrl: 'javascript:alert({id})' }).success).toBe(false);
    expect(settingsSchema.safeParse({ crmDealUrl: 'https://x.example/d/' }).success).toBe(false);
    expect(settingsSchema.safeParse({ crmDealUrl: 'https://x.example/"onmouseover=x/{id}' }).success).toBe(false);
  });

  it('defaults the attention thresholds', () => {
    expect(settingsSchema.parse({}).attention).toEqual({ attainmentBelow: 0.9, slippedAmountAbove: 0, stalledAmountAbove: 0, fallingWeeks: 3 });
  });
});

describe('dealColumns: the deal column every deal table takes', () => {
  type Row = { id: string; name: string; amount: number };
  const rows: Row[] = [
    { id: 'D-1', name: 'Licens Norrsken', amount: 100 },
    { id: '', name: 'Utan id', amount: 50 },
  ];
  const table = (crmDealUrl: string | null) =>
    buildTable<Row>(
      { id: 'x', title: 'X' },
      [...dealColumns<Row>(fmt('sv', 'SEK', crmDealUrl), (r) => r), { label: 'Belopp', key: 'amount', show: (r) => String(r.amount), raw: (r) => r.amount }],
      rows,
    );

  it('links the deal name to its record and adds the address to the CSV only', () => {
    const t = table('https://crm.example.com/deals/{id}');
    expect(t.columns.map((c) => c.label)).toEqual(['Affär', 'Belopp']);
    expect(t.rows).toEqual([
      ['Licens Norrsken', '100'],
      ['Utan id', '50'],
    ]);
    expect(t.links?.[0]?.[0]?.href).toBe('https://crm.example.com/deals/D-1');
    expect(t.links?.[0]?.[1]).toBeUndefined();
    // A deal without an id has no record to open: no link, an empty address in the CSV.
    expect(t.links?.[1]?.[0]).toBeUndefined();
    expect(t.csv.header).toEqual(['deal', 'crm_url', 'amount']);
    expect(t.csv.rows).toEqual([
      ['Licens Norrsken', 'https://crm.example.com/deals/D-1', 100],
      ['Utan id', '', 50],
    ]);
  });

  it('without the setting: no links, no crm_url column', () => {
    const t = table(null);
    expect(t.links).toBeUndefined();
    expect(t.csv.header).toEqual(['deal', 'amount']);
  });
});
