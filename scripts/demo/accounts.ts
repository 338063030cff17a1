/**
 * A few hundred fictitious customer and prospect companies: believable Swedish names (with
 * a handful of Danish and Norwegian ones), valid-looking organisation numbers, a team by
 * region, a size segment, and for customers the contracts they held before the period.
 */
import { addMonthStart, contractEnd, day, fromYmd, type Day } from './dates.ts';
import { PERIOD_START, TEAMS, type Team } from './company.ts';
import { annualPrice, SEGMENTS, SUBSCRIPTIONS, termFor, type Segment } from './products.ts';
import type { Rng } from './random.ts';

export type AccountKind = 'customer' | 'former' | 'prospect';

/** A contract signed before the period: its deal is not in the export. */
export interface LegacyContract {
  product: string;
  start: Day;
  end: Day;
  annual: number;
  termMonths: number;
}

export interface DemoAccount {
  id: string;
  name: string;
  orgNumber: string;
  team: Team;
  segment: Segment;
  country: 'SE' | 'DK' | 'NO';
  created: Day;
  kind: AccountKind;
  legacy: LegacyContract[];
  /** Responsible person at the as-of date; set after the deals are simulated. */
  owner: string;
}

const STEMS = [
  'Norrbro',
  'Fjällström',
  'Västkust',
  'Åkerlund',
  'Björkhaga',
  'Ölands',
  'Hallands',
  'Sjövik',
  'Ekdahl',
  'Granlund',
  'Bergvik',
  'Lövgren',
  'Strömsund',
  'Skärgårds',
  'Dalarö',
  'Mälardalens',
  'Kustlinjen',
  'Hagberg',
  'Nordvik',
  'Sörmlands',
  'Vänerns',
  'Lidköpings',
  'Östgöta',
  'Kronobergs',
  'Ystads',
  'Skånska',
  'Höglund',
  'Engström',
  'Rosenqvist',
  'Forsberg',
  'Tallbacka',
  'Älvsborgs',
  'Gotlands',
  'Runö',
  'Lindhagen',
  'Viksjö',
  'Norrlands',
  'Solvalla',
  'Järnbäraland',
  'Brännö',
  'Almgren',
  'Holmström',
  'Värmlands',
  'Blekinge',
  'Kallinge',
  'Torslanda',
  'Mölndals',
  'Lundby',
  'Kungsbacka',
  'Tyresö',
  'Sundbyberg',
  'Täby',
  'Ljungby',
  'Eriksberg',
  'Åsa',
  'Götaälv',
];
const TRADES = [
  'Logistik',
  'Bygg',
  'Fastigheter',
  'Mejeri',
  'Energi',
  'Maskin',
  'Transport',
  'Elektro',
  'Trä',
  'Verkstad',
  'Plast',
  'Livsmedel',
  'Revision',
  'Konsult',
  'Media',
  'Vård',
  'Glas',
  'Färg',
  'Åkeri',
  'Installation',
  'Förpackning',
  'Rör',
  'Skog',
  'Hotell',
  'Handel',
  'Teknik',
];
const DK_NAMES = ['Øresund Handel', 'Amager Logistik', 'Fyns Maskinfabrik', 'Køge Byg', 'Aarhus Emballage'];
const NO_NAMES = ['Bergen Fisk', 'Østfold Energi', 'Tromsø Bygg', 'Drammen Transport'];

/** Swedish organisation number `556xxx-xxxx` with a valid Luhn check digit. */
export function swedishOrgNumber(rng: Rng): string {
  const digits = [5, 5, 6, ...Array.from({ length: 6 }, () => rng.int(0, 9))];
  const sum = digits.reduce((acc, d, i) => {
    const v = i % 2 === 0 ? d * 2 : d;
    return acc + (v > 9 ? v - 9 : v);
  }, 0);
  const check = (10 - (sum % 10)) % 10;
  const s = digits.join('') + String(check);
  return `${s.slice(0, 6)}-${s.slice(6)}`;
}

function foreignOrgNumber(rng: Rng, country: 'DK' | 'NO'): string {
  const n = country === 'DK' ? 8 : 9;
  const first = country === 'DK' ? rng.int(1, 4) : rng.int(8, 9);
  return [first, ...Array.from({ length: n - 1 }, () => rng.int(0, 9))].join('');
}

function swedishName(rng: Rng, used: Set<string>): string {
  for (;;) {
    const stem = rng.pick(STEMS);
    const trade = rng.pick(TRADES);
    const name = rng.weighted<string>([
      [`${stem} ${trade} AB`, 6],
      [`${stem}s ${trade} AB`, 1],
      [`${stem} & Söner ${trade} AB`, 1],
      [`${trade}gruppen ${stem} AB`, 1],
    ]);
    if (!used.has(name)) return (used.add(name), name);
  }
}

function legacyContracts(rng: Rng, segment: Segment, former: boolean): LegacyContract[] {
  const count = rng.weighted<number>([
    [1, 5],
    [2, 3],
    [3, 1],
  ]);
  const products = rng.shuffle(SUBSCRIPTIONS).slice(0, count);
  const formerEnd = addMonthStart(PERIOD_START, -rng.int(3, 30)) - 1;
  return products.map((p) => {
    const termMonths = termFor(rng, segment);
    // Current customers hold a contract running over 2024-01-01; former ones' ended earlier.
    const start = former ? addMonthStart(formerEnd + 1, -termMonths) : addMonthStart(PERIOD_START, -rng.int(0, termMonths - 1));
    return { product: p.name, start, end: contractEnd(start, termMonths), annual: annualPrice(rng, p, segment), termMonths };
  });
}

export function buildAccounts(rng: Rng, count = 760): DemoAccount[] {
  const used = new Set<string>();
  const accounts: DemoAccount[] = [];
  for (let i = 0; i < count; i++) {
    const kind = rng.weighted<AccountKind>([
      ['customer', 24],
      ['former', 13],
      ['prospect', 63],
    ]);
    const team = rng.weighted<Team>([
      [TEAMS[0], 45],
      [TEAMS[1], 30],
      [TEAMS[2], 25],
    ]);
    const country = team === 'malmo' && rng.chance(0.12) ? 'DK' : team === 'goteborg' && rng.chance(0.08) ? 'NO' : 'SE';
    const segment = rng.weighted<Segment>([
      [SEGMENTS[0], 20],
      [SEGMENTS[1], 45],
      [SEGMENTS[2], 35],
    ]);
    const name = country === 'SE' ? swedishName(rng, used) : `${rng.pick(country === 'DK' ? DK_NAMES : NO_NAMES)} ${country === 'DK' ? 'A/S' : 'AS'}`;
    if (country !== 'SE' && used.has(name)) continue;
    used.add(name);
    const created = kind === 'prospect' ? rng.int(day('2020-01-01'), day('2026-10-15')) : fromYmd(rng.int(2012, 2020), rng.int(1, 12), rng.int(1, 28));
    accounts.push({
      id: `A-${1001 + accounts.length}`,
      name,
      orgNumber: country === 'SE' ? swedishOrgNumber(rng) : foreignOrgNumber(rng, country),
      team,
      segment,
      country,
      created,
      kind,
      legacy: kind === 'prospect' ? [] : legacyContracts(rng, segment, kind === 'former'),
      owner: '',
    });
  }
  // One name with a comma, so the writer's quoting is exercised by real data.
  const first = accounts.find((a) => a.country === 'SE' && a.kind === 'customer');
  if (first) first.name = 'Lindgren, Ek & Partners Revision AB';
  return accounts;
}
