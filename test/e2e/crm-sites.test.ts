/**
 * A folder holding a CRM's export as it comes out of the CRM (plus at most a mapping in the
 * settings) builds the whole site. One build per preset fixture, through `scripts/build.ts`.
 * The figures themselves are worked out by hand in test/fixtures/crm/README.md and checked in
 * test/presets/; here the built site must carry the same report and open in every language.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runPipeline } from '../../src/pipeline/run-pipeline.ts';

const root = join(import.meta.dirname, '../..');
const FIXTURES = ['salesforce-data-export', 'salesforce-report', 'hubspot', 'pipedrive', 'generic'];

describe.each(FIXTURES)('the site built from the %s export', (name) => {
  it('builds, with the pipeline’s figures and every language', async () => {
    const data = join(root, 'test/fixtures/crm', name);
    const out = join(mkdtempSync(join(tmpdir(), `tavla-crm-${name}-`)), 'dist');
    const history = mkdtempSync(join(tmpdir(), `tavla-crm-history-${name}-`));
    const build = spawnSync(process.execPath, [join(root, 'scripts/build.ts')], {
      cwd: root,
      encoding: 'utf8',
      env: { ...process.env, TAVLA_DATA: data, TAVLA_OUT: out, TAVLA_HISTORY: history, ASTRO_TELEMETRY_DISABLED: '1' },
    });
    expect(build.status, `${build.stdout}\n${build.stderr}`).toBe(0);
    const report = JSON.parse(readFileSync(join(out, 'report.json'), 'utf8'));
    const direct = await runPipeline({ dataDir: data, now: new Date(), log: () => {} });
    if (!direct.ok) throw new Error(direct.messages.join('\n'));
    expect(report.company.volume.yearToDate).toEqual(direct.site.report.company.volume.yearToDate);
    expect(report.company.pipeline.open).toEqual(direct.site.report.company.pipeline.open);
    expect(report.files).toEqual(direct.site.report.files.map((f) => ({ ...f, ms: report.files.find((r: { file: string }) => r.file === f.file)?.ms })));
    for (const locale of ['sv', 'da', 'en']) expect(existsSync(join(out, locale, 'index.html')), locale).toBe(true);
  }, 120_000);
});
