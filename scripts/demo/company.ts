/**
 * The people of Norrsken Data AB: three market teams, each with the specialist hats of
 * domain §5, plus the marketing hats of the KPI chain (§4). A fixed roster, not random, so
 * the names read naturally and the hats are deliberate.
 */
import type { Hat } from '../../src/core/records.ts';
import { day, type Day } from './dates.ts';

export const COMPANY = 'Norrsken Data AB';
export const AS_OF: Day = day('2026-11-20');
export const PERIOD_START: Day = day('2024-01-01');
export const FISCAL_YEARS = [2024, 2025, 2026] as const;
export const TEAMS = ['stockholm', 'goteborg', 'malmo'] as const;
export type Team = (typeof TEAMS)[number];
/** Display names of the team ids (settings `teamNames`). */
export const TEAM_NAMES: Record<Team, string> = { stockholm: 'Stockholm', goteborg: 'Göteborg', malmo: 'Malmö' };

export interface DemoUser {
  id: string;
  name: string;
  team: Team;
  hats: Hat[];
  start: Day;
  end?: Day;
}

type RosterRow = [name: string, team: Team, hats: string, start: string, end?: string];

const ROSTER: RosterRow[] = [
  ['Karin Holmberg', 'stockholm', 'sales_director', '2018-03-01'],
  ['Anna Lindqvist', 'stockholm', 'team_lead|account_executive', '2019-08-15'],
  ['Erik Sandberg', 'stockholm', 'sdr_outbound|prospector', '2022-09-01'],
  ['Sara Nyström', 'stockholm', 'sdr_inbound|nurture_owner', '2021-02-01'],
  ['Johan Bergström', 'stockholm', 'account_executive', '2020-04-01'],
  ['Maria Ek', 'stockholm', 'account_executive', '2025-02-03'],
  ['Lars Åkesson', 'stockholm', 'account_manager', '2017-11-01'],
  ['Emma Falk', 'stockholm', 'account_manager', '2022-01-10'],
  ['Oskar Lund', 'stockholm', 'online_manager|campaign_manager', '2021-05-03'],
  ['Per Johansson', 'goteborg', 'team_lead|account_executive', '2018-09-01'],
  ['Elin Karlsson', 'goteborg', 'sdr_outbound', '2023-01-09'],
  ['Viktor Dahl', 'goteborg', 'sdr_outbound|prospector', '2024-09-02'],
  ['Linnea Strand', 'goteborg', 'sdr_inbound|campaign_manager', '2022-03-14'],
  ['Mikael Björk', 'goteborg', 'account_executive', '2019-01-07'],
  ['Hanna Wallin', 'goteborg', 'account_executive', '2023-06-01'],
  ['Anders Nord', 'goteborg', 'account_manager', '2016-05-02'],
  ['Sofia Håkansson', 'goteborg', 'account_manager|nurture_owner', '2020-10-01'],
  ['Fredrik Persson', 'malmo', 'team_lead|account_manager', '2017-02-01'],
  ['Ida Malmberg', 'malmo', 'sdr_outbound|prospector', '2023-08-21'],
  ['Amir Haddad', 'malmo', 'sdr_inbound', '2024-03-04'],
  ['Jonas Svensson', 'malmo', 'account_executive', '2019-10-01'],
  ['Nils Lindahl', 'malmo', 'account_executive', '2020-01-13', '2025-05-31'],
  ['Klara Öberg', 'malmo', 'account_executive', '2025-04-22'],
  ['Petra Sjögren', 'malmo', 'account_manager', '2021-09-01'],
  ['Ebba Nyberg', 'malmo', 'campaign_manager|nurture_owner', '2026-01-12'],
];

/** `Lars Åkesson` → `lars.akesson`. */
export function userId(name: string): string {
  return name
    .toLowerCase()
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/ø/g, 'o')
    .replace(/æ/g, 'ae')
    .replace(/\s+/g, '.');
}

export function buildUsers(): DemoUser[] {
  return ROSTER.map(([name, team, hats, start, end]) => ({
    id: userId(name),
    name,
    team,
    hats: hats.split('|') as Hat[],
    start: day(start),
    ...(end ? { end: day(end) } : {}),
  }));
}

export function employed(user: DemoUser, d: Day): boolean {
  return user.start <= d && (user.end === undefined || d <= user.end);
}

export function hasHat(user: DemoUser, ...hats: Hat[]): boolean {
  return hats.some((hat) => user.hats.includes(hat));
}

/** Sellers who close new business and win-backs. */
export const isCloser = (u: DemoUser): boolean => hasHat(u, 'account_executive');
/** Sellers who own customers: renewals and most upsells. */
export const isKam = (u: DemoUser): boolean => hasHat(u, 'account_manager');
export const isSdr = (u: DemoUser): boolean => hasHat(u, 'sdr_outbound', 'sdr_inbound');

/**
 * Someone in `team` with a matching role, employed on every day of [from, to], preferring
 * `preferred`; falls back to anyone employed on `from`, then to the team lead.
 */
export function staffFor(users: DemoUser[], team: Team, fits: (u: DemoUser) => boolean, from: Day, to: Day, pickIndex: number, preferred?: string): DemoUser {
  const inTeam = users.filter((u) => u.team === team && fits(u));
  const through = inTeam.filter((u) => employed(u, from) && employed(u, to));
  const pref = through.find((u) => u.id === preferred);
  if (pref) return pref;
  const pool = through.length > 0 ? through : inTeam.filter((u) => employed(u, from));
  const chosen = pool[pickIndex % Math.max(1, pool.length)];
  if (chosen) return chosen;
  const lead = users.find((u) => u.team === team && hasHat(u, 'team_lead'));
  if (!lead) throw new Error(`no staff in team ${team}`);
  return lead;
}
