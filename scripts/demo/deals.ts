/**
 * The deal history: each account lives through a queue of opportunities (new business,
 * renewals at the end of a term, upsells while active, win-backs after 12 passive months),
 * each decided by deal-outcome.ts. Only deals closing in the period (or still open) are
 * exported; earlier ones shape the history but are not in the file, like a real CRM cut.
 */
import type { Channel, DealStatus } from '../../src/core/records.ts';
import type { DemoAccount } from './accounts.ts';
import { AS_OF, PERIOD_START, type DemoUser } from './company.ts';
import { addMonthStart, contractEnd, day, toWorkday, workload, type Day } from './dates.ts';
import { cycleDays, decide } from './deal-outcome.ts';
import { assignPeople } from './deal-people.ts';
import { annualPrice, contractAmount, product, PRODUCTS, termFor } from './products.ts';
import type { Rng } from './random.ts';

export interface DealPlan {
  id: string;
  account: DemoAccount;
  owner: string;
  sdr?: string;
  channel: Channel;
  /** The channel can be inferred from the exported history alone, so it may be left empty. */
  inferable: boolean;
  product: string;
  created: Day;
  close: Day;
  status: DealStatus;
  reached: number;
  amount: number;
  /** Sales volume per contract year (domain §1). */
  annual: number;
  termMonths?: number;
  contractStart?: Day;
  contractEnd?: Day;
  source: string;
  lostReason?: string;
  /** Set by defects.ts: no activity or update on the deal after this day. */
  staleSince?: Day;
}

interface Contract {
  product: string;
  start: Day;
  end: Day;
  annual: number;
  termMonths: number;
  inData: boolean;
}
type Event = { at: Day; kind: 'new' | 'winback' | 'upsell'; product?: string } | { at: Day; kind: 'renewal'; contract: Contract };

class AccountLife {
  account: DemoAccount;
  contracts: Contract[];
  wins: { at: Day; inData: boolean }[] = [];
  queue: Event[] = [];
  constructor(account: DemoAccount) {
    this.account = account;
    this.contracts = account.legacy.map((c) => ({ ...c, inData: false }));
  }
  push(event: Event): void {
    if (event.at <= AS_OF) this.queue.push(event);
  }
  pop(): Event | undefined {
    this.queue.sort((a, b) => a.at - b.at);
    return this.queue.shift();
  }
  active(d: Day, inDataOnly = false): boolean {
    const wonRecently = this.wins.some((w) => (!inDataOnly || w.inData) && w.at <= d && d - w.at < 365);
    return wonRecently || this.contracts.some((c) => (!inDataOnly || c.inData) && c.start <= d && d <= c.end);
  }
  passiveSince(): Day {
    return Math.max(0, ...this.contracts.map((c) => c.end), ...this.wins.map((w) => w.at));
  }
  hasInDataWin(before: Day): boolean {
    return this.wins.some((w) => w.inData && w.at < before);
  }
}

/** A creation day in [from, to], denser in later years (growth) and outside holidays. */
function growthDay(rng: Rng, from: Day, to: Day): Day {
  for (;;) {
    const d = rng.int(from, to);
    const growth = 0.55 + (0.45 * (d - from)) / Math.max(1, to - from);
    if (rng.chance(growth * workload(d))) return toWorkday(d);
  }
}

function upsellProduct(rng: Rng, life: AccountLife, at: Day): string | undefined {
  const held = (name: string) => life.contracts.some((c) => c.product === name && c.end >= at - 120);
  const options = PRODUCTS.filter((p) => p.kind === 'service' || !held(p.name));
  return options.length > 0 ? rng.pick(options).name : undefined;
}

function openingEvents(rng: Rng, life: AccountLife): void {
  const a = life.account;
  if (a.kind === 'prospect' && rng.chance(0.95)) {
    life.push({ at: growthDay(rng, Math.max(a.created + 7, day('2023-09-01')), AS_OF), kind: 'new' });
  }
  for (const c of life.contracts) {
    if (c.end >= PERIOD_START) life.push({ at: toWorkday(c.end - rng.int(55, 100)), kind: 'renewal', contract: c });
  }
  if (a.kind === 'customer') life.push({ at: growthDay(rng, PERIOD_START - 60, PERIOD_START + 400), kind: 'upsell' });
  if (a.kind === 'former' && rng.chance(0.8)) {
    life.push({ at: growthDay(rng, Math.max(life.passiveSince() + 380, day('2023-10-01')), life.passiveSince() + 900), kind: 'winback' });
  }
}

