/**
 * Top of the funnel (domain §4): weekly visits to our media, the leads they convert to, and
 * the leads handed to nurture, per market team. Grows over the period, dips in holidays,
 * with the odd campaign week.
 */
import { AS_OF, PERIOD_START, TEAMS, type Team } from './company.ts';
import { isoWeek, weekMonday, workload } from './dates.ts';
import type { Rng } from './random.ts';
import type { Table } from './write-csv.ts';

const BASE_VISITS: Record<Team, number> = { stockholm: 2600, goteborg: 1700, malmo: 1250 };

export function funnelTable(rng: Rng): Table {
  const rows = [];
  const first = weekMonday(PERIOD_START);
  const last = weekMonday(AS_OF);
  for (let monday = first; monday <= last; monday += 7) {
    const growth = 1 + (0.45 * (monday - first)) / (last - first);
    const season = 0.45 + 0.55 * workload(monday + 2);
    for (const team of TEAMS) {
      const campaign = rng.chance(0.07) ? rng.float(1.3, 1.8) : 1;
      const visits = Math.round(BASE_VISITS[team] * growth * season * campaign * rng.normal(1, 0.1));
      const leads = Math.round(visits * rng.float(0.017, 0.03) * (campaign > 1 ? 1.2 : 1));
      const nurture = Math.round(leads * rng.float(0.3, 0.5));
      rows.push({ week: isoWeek(monday), team, visits: String(visits), leads: String(leads), nurture: String(nurture) });
    }
  }
  return { columns: ['week', 'team', 'visits', 'leads', 'nurture'], rows };
}
