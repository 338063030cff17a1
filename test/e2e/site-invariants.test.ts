/**
 * One truth across the whole built site, on two companies: the demo company (built once by the
 * e2e setup) and the small hand-worked company of test/scenarios (built here). For every scope and
 * period the budgets reconcile with the difference shown; every count a heading promises is in the
 * CSV; figures on pages are report.json's and agree between pages; no page shows an internal id;
 * no goal's share counts people who do not hold the goal; all-zero charts draw no marks.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import {
  csvCountBreaches,
  figureBreaches,
  goalPopulationBreaches,
  rawIdBreaches,
  readSite,
  reconciliationBreaches,
  zeroChartBreaches,
  type Site,
} from './site-invariants.ts';

const root = join(import.meta.dirname, '../..');

function buildSmallCompany(): string {
  const out = join(mkdtempSync(join(tmpdir(), 'tavla-small-company-')), 'dist');
  const history = mkdtempSync(join(tmpdir(), 'tavla-small-company-history-'));
  const build = spawnSync(process.execPath, [join(root, 'scripts/build.ts')], {
    cwd: root,
    encoding: 'utf8',
    env: {
      ...process.env,
      TAVLA_DATA: join(root, 'test/scenarios/small-company/input'),
      TAVLA_OUT: out,
      TAVLA_HISTORY: history,
      ASTRO_TELEMETRY_DISABLED: '1',
    },
  });
  if (build.status !== 0) throw new Error(`building the small company failed:\n${build.stdout}\n${build.stderr}`);
  return out;
}

/** One line per breach; the message lists the first few. */
function expectNone(problems: string[], what: string): void {
  expect(problems, `${problems.length} ${what}:\n  ${problems.slice(0, 12).join('\n  ')}\n`).toEqual([]);
}

const sites: [string, () => string][] = [
  ['the demo company', () => inject('siteDir')],
  ['the small company (test/scenarios)', buildSmallCompany],
];

describe.each(sites)('%s', (_name, folder) => {
  let site: Site;
  beforeAll(() => {
    site = readSite(folder());
  }, 300_000);

  it('reconciles every budget: company + the shown difference = Σ teams and Σ sellers', () => {
    expectNone(reconciliationBreaches(site), 'budgets that do not reconcile');
  });

  it('holds in every CSV the rows its heading counts, and the lists add up to their totals', () => {
    expectNone(csvCountBreaches(site), 'counts the CSVs do not hold');
  });

  it("shows report.json's figures, the same on every page", () => {
    expectNone(figureBreaches(site), 'figures that differ');
  });

  it('shows no internal id on any page', () => {
    expectNone(rawIdBreaches(site), 'internal ids on pages');
  });

  it("measures every goal's share over the people who hold the goal; attainment only with a budget", () => {
    expectNone(goalPopulationBreaches(site), 'goal shares over another population');
  });

  it('draws no marks for a chart of zeros', () => {
    expectNone(zeroChartBreaches(site), 'charts of zeros drawn');
  });
});
