/**
 * Who works a deal (domain §5): account executives close new business and win-backs,
 * account managers own renewals and most upsells, and an SDR is credited when an outbound
 * call or an inbound lead booked the first meeting.
 */
import type { Hat } from '../../src/core/records.ts';
import type { DemoAccount } from './accounts.ts';
import { AS_OF, hasHat, isCloser, isKam, staffFor, type DemoUser } from './company.ts';
import type { DealPlan } from './deals.ts';
import type { Rng } from './random.ts';

function sdrFor(users: DemoUser[], deal: DealPlan, hat: Hat, index: number): string | undefined {
  const sdr = staffFor(users, deal.account.team, (u) => hasHat(u, hat), deal.created - 10, deal.created, index);
  return hasHat(sdr, hat) ? sdr.id : undefined;
}

/** Sets owner, sdr and source. `index` keeps an account with the same people where possible. */
export function assignPeople(rng: Rng, deal: DealPlan, users: DemoUser[], index: number): void {
  const team = deal.account.team;
  const until = Math.min(deal.close, AS_OF);
  const byAe = deal.channel === 'new' || deal.channel === 'winback' || (deal.channel === 'upsell' && rng.chance(0.25));
  deal.owner = staffFor(users, team, byAe ? isCloser : isKam, deal.created, until, index).id;

  let source: string;
  if (deal.channel === 'renewal') source = '';
  else if (deal.channel === 'upsell')
    source = rng.weighted<string>([
      ['customer', 70],
      ['inbound', 30],
    ]);
  else if (deal.channel === 'winback')
    source = rng.weighted<string>([
      ['outbound', 55],
      ['referral', 20],
      ['inbound', 25],
    ]);
  else
    source = rng.weighted<string>([
      ['outbound', 45],
      ['inbound', 30],
      ['referral', 10],
      ['event', 8],
      ['partner', 7],
    ]);
  deal.source = source;

  const sdr =
    source === 'outbound'
      ? sdrFor(users, deal, 'sdr_outbound', index)
      : source === 'inbound' && deal.channel !== 'upsell'
        ? sdrFor(users, deal, 'sdr_inbound', index)
        : source === 'inbound' && rng.chance(0.5)
          ? sdrFor(users, deal, 'sdr_inbound', index)
          : undefined;
  if (sdr) deal.sdr = sdr;
}

/**
 * The responsible person (kundansvarig) at the as-of date: an account manager for active
 * customers, an account executive for prospects and passive customers.
 */
export function assignAccountOwners(accounts: DemoAccount[], deals: DealPlan[], users: DemoUser[]): void {
  const active = new Set<string>();
  for (const a of accounts) if (a.legacy.some((c) => c.end >= AS_OF)) active.add(a.id);
  for (const d of deals) {
    if (d.status !== 'won') continue;
    if ((d.contractEnd ?? d.close + 365) >= AS_OF) active.add(d.account.id);
  }
  accounts.forEach((a, index) => {
    a.owner = staffFor(users, a.team, active.has(a.id) ? isKam : isCloser, AS_OF, AS_OF, index).id;
  });
}
