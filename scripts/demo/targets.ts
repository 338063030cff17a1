/**
 * Sales targets per channel (domain §1–2): a company target per channel and fiscal year,
 * broken down per seller and month (summer light, quarter ends heavy); a team's target is the
 * sum of its sellers' plans.
 * Seller targets add up to a little more than the company target, except in one deliberate
 * gap: new business FY2025, where Nils Lindahl left in May and his remaining months were
 * never handed to Klara Öberg, who took over his territory.
 */
import { CHANNELS, type Channel } from '../../src/core/records.ts';
import { employed, FISCAL_YEARS, isCloser, isKam, TEAMS, type DemoUser } from './company.ts';
import { fromYmd, ymd } from './dates.ts';
import type { DealPlan } from './deals.ts';
import type { Rng } from './random.ts';
import type { Row } from './write-csv.ts';

export interface TargetGap {
  channel: Channel;
  year: number;
  companyTarget: number;
  /** Sum of the seller targets (per month) in the year. */
  sellerSum: number;
  /** Sum of the team targets for the fiscal year. */
  teamSum: number;
  /** Physical line of the company target row in targets.csv (set once the table is built). */
  line: number;
}

export const GAP = { channel: 'new' as Channel, year: 2025, leaver: 'nils.lindahl', successor: 'klara.oberg' };

const MONTH_WEIGHT = [0.8, 0.9, 1.3, 0.9, 1, 1.3, 0.4, 0.8, 1.3, 1, 1.1, 1.4];

export const target = (period: string, scope: string, scopeId: string, measure: string, value: number, cadence = 'total'): Row => ({
  period,
  cadence,
  scope,
  scope_id: scopeId,
  measure,
  value: String(value),
});

const fits: Record<Channel, (u: DemoUser) => boolean> = {
  new: isCloser,
  winback: isCloser,
  renewal: isKam,
  upsell: (u) => isKam(u) || isCloser(u),
};

function monthsEmployed(u: DemoUser, year: number): number[] {
  return MONTH_WEIGHT.map((_, m) => m).filter((m) => employed(u, fromYmd(year, m + 1, 15)));
}

/** Won annual volume per channel and fiscal year, and per owner within it. */
export function wonVolume(deals: DealPlan[]): Map<string, number> {
  const v = new Map<string, number>();
  for (const d of deals) {
    if (d.status !== 'won') continue;
    const y = ymd(d.close).y;
    for (const key of [`${d.channel}:${y}`, `${d.channel}:${y}:${d.owner}`]) v.set(key, (v.get(key) ?? 0) + d.annual);
  }
  return v;
}

export function volumeTargets(rng: Rng, deals: DealPlan[], users: DemoUser[]): { rows: Row[]; gap: TargetGap } {
  const won = wonVolume(deals);
  const rows: Row[] = [];
  let gap: TargetGap | undefined;
  for (const year of FISCAL_YEARS) {
    const fy = `FY${year}`;
    let total = 0;
    for (const channel of CHANNELS) {
      const actual = won.get(`${channel}:${year}`) ?? 0;
      const factor = year === 2026 ? rng.float(1.12, 1.2) : rng.float(0.95, 1.1);
      const companyTarget = Math.max(100_000, Math.round((actual * factor) / 100_000) * 100_000);
      total += companyTarget;
      rows.push(target(fy, 'company', '', `volume:${channel}`, companyTarget));
      const isGap = channel === GAP.channel && year === GAP.year;
      const sellers = users.filter((u) => fits[channel](u) && monthsEmployed(u, year).length > 0 && !(isGap && u.id === GAP.successor));
      const months = (u: DemoUser) => (isGap && u.id === GAP.leaver ? MONTH_WEIGHT.map((_, m) => m) : monthsEmployed(u, year));
      // The leaver's plan was set on last year's results, as if he stayed the whole year.
      const share = (u: DemoUser) =>
        isGap && u.id === GAP.leaver
          ? (won.get(`${channel}:${year - 1}:${u.id}`) ?? 0) / Math.max(1, won.get(`${channel}:${year - 1}`) ?? 0)
          : (won.get(`${channel}:${year}:${u.id}`) ?? 0) / Math.max(1, actual);
      const weight = (u: DemoUser) => 0.6 * share(u) + (0.4 * months(u).length) / 12 / sellers.length;
      const weights = sellers.map(weight);
      const weightSum = weights.reduce((s, w) => s + w, 0);
      const plan = companyTarget * (isGap ? 1 : rng.float(1.04, 1.1));
      const teamSums = new Map<string, number>();
      let sellerSum = 0;
      sellers.forEach((u, i) => {
        const annual = (plan * (weights[i] ?? 0)) / weightSum;
        const ms = months(u);
        const msWeight = ms.reduce((s, m) => s + (MONTH_WEIGHT[m] ?? 0), 0);
        for (const m of ms) {
          const value = Math.round((annual * (MONTH_WEIGHT[m] ?? 0)) / msWeight / 1000) * 1000;
          if (value <= 0 || !employed(u, fromYmd(year, m + 1, 15))) continue;
          rows.push(target(`${year}-${String(m + 1).padStart(2, '0')}`, 'seller', u.id, `volume:${channel}`, value));
          sellerSum += value;
          teamSums.set(u.team, (teamSums.get(u.team) ?? 0) + value);
        }
      });
      // A team's target is what its sellers' plans add up to, so a gap shows at team level too.
      let teamSum = 0;
      for (const team of TEAMS) {
        const value = Math.ceil((teamSums.get(team) ?? 0) / 10_000) * 10_000;
        rows.push(target(fy, 'team', team, `volume:${channel}`, value));
        teamSum += value;
      }
      if (isGap) gap = { channel, year, companyTarget, sellerSum, teamSum, line: 0 };
    }
    rows.push(target(fy, 'company', '', 'volume:total', total));
  }
  if (!gap) throw new Error('the deliberate target gap was not produced');
  return { rows, gap };
}
