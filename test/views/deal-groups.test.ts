import { describe, expect, it } from 'vitest';
import type { DealLine } from '../../src/report/deal-lines.ts';
import { groupDeals } from '../../src/views/deal-groups.ts';
import { fmt } from '../../src/views/format-context.ts';

const f = fmt('en', 'SEK');
const line = (id: string, owner: string, amount: number, status: DealLine['status'] = 'open', lostReason?: string): DealLine => ({
  id,
  name: `Deal ${id}`,
  account: 'Acme',
  owner: { id: owner, slug: owner, name: owner.toUpperCase() },
  stage: 'Proposal',
  status,
  channel: 'new',
  channelReason: 'given',
  amount,
  annualAmount: amount,
  created: '2026-11-01',
  close: '2026-11-18',
  ...(lostReason ? { lostReason } : {}),
});

describe('groupDeals', () => {
  it('groups by owner, largest group first, with count and value, linking deals to the CRM', () => {
    // anna: 300 + 100 = 400; bo: 350. Groups: anna (400) before bo (350).
    const groups = groupDeals(
      [line('d1', 'bo', 350), line('d2', 'anna', 300, 'lost', 'Pris'), line('d3', 'anna', 100, 'won')],
      (d) => ({ key: d.owner.id, title: d.owner.name }),
      { f, crmDealUrl: 'https://crm.example.com/d/{id}', sellerHref: (slug) => `/en/sellers/${slug}/` },
    );
    expect(groups.map((g) => [g.title, g.amount, g.rows.length])).toEqual([
      ['ANNA', 400, 2],
      ['BO', 350, 1],
    ]);
    expect(groups[0]!.summary).toMatch(/^2 · 400\sSEK$|^2 · SEK\s400$|^2 · 400\skr$/);
    expect(groups[0]!.rows[0]).toMatchObject({ href: 'https://crm.example.com/d/d2', stage: 'Lost', reason: 'Pris', ownerHref: '/en/sellers/anna/' });
    expect(groups[0]!.rows[1]).toMatchObject({ stage: 'Won', reason: undefined });
  });

  it('gives no CRM link without the setting', () => {
    const [group] = groupDeals([line('d1', 'bo', 1)], () => ({ key: 'x', title: 'x' }), { f, crmDealUrl: null, sellerHref: () => undefined });
    expect(group!.rows[0]!.href).toBeUndefined();
  });
});
