import { describe, expect, it } from 'vitest';
import { crmDealHref } from '../../src/views/crm-link.ts';
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
