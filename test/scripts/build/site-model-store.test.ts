import { existsSync, mkdtempSync, readdirSync, readFileSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import {
  isCurrent,
  jsonPieces,
  markUsed,
  pruneSiteModels,
  readCsvSource,
  siteModelFiles,
  writeSiteModel,
  KEPT_SITE_MODELS,
} from '../../../scripts/build/site-model-store.ts';
import type { SiteModel } from '../../../src/report/site-model.ts';

const work = (): string => mkdtempSync(join(tmpdir(), 'tavla-model-'));

// Only the shape matters here: the store writes and reads whatever the pipeline made. The
// period lists sit between other keys, as in the report, so their place in it is checked too.
const report = {
  meta: { currency: 'SEK' },
  weeks: [
    { week: '2026-W46', won: { count: 2, ids: ['d1', 'd2'] } },
    { week: '2026-W47', won: { count: 0, ids: [] }, note: 'Ærø "AB"' },
  ],
  months: [{ month: '2026-11', won: { count: 2 } }],
  meetings: { attention: {}, agendas: [{ week: '2026-W46' }, { week: '2026-W47' }], packs: [{ month: '2026-11', series: [] }], sellers: [] },
  quality: { issues: [] },
};
const site = {
  report,
  freshness: { newest: '2026-11-19' },
  dealRows: { d1: ['Fjällbacka AB renewal', 'Fjällbacka AB', 'Ada Berg', 'won', 'won', 'new', 12000, null, '2026-01-05', '2026-02-01'] },
  dealFiles: ['deals.csv'],
  openByStage: [{ stageId: 'proposal', label: 'Offert', deals: { count: 0, amount: 0, ids: [], deals: [] } }],
  openByStageOfTeam: { malmo: [] },
  snapshot: { asOf: '2026-11-20' },
} as unknown as SiteModel;

/** A set written `minutesAgo` minutes ago, in the layout of the build (and in the older one: no deal rows file). */
function oldSet(dir: string, outKey: string, minutesAgo: number, legacy = false): void {
  const files = siteModelFiles(dir, outKey);
  const paths = legacy ? [files.model, files.key] : [files.model, files.periods, files.dealRows, files.key];
  const when = new Date(Date.now() - minutesAgo * 60_000);
  for (const path of paths) {
    writeFileSync(path, '{}');
    utimesSync(path, when, when);
  }
}

describe('the site model kept between builds', () => {
  it('gives the pages everything but the deal rows, which are kept apart for the CSV downloads, and the snapshot', async () => {
    const files = siteModelFiles(work(), 'abc123');
    await writeSiteModel(files, site, 'key-1');
    const forPages = JSON.parse(readFileSync(files.model, 'utf8')) as Record<string, unknown>;
    // The snapshot is not kept: the build writes it to the history folder from the site it computed.
    expect(Object.keys(forPages).sort()).toEqual(['dealFiles', 'freshness', 'openByStage', 'openByStageOfTeam', 'periods', 'report']);
    // The period lists stay in their places, empty; their items are lines of the periods file.
    expect(forPages.report).toEqual({ ...report, weeks: [], months: [], meetings: { ...report.meetings, agendas: [], packs: [] } });
    const lines = readFileSync(files.periods, 'utf8').split('\n');
    expect(lines.slice(0, -1).map((line) => JSON.parse(line) as unknown)).toEqual([
      ...report.weeks,
      ...report.months,
      ...report.meetings.agendas,
      ...report.meetings.packs,
    ]);
    const pageOnly = { dealFiles: site.dealFiles, openByStage: site.openByStage, openByStageOfTeam: site.openByStageOfTeam };
    const back = await readCsvSource(files);
    expect(back).toEqual({ report: site.report, dealRows: site.dealRows, pageOnly });
    // Read back whole, the report is the one written, key order and all (report.json's text).
    expect(JSON.stringify(back.report)).toBe(JSON.stringify(site.report));
  });

  it('gives Astro the period items one at a time, read where the index says', async () => {
    const dir = work();
    const files = siteModelFiles(dir, 'lazy1');
    await writeSiteModel(files, site, 'key-1');
    const before = process.env.TAVLA_SITE_MODEL;
    process.env.TAVLA_SITE_MODEL = files.model;
    vi.resetModules();
    try {
      const { siteModel, periodKeys } = await import('../../../src/views/site-model-file.ts');
      expect(periodKeys()).toEqual({ weeks: ['2026-W46', '2026-W47'], months: ['2026-11'] });
      const pages = siteModel();
      expect(pages.report.weeks).toHaveLength(2);
      expect(pages.report.weeks[1]).toEqual(report.weeks[1]);
      expect(pages.report.meetings.packs[0]).toEqual(report.meetings.packs[0]);
      expect([...pages.report.meetings.agendas]).toEqual(report.meetings.agendas);
      // report.json is the stringified report: the same text as the report written.
      expect(JSON.stringify(pages.report)).toBe(JSON.stringify(site.report));
    } finally {
      if (before === undefined) delete process.env.TAVLA_SITE_MODEL;
      else process.env.TAVLA_SITE_MODEL = before;
    }
  });

  it('is reused only for the same cache key and only when all four files are there', async () => {
    const dir = work();
    const files = siteModelFiles(dir, 'abc123');
    expect(isCurrent(files, 'key-1')).toBe(false);
    await writeSiteModel(files, site, 'key-1');
    expect(isCurrent(files, 'key-1')).toBe(true);
    expect(isCurrent(files, 'key-2')).toBe(false);
    oldSet(dir, 'def456', 1, true);
    expect(isCurrent(siteModelFiles(dir, 'def456'), '{}')).toBe(false);
  });

  it('keeps only the most recently written or used sets', async () => {
    const dir = work();
    for (let i = 0; i < 9; i++) oldSet(dir, `a${i}`, 60 * (i + 1), i % 2 === 0);
    writeFileSync(join(dir, 'render-a8'), 'not a site model');
    await markUsed(siteModelFiles(dir, 'a8'));
    const removed = await pruneSiteModels(dir, 3);
    // Kept: a8 (just used), a0 and a1 (written 60 and 120 minutes ago); a2…a7 removed, 4 files
    // each for a3, a5, a7 and 2 each for the older layout's a2, a4, a6: 12 + 6 = 18 files.
    expect(removed).toHaveLength(18);
    expect(readdirSync(dir).sort()).toEqual(
      [
        'deal-rows-a1.json',
        'periods-a1.jsonl',
        'render-a8',
        'site-model-a0.json',
        'site-model-a0.json.key',
        'site-model-a1.json',
        'site-model-a1.json.key',
        'site-model-a8.json',
        'site-model-a8.json.key',
      ].sort(),
    );
  });

  it('prunes whenever a set is written, never the one just written', async () => {
    const dir = work();
    for (let i = 0; i < KEPT_SITE_MODELS + 4; i++) oldSet(dir, `b${i}`, i + 1);
    const files = siteModelFiles(dir, 'fresh');
    await writeSiteModel(files, site, 'key-1');
    expect(isCurrent(files, 'key-1')).toBe(true);
    const models = readdirSync(dir).filter((name) => name.startsWith('site-model-') && name.endsWith('.json'));
    expect(models).toHaveLength(KEPT_SITE_MODELS);
    expect(existsSync(siteModelFiles(dir, `b${KEPT_SITE_MODELS - 1}`).model)).toBe(false);
    expect(existsSync(siteModelFiles(dir, `b${KEPT_SITE_MODELS - 2}`).model)).toBe(true);
  });
});

describe('JSON in pieces', () => {
  it('is the text of JSON.stringify, at every depth of splitting', () => {
    const value = fc.letrec((tie) => ({
      any: fc.oneof(
        { depthSize: 'small' },
        fc.constantFrom(null, undefined, true, 0, -1.5, 1e21, Number.NaN, 'Fjällbacka "AB"\n', 'Ærø', '', new Date(Date.UTC(2026, 10, 20))),
        fc.string(),
        fc.array(tie('any'), { maxLength: 4 }),
        fc.dictionary(fc.string(), tie('any'), { maxKeys: 4 }),
      ),
    })).any;
    fc.assert(
      fc.property(value, fc.integer({ min: 0, max: 6 }), (v, depth) => {
        expect([...jsonPieces(v, depth)].join('')).toBe(JSON.stringify(v) ?? 'null');
      }),
    );
  });

  it('writes the site model files as JSON.stringify would', async () => {
    const files = siteModelFiles(work(), 'abc123');
    await writeSiteModel(files, site, 'key-1');
    const { dealRows, snapshot: _snapshot, ...forPages } = site;
    const written = JSON.parse(readFileSync(files.model, 'utf8')) as { periods: unknown };
    const stored = {
      ...forPages,
      report: { ...report, weeks: [], months: [], meetings: { ...report.meetings, agendas: [], packs: [] } },
      periods: written.periods,
    };
    expect(readFileSync(files.model, 'utf8')).toBe(JSON.stringify(stored));
    expect(readFileSync(files.dealRows, 'utf8')).toBe(JSON.stringify(dealRows));
  });
});
