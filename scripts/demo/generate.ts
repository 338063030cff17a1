/**
 * The demo company in memory: `generateDemo(seed)` returns every file of the data folder as
 * text, plus the facts the README and the tests check (row counts, target gap, defects).
 * Pure: no filesystem, no clock. scripts/generate-demo.ts writes the files.
 */
import { buildAccounts } from './accounts.ts';
import { dealActivityPlans } from './activities.ts';
import { buildUsers } from './company.ts';
import { assignAccountOwners } from './deal-people.ts';
import { dealTable } from './deal-rows.ts';
import { simulateDeals } from './deals.ts';
import { applyDefects, markStale, type Defect } from './defects.ts';
import { funnelTable } from './funnel.ts';
import { activityGoals, revenueTargets } from './goals.ts';
import { invoicePlans, invoiceTable } from './invoices.ts';
import { createRng } from './random.ts';
import { readme } from './readme.ts';
import { routinePlans } from './routine.ts';
import { settingsJson } from './settings.ts';
import { accountTable, activityTable, userTable } from './tables.ts';
import { volumeTargets, type TargetGap } from './targets.ts';
import { lineOf, toCsv, type Table } from './write-csv.ts';

export const DEFAULT_SEED = 20261120;

export const CSV_FILES = ['deals.csv', 'accounts.csv', 'activities.csv', 'users.csv', 'targets.csv', 'funnel.csv', 'invoices.csv'] as const;

export interface DemoDataset {
  seed: number;
  /** File name → content, for every file of the data folder (CSVs, config, README). */
  files: Record<string, string>;
  /** Data rows per CSV file (header excluded). */
  counts: Record<string, number>;
  gap: TargetGap;
  defects: Defect[];
}

export function generateDemo(seed: number = DEFAULT_SEED): DemoDataset {
  const rng = createRng(seed);
  const users = buildUsers();
  const accounts = buildAccounts(rng.fork('accounts'));
  const deals = simulateDeals(rng.fork('deals'), accounts, users);
  assignAccountOwners(accounts, deals, users);
  const stale = markStale(rng.fork('stale'), deals);
  const activityPlans = [...dealActivityPlans(rng.fork('deal-activities'), deals, users), ...routinePlans(rng.fork('routine'), accounts, users)];
  const invoices = invoicePlans(rng.fork('invoices'), deals, accounts);
  const volume = volumeTargets(rng.fork('targets'), deals, users);

  const tables: Record<(typeof CSV_FILES)[number], Table> = {
    'deals.csv': dealTable(rng.fork('deal-rows'), deals),
    'accounts.csv': accountTable(accounts),
    'activities.csv': activityTable(activityPlans),
    'users.csv': userTable(users),
    'targets.csv': {
      columns: ['period', 'cadence', 'scope', 'scope_id', 'measure', 'value'],
      rows: [...volume.rows, ...activityGoals(users, activityPlans), ...revenueTargets(users, accounts, invoices)],
    },
    'funnel.csv': funnelTable(rng.fork('funnel')),
    'invoices.csv': invoiceTable(invoices),
  };
  const targets = tables['targets.csv'];
  const gapRow = targets.rows.find((r) => r.scope === 'company' && r.period === `FY${volume.gap.year}` && r.measure === `volume:${volume.gap.channel}`);
  if (gapRow) volume.gap.line = lineOf(targets, gapRow);
  const defects = applyDefects(
    rng.fork('defects'),
    { deals: tables['deals.csv'], accounts: tables['accounts.csv'], activities: tables['activities.csv'] },
    stale,
  );

  const files: Record<string, string> = {};
  const counts: Record<string, number> = {};
  for (const name of CSV_FILES) {
    files[name] = toCsv(tables[name]);
    counts[name] = tables[name].rows.length;
  }
  files['tavla.config.json'] = settingsJson();
  files['README.md'] = readme({ seed, counts, gap: volume.gap, defects });
  return { seed, files, counts, gap: volume.gap, defects };
}
