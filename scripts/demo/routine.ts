/**
 * The everyday work that is not tied to a deal: SDR call blocks and booked discovery
 * meetings, closers' follow-up, account managers' customer meetings, marketing tasks. Rates
 * are per hat and week, scaled by holidays (dates.ts workload) and each person's own pace.
 * A meeting is booked (for the meeting day) before it is held; `NO_SHOW` of them never are.
 */
import type { ActivityType, Hat } from '../../src/core/records.ts';
import type { DemoAccount } from './accounts.ts';
import { AS_OF, employed, isCloser, isKam, PERIOD_START, staffFor, type DemoUser } from './company.ts';
import { isWorkday, weekMonday, workload } from './dates.ts';
import { activity, bookingOf, NO_SHOW, type ActivityPlan } from './activities.ts';
import type { Rng } from './random.ts';

/** Background activities per week for one person wearing the hat. */
export const WEEKLY_RATES: Partial<Record<Hat, Partial<Record<ActivityType, number>>>> = {
  sdr_outbound: { call: 16, email: 4, task: 1.5, meeting_booked: 1.3 },
  sdr_inbound: { call: 10, email: 9, task: 1.5, meeting_booked: 1.3 },
  account_executive: { call: 4, email: 4, task: 2, meeting_held: 1 },
  account_manager: { call: 3, email: 4, task: 2, meeting_held: 2 },
  team_lead: { meeting_held: 0.5, task: 1 },
  sales_director: { meeting_held: 1, email: 2, task: 2 },
  nurture_owner: { email: 4 },
  campaign_manager: { task: 2, email: 1 },
  online_manager: { task: 2 },
  prospector: { task: 1 },
};

interface Pools {
  prospects: Map<string, string[]>;
  customers: Map<string, string[]>;
  owned: Map<string, string[]>;
}

function pools(accounts: DemoAccount[], users: DemoUser[]): Pools {
  const kam = new Set(users.filter(isKam).map((u) => u.id));
  const p: Pools = { prospects: new Map(), customers: new Map(), owned: new Map() };
  const push = (m: Map<string, string[]>, k: string, v: string) => m.set(k, [...(m.get(k) ?? []), v]);
  for (const a of accounts) {
    push(kam.has(a.owner) ? p.customers : p.prospects, a.team, a.id);
    push(p.owned, a.owner, a.id);
  }
  return p;
}

function accountFor(rng: Rng, u: DemoUser, hat: Hat, type: ActivityType, p: Pools): string {
  const prospects = p.prospects.get(u.team) ?? [];
  const customers = p.customers.get(u.team) ?? [];
  const owned = p.owned.get(u.id) ?? [];
  if (hat === 'online_manager' || hat === 'campaign_manager' || (type === 'task' && rng.chance(0.4))) return '';
  if (hat === 'account_manager') return rng.pick(owned.length > 0 && rng.chance(0.8) ? owned : customers);
  if (hat === 'sales_director') return rng.pick([...p.customers.values()].flat());
  if (hat === 'account_executive' || hat === 'team_lead') {
    return rng.pick(owned.length > 0 && rng.chance(0.7) ? owned : rng.chance(0.6) && prospects.length > 0 ? prospects : customers);
  }
  return rng.pick(prospects.length > 0 ? prospects : customers);
}

export function routinePlans(rng: Rng, accounts: DemoAccount[], users: DemoUser[]): ActivityPlan[] {
  const p = pools(accounts, users);
  const out: ActivityPlan[] = [];
  for (const u of users) {
    const pace = rng.float(0.8, 1.2);
    for (let monday = weekMonday(PERIOD_START); monday <= AS_OF; monday += 7) {
      const days = [0, 1, 2, 3, 4].map((i) => monday + i).filter((d) => d <= AS_OF && isWorkday(d) && employed(u, d));
      if (days.length === 0) continue;
      const level = pace * workload(monday + 2) * rng.normal(1, 0.15) * (days.length / 5);
      for (const hat of u.hats) {
        for (const [type, rate] of Object.entries(WEEKLY_RATES[hat] ?? {}) as [ActivityType, number][]) {
          const count = Math.floor(rate * level + rng.next());
          for (let i = 0; i < count; i++) {
            const accountId = accountFor(rng, u, hat, type, p);
            if (type === 'meeting_held') {
              // A customer meeting the person booked themselves; a few are cancelled or no-shows.
              const held = activity(rng, type, rng.pick(days), u.id, accountId);
              out.push(bookingOf(held));
              if (!rng.chance(NO_SHOW)) out.push(held);
              continue;
            }
            if (type !== 'meeting_booked') {
              out.push(activity(rng, type, rng.pick(days), u.id, accountId));
              continue;
            }
            // A discovery meeting booked for next week, held by a closer unless it falls through.
            const date = monday + 7 + rng.int(0, 4);
            const booking = activity(rng, type, date, u.id, accountId);
            out.push(booking);
            if (date > AS_OF || rng.chance(NO_SHOW)) continue;
            const closer = staffFor(users, u.team, isCloser, date, date, rng.int(0, 9));
            if (employed(closer, date)) out.push({ ...booking, type: 'meeting_held', owner: closer.id });
          }
        }
      }
    }
  }
  return out;
}
