/**
 * The Olist-shaped lead and won-deals exports (test/fixtures/real-world/olist-like) build, through
 * `scripts/build.ts` with the settings' mapping and no script, a site whose funnel-by-source pages
 * show leads, won and lead → won per source for the whole export and each fiscal year. The
 * expected values are the hand count of the folder's README (worked out again from the files in
 * test/scenarios/lead-funnel-real-world.test.ts).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '../..');

/** source → [leads, won, lead → won] as the page's "Funnel by source: cohort" table shows them. */
function shown(html: string): Record<string, [string, string, string]> {
  const { document } = parseHTML(html);
  const table = [...document.querySelectorAll('table')].find((t) => t.querySelector('caption')?.textContent?.trim() === 'Funnel by source: cohort')!;
  const heads = [...table.querySelectorAll('thead th')].map((th) => th.textContent!.trim());
  const at = (name: string) => heads.indexOf(name);
  return Object.fromEntries(
    [...table.querySelectorAll('tbody tr')].map((tr) => {
      const cells = [...tr.children].map((cell) => cell.textContent!.trim());
      return [cells[0]!, [cells[at('Leads')]!, cells[at('Won')]!, cells[at('Lead → won')]!]];
    }),
  );
}

describe('the site built from the Olist-shaped exports', () => {
  it('shows leads, won and conversion per source for the whole export and each fiscal year', () => {
    const out = join(mkdtempSync(join(tmpdir(), 'tavla-olist-like-')), 'dist');
    const history = mkdtempSync(join(tmpdir(), 'tavla-olist-like-history-'));
    const build = spawnSync(process.execPath, [join(root, 'scripts/build.ts')], {
      cwd: root,
      encoding: 'utf8',
      env: {
        ...process.env,
        TAVLA_DATA: join(root, 'test/fixtures/real-world/olist-like'),
        TAVLA_OUT: out,
        TAVLA_HISTORY: history,
        ASTRO_TELEMETRY_DISABLED: '1',
      },
    });
    expect(build.status, `${build.stdout}\n${build.stderr}`).toBe(0);
    const page = (slug: string) => readFileSync(join(out, 'en/funnel/sources', slug, 'index.html'), 'utf8');
    expect(shown(page('all'))).toEqual({
      organic_search: ['5', '3', '60%'],
      paid_search: ['3', '2', '67%'],
      social: ['3', '0', '0%'],
      '(none)': ['2', '2', '100%'],
      email: ['2', '0', '0%'],
      unknown: ['1', '0', '0%'],
    });
    expect(shown(page('fy2017'))).toEqual({
      organic_search: ['2', '1', '50%'],
      paid_search: ['2', '1', '50%'],
      '(none)': ['1', '1', '100%'],
      email: ['1', '0', '0%'],
      social: ['1', '0', '0%'],
    });
    expect(shown(page('fy2018'))).toEqual({
      organic_search: ['3', '2', '67%'],
      social: ['2', '0', '0%'],
      '(none)': ['1', '1', '100%'],
      paid_search: ['1', '1', '100%'],
      email: ['1', '0', '0%'],
      unknown: ['1', '0', '0%'],
    });
    // The download holds every row the table counts, with raw values.
    const csv = readFileSync(join(out, 'data/lead-funnel-all-sources.csv'), 'utf8');
    expect(csv).toContain('organic_search,5,');
    for (const locale of ['sv', 'da']) expect(readFileSync(join(out, locale, 'funnel/sources/all/index.html'), 'utf8')).toContain('organic_search');
  }, 180_000);
});
