/**
 * Activity goals (domain §2: leading indicators): weekly goals per seller for the activity
 * types of their role, a yearly goal of customers worked, and revenue goals for the company
 * and the account managers (KAMs are measured on revenue too). Goals are set per role, a
 * little above what the role did on average, so some people meet them and some do not.
 */
import type { ActivityType } from '../../src/core/records.ts';
import { AS_OF, employed, FISCAL_YEARS, hasHat, isKam, type DemoUser } from './company.ts';
import { fromYmd, ymd } from './dates.ts';
import type { ActivityPlan } from './activities.ts';
import type { InvoicePlan } from './invoices.ts';
import { target } from './targets.ts';
import type { DemoAccount } from './accounts.ts';
import type { Row } from './write-csv.ts';

const ROLE_GOALS: [role: string, fits: (u: DemoUser) => boolean, types: ActivityType[]][] = [
  ['sdr', (u) => hasHat(u, 'sdr_outbound', 'sdr_inbound'), ['call', 'meeting_booked']],
  ['ae', (u) => hasHat(u, 'account_executive'), ['call', 'meeting_held', 'proposal']],
  ['am', (u) => hasHat(u, 'account_manager') && !hasHat(u, 'account_executive'), ['call', 'meeting_held']],
];

function weeksEmployed(u: DemoUser, year: number): number {
  let n = 0;
  for (let d = fromYmd(year, 1, 1); d <= Math.min(AS_OF, fromYmd(year, 12, 31)); d += 7) if (employed(u, d)) n++;
  return n;
}

const round5 = (n: number) => Math.max(5, Math.round(n / 5) * 5);

export function activityGoals(users: DemoUser[], activities: ActivityPlan[]): Row[] {
  const count = new Map<string, number>();
  const worked = new Map<string, Set<string>>();
  for (const a of activities) {
    if (a.date > AS_OF) continue;
    const key = `${a.owner}:${ymd(a.date).y}`;
    count.set(`${key}:${a.type}`, (count.get(`${key}:${a.type}`) ?? 0) + 1);
    if (a.accountId) worked.set(key, (worked.get(key) ?? new Set()).add(a.accountId));
  }
  const rows: Row[] = [];
  for (const year of FISCAL_YEARS) {
    for (const [, fits, types] of ROLE_GOALS) {
      const people = users.filter((u) => fits(u) && weeksEmployed(u, year) > 0);
      const rate = (u: DemoUser, type: ActivityType) => (count.get(`${u.id}:${year}:${type}`) ?? 0) / weeksEmployed(u, year);
      const yearly = (u: DemoUser) => ((worked.get(`${u.id}:${year}`)?.size ?? 0) * 52) / weeksEmployed(u, year);
      const mean = (f: (u: DemoUser) => number) => people.reduce((s, u) => s + f(u), 0) / Math.max(1, people.length);
      for (const type of types) {
        const goal = Math.max(1, Math.round(mean((u) => rate(u, type)) * 1.1));
        for (const u of people) rows.push(target(`FY${year}`, 'seller', u.id, `activity:${type}`, goal, 'weekly'));
      }
      const customers = round5(mean(yearly) * 1.05);
      for (const u of people) rows.push(target(`FY${year}`, 'seller', u.id, 'customers_worked', round5((customers * weeksEmployed(u, year)) / 52)));
    }
  }
  return rows;
}

export function revenueTargets(users: DemoUser[], accounts: DemoAccount[], invoices: InvoicePlan[]): Row[] {
  const owner = new Map(accounts.map((a) => [a.id, a.owner]));
  const byYear = new Map<string, number>();
  for (const inv of invoices) {
    const y = ymd(inv.date).y;
    byYear.set(`${y}`, (byYear.get(`${y}`) ?? 0) + inv.amount);
    const o = owner.get(inv.accountId) ?? '';
    byYear.set(`${y}:${o}`, (byYear.get(`${y}:${o}`) ?? 0) + inv.amount);
  }
  const rows: Row[] = [];
  for (const year of FISCAL_YEARS) {
    const lift = year === 2026 ? 1.1 : 1.03;
    const company = Math.round(((byYear.get(`${year}`) ?? 0) * lift) / 100_000) * 100_000;
    rows.push(target(`FY${year}`, 'company', '', 'revenue', company));
    // Split over the account managers by the revenue of the accounts they own, with a margin.
    const kams = users.filter((u) => isKam(u) && employed(u, fromYmd(year, 12, 31)));
    const base = kams.reduce((sum, u) => sum + (byYear.get(`${year}:${u.id}`) ?? 0), 0);
    for (const u of kams) {
      const value = Math.ceil((company * 1.04 * (byYear.get(`${year}:${u.id}`) ?? 0)) / Math.max(1, base) / 10_000) * 10_000;
      if (value > 0) rows.push(target(`FY${year}`, 'seller', u.id, 'revenue', value));
    }
  }
  return rows;
}
