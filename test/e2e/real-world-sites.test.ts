/**
 * The real-world corpus (test/fixtures/real-world/) builds honest sites: every folder gets the
 * whole site through `scripts/build.ts` (7–12 s a folder on an idle 2-core machine, about 100 s
 * for the eleven), and the report with every table of every page built from it
 * (src/views/all-tables.ts, in every language's formatting), which is where an absent or odd
 * value breaks a page. Figures are checked in test/presets/real-world.test.ts.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runPipeline } from '../../src/pipeline/run-pipeline.ts';
import { allTables } from '../../src/views/all-tables.ts';

const root = join(import.meta.dirname, '../..');
const corpus = join(root, 'test/fixtures/real-world');
const FOLDERS = readdirSync(corpus, { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name)
  .sort();

describe.each(FOLDERS)('the report of the %s export', (name) => {
  it('builds, with every table of every page', async () => {
    const result = await runPipeline({ dataDir: join(corpus, name), now: new Date('2026-11-20T12:00:00Z'), log: () => {} });
    if (!result.ok) throw new Error(result.messages.join('\n'));
    const tables = allTables(result.site.report);
    expect(tables.length).toBeGreaterThan(10);
    for (const table of tables) expect(JSON.stringify(table), table.id).not.toMatch(/NaN|undefined|Infinity/);
  });
});

describe.each(FOLDERS)('the site built from the %s export', (name) => {
  it('builds every page in every language', () => {
    const out = join(mkdtempSync(join(tmpdir(), `tavla-real-${name}-`)), 'dist');
    const history = mkdtempSync(join(tmpdir(), `tavla-real-history-${name}-`));
    const build = spawnSync(process.execPath, [join(root, 'scripts/build.ts')], {
      cwd: root,
      encoding: 'utf8',
      env: { ...process.env, TAVLA_DATA: join(corpus, name), TAVLA_OUT: out, TAVLA_HISTORY: history, ASTRO_TELEMETRY_DISABLED: '1' },
    });
    expect(build.status, `${build.stdout}\n${build.stderr}`).toBe(0);
    for (const locale of ['sv', 'da', 'en']) expect(existsSync(join(out, locale, 'index.html')), locale).toBe(true);
    const overview = readFileSync(join(out, 'en', 'index.html'), 'utf8');
    expect(overview).not.toMatch(/NaN|undefined/);
  }, 180_000);
});