export function simulateDeals(rng: Rng, accounts: DemoAccount[], users: DemoUser[]): DealPlan[] {
  const deals: DealPlan[] = [];
  accounts.forEach((account, index) => {
    const life = new AccountLife(account);
    openingEvents(rng, life);
    for (let event = life.pop(); event; event = life.pop()) {
      const deal = play(rng, life, event);
      if (!deal) continue;
      if (deal.status !== 'open' && deal.close < PERIOD_START) continue;
      assignPeople(rng, deal, users, index);
      deals.push(deal);
    }
  });
  deals.sort((a, b) => a.created - b.created || (a.account.id < b.account.id ? -1 : a.account.id > b.account.id ? 1 : 0) || a.close - b.close);
  deals.forEach((d, i) => (d.id = `D-${10001 + i}`));
  return deals;
}

/** Plays one event into a deal and queues what follows from it. */
function play(rng: Rng, life: AccountLife, event: Event): DealPlan | undefined {
  const a = life.account;
  const created = event.at;
  if (created > AS_OF) return undefined;
  if (event.kind === 'new' && life.wins.length > 0) return undefined;
  if (event.kind === 'winback' && (life.active(created) || created < life.passiveSince() + 375)) return undefined;
  if (event.kind === 'upsell' && !life.active(created)) return undefined;
  const name =
    event.kind === 'renewal'
      ? event.contract.product
      : event.kind === 'upsell'
        ? (event.product ?? upsellProduct(rng, life, created))
        : rng.weighted<string>([
            ['Norrsken Analys', 55],
            ['Norrsken Integration', 35],
            ['Support Plus', 10],
          ]);
  if (!name) return undefined;
  const p = product(name);
  const expected = event.kind === 'renewal' ? event.contract.end - rng.int(0, 35) : created + cycleDays(rng, event.kind, a.segment);
  const latest = event.kind === 'renewal' ? event.contract.end : undefined;
  const outcome = decide(rng, event.kind, a.segment, created, expected, latest);
  const inData = outcome.status === 'open' || outcome.close >= PERIOD_START;
  const inferable =
    event.kind === 'new'
      ? true
      : event.kind === 'renewal'
        ? event.contract.inData
        : event.kind === 'upsell'
          ? life.active(created, true)
          : life.hasInDataWin(created);
  const deal: DealPlan = {
    id: '',
    account: a,
    owner: '',
    channel: event.kind,
    inferable,
    product: name,
    created,
    close: outcome.close,
    status: outcome.status,
    reached: outcome.reached,
    amount: 0,
    annual: 0,
    source: '',
    ...(outcome.lostReason ? { lostReason: outcome.lostReason } : {}),
  };
  if (p.kind === 'service') {
    deal.amount = deal.annual = annualPrice(rng, p, a.segment);
  } else {
    const prev = event.kind === 'renewal' ? event.contract : undefined;
    const term = prev && rng.chance(0.7) ? prev.termMonths : termFor(rng, a.segment);
    const annual = prev ? Math.round((prev.annual * rng.float(1, 1.07)) / 1000) * 1000 : annualPrice(rng, p, a.segment);
    const start = prev ? prev.end + 1 : addMonthStart(outcome.close, 1);
    deal.termMonths = term;
    deal.contractStart = start;
    deal.contractEnd = contractEnd(start, term);
    deal.amount = contractAmount(rng, annual, term);
    deal.annual = Math.round((deal.amount / (term / 12)) * 100) / 100;
  }
  if (deal.status === 'open') return deal;
  followUps(rng, life, event, deal, inData);
  return deal;
}

function followUps(rng: Rng, life: AccountLife, event: Event, deal: DealPlan, inData: boolean): void {
  const close = deal.close;
  if (deal.status === 'won') {
    life.wins.push({ at: close, inData });
    if (deal.contractStart !== undefined && deal.contractEnd !== undefined && deal.termMonths !== undefined) {
      const contract = { product: deal.product, start: deal.contractStart, end: deal.contractEnd, annual: deal.annual, termMonths: deal.termMonths, inData };
      life.contracts.push(contract);
      life.push({ at: toWorkday(contract.end - rng.int(55, 100)), kind: 'renewal', contract });
    }
    if (event.kind === 'new' || event.kind === 'winback') {
      life.push({ at: toWorkday(close + rng.int(60, 300)), kind: 'upsell' });
      if (rng.chance(0.35)) life.push({ at: toWorkday(close + rng.int(10, 45)), kind: 'upsell', product: rng.pick(['Utbildning', 'Införandeprojekt']) });
    }
  } else if (event.kind === 'new' && rng.chance(0.8)) {
    life.push({ at: toWorkday(close + rng.int(45, 240)), kind: 'new' });
  } else if (event.kind === 'winback' && rng.chance(0.5)) {
    life.push({ at: toWorkday(close + rng.int(200, 450)), kind: 'winback' });
  } else if (event.kind === 'renewal' && !life.active(event.contract.end + 1) && rng.chance(0.7)) {
    life.push({ at: toWorkday(life.passiveSince() + rng.int(380, 700)), kind: 'winback' });
  }
  if (event.kind === 'upsell' && rng.chance(0.8)) life.push({ at: toWorkday(deal.created + rng.int(90, 270)), kind: 'upsell' });
}
