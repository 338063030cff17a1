/**
 * A company of 200 sellers in 12 teams (the benchmark's generated export, at a small size) builds
 * its whole site: every page stays within the page budget however many sellers there are, since
 * the build fails on a page over budget. The weekly page of such a company once carried every
 * seller in four tables and was twice the budget.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { generateLarge } from '../../scripts/bench/generate-large.ts';

const root = join(import.meta.dirname, '../..');

describe('the site of a company with 200 sellers', () => {
  it('builds every page within the page budget, with the sellers left off named on the page', async () => {
    const data = await generateLarge(join(mkdtempSync(join(tmpdir(), 'tavla-large-')), 'data'), {
      deals: 20_000,
      activities: 100_000,
      accounts: 2_000,
      sellers: 200,
      teams: 12,
    });
    const out = join(mkdtempSync(join(tmpdir(), 'tavla-large-site-')), 'dist');
    const history = mkdtempSync(join(tmpdir(), 'tavla-large-history-'));
    const build = spawnSync(process.execPath, [join(root, 'scripts/build.ts')], {
      cwd: root,
      encoding: 'utf8',
      env: { ...process.env, TAVLA_DATA: data.dir, TAVLA_OUT: out, TAVLA_HISTORY: history, ASTRO_TELEMETRY_DISABLED: '1' },
    });
    expect(build.status, `${build.stdout}\n${build.stderr}`).toBe(0);
    // The as-of week's page lists 25 sellers of its activities table and says of how many: as
    // many as the table's CSV holds.
    const week = readFileSync(join(out, 'en', 'weeks', '2026-w47', 'index.html'), 'utf8');
    const csv = readFileSync(join(out, 'data', 'week-2026-w47-activities-by-seller.csv'), 'utf8');
    const sellers = csv.trim().split('\n').length - 1;
    expect(sellers).toBeGreaterThan(100);
    expect(week).toContain(`Showing the first 25 of ${sellers} rows`);
    expect(existsSync(join(out, 'sv', 'months', '2026-11', 'index.html'))).toBe(true);
    // The section pages list 50 sellers per table, furthest behind first, and the CSV all of
    // them: at 350 sellers their per-seller tables were over the budget on their own.
    const targets = readFileSync(join(out, 'en', 'targets', 'index.html'), 'utf8');
    const bySeller = readFileSync(join(out, 'data', 'targets-by-seller.csv'), 'utf8')
      .trim()
      .split('\n')
      .slice(1);
    expect(bySeller.length).toBeGreaterThan(100);
    expect(targets).toContain(`Showing the first 50 of ${bySeller.length} rows`);
    const attainment = bySeller.map((line) => Number(line.split(',')[3]));
    expect(attainment).toEqual([...attainment].sort((a, b) => a - b));
    for (const section of ['channels', 'activities']) {
      const page = readFileSync(join(out, 'en', section, 'index.html'), 'utf8');
      expect(page, section).toContain('Showing the first 50 of');
    }
    // The sellers directory takes 100 people a page: 200 people in users.csv, two pages that
    // link each of them once, each page saying which part of the whole it holds.
    const people = readFileSync(join(data.dir, 'users.csv'), 'utf8').trim().split('\n').length - 1;
    expect(people).toBe(200);
    const directory = [join(out, 'en', 'sellers', 'index.html'), join(out, 'en', 'sellers', 'page', '2', 'index.html')].map((path) =>
      readFileSync(path, 'utf8'),
    );
    expect(existsSync(join(out, 'en', 'sellers', 'page', '3', 'index.html'))).toBe(false);
    const linked = directory.map((html) => [...html.matchAll(/<th[^>]*><a href="\/en\/sellers\/([^/"]+)\/"/g)].map((m) => m[1]));
    expect(linked.map((slugs) => slugs.length)).toEqual([100, 100]);
    expect(new Set(linked.flat()).size).toBe(people);
    expect(directory[0]).toContain('Sellers 1–100 of 200');
    expect(directory[1]).toContain('Sellers 101–200 of 200');
    expect(directory[0]).toContain('href="/en/sellers/page/2/" rel="next"');
  }, 600_000);
});
