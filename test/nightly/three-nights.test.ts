/**
 * Three real nights and two bad ones, run as a team runs them: `npm run nightly` in a fresh copy
 * of the project each night (as a CI runner is: no cache, no history on its disk), the history
 * kept only in a local bare git repository standing in for the history store, one data folder
 * whose export is replaced every night, and the site published to a folder outside the project.
 * Real git and a real site build; nothing is mocked.
 *
 * Nights (the small scenario company, as-of dates given by TAVLA_AS_OF):
 *   1. Fri 2026-06-12 (W24): the export as it is.
 *   2. Mon 2026-06-15 (W25): D-117's close date pushed from 2026-06-30 out of Q2 to 2026-08-14,
 *      D-118 raised from 60 000 to 75 000, D-121 created on 2026-06-15.
 *   –  Thu 2026-06-18: the export arrives broken (deals.csv without its amount column): fails.
 *   3. Mon 2026-06-22 (W26): on top of night 2, D-114 won on 2026-06-19, D-115 moved back from
 *      meeting to qualification.
 *   –  Mon 2026-07-06: the same export as night 3, two weeks old: stale, fails.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Report } from '../../src/report/site-model.ts';

const ROOT = resolve(import.meta.dirname, '../..');
const INPUT = join(ROOT, 'test/scenarios/small-company/input');
const COLUMNS = readFileSync(join(INPUT, 'deals.csv'), 'utf8').split('\n')[0]!.split(',');
const PROJECT_FILES = ['src', 'scripts', 'public', 'package.json', 'package-lock.json', 'astro.config.mjs', 'tsconfig.json'];
const D121 = 'D-121,Björkdal – Support,A-01,olle.sjo,qualification,50000,SEK,2026-06-15,2026-09-30,,Support,,,,,outbound,,,2026-06-15';

const NIGHT_2 = { 'D-117': { close_date: '2026-08-14', updated_date: '2026-06-15' }, 'D-118': { amount: '75000', updated_date: '2026-06-15' } };
const NIGHT_3 = {
  ...NIGHT_2,
  'D-114': { stage: 'won', close_date: '2026-06-19', updated_date: '2026-06-19' },
  'D-115': { stage: 'qualification', updated_date: '2026-06-19' },
};

const work = mkdtempSync(join(tmpdir(), 'tavla-nights-'));
const DATA = join(work, 'data');
const site = join(work, 'www');
const store = join(work, 'history.git');
const data = DATA;

/** Replaces the data folder with tonight's export: the scenario, without a pinned as-of, with cells of some deals changed. */
function deliverExport(edits: Record<string, Record<string, string>>, added: string[] = [], dropColumn?: string, data = DATA): void {
  rmSync(data, { recursive: true, force: true });
  cpSync(INPUT, data, { recursive: true });
  const settingsPath = join(data, 'tavla.config.json');
  const { asOf: _pinned, ...settings } = JSON.parse(readFileSync(settingsPath, 'utf8')) as Record<string, unknown>;
  writeFileSync(settingsPath, JSON.stringify(settings));
  const lines = readFileSync(join(data, 'deals.csv'), 'utf8').trimEnd().split('\n');
  const edited = [...lines, ...added].map((line) => {
    const cells = line.split(',');
    for (const [column, value] of Object.entries(edits[cells[0]!] ?? {})) cells[COLUMNS.indexOf(column)] = value;
    return dropColumn ? cells.filter((_, i) => i !== COLUMNS.indexOf(dropColumn)).join(',') : cells.join(',');
  });
  writeFileSync(join(data, 'deals.csv'), `${edited.join('\n')}\n`);
}

/** `npm run nightly` as of `asOf` in a fresh copy of the project, removed afterwards. */
function night(
  asOf: string,
  where: Record<string, string> = { TAVLA_DATA: data, TAVLA_OUT: site, TAVLA_HISTORY_GIT: store },
): { status: number | null; output: string } {
  const runner = mkdtempSync(join(tmpdir(), 'tavla-runner-'));
  for (const name of PROJECT_FILES) cpSync(join(ROOT, name), join(runner, name), { recursive: true });
  symlinkSync(join(ROOT, 'node_modules'), join(runner, 'node_modules'), 'dir');
  const env = Object.fromEntries(Object.entries(process.env).filter(([key]) => !key.startsWith('TAVLA_')));
  const run = spawnSync('npm', ['run', '--silent', 'nightly'], {
    cwd: runner,
    encoding: 'utf8',
    env: { ...env, ...where, TAVLA_AS_OF: asOf, ASTRO_TELEMETRY_DISABLED: '1' },
  });
  rmSync(runner, { recursive: true, force: true });
  return { status: run.status, output: `${run.stdout}\n${run.stderr}` };
}

function git(...args: string[]): string {
  return spawnSync('git', args, { cwd: work, encoding: 'utf8' }).stdout.trim();
}

const published = (): Report => JSON.parse(readFileSync(join(site, 'report.json'), 'utf8')) as Report;
const changesOf = (report: Report, week: string) => report.history?.weeks.find((w) => w.week === week)?.changes.map((c) => `${c.kind} ${c.dealId}`) ?? null;
const alertOf = (page: string | undefined) => /<p class="alert" role="alert">([^<]*)<\/p>/.exec(page ?? '')?.[1] ?? null;
const storedSnapshots = () => git('--git-dir', store, 'ls-tree', '--name-only', 'tavla-history').split('\n').filter(Boolean);

describe('nightly runs over real nights', () => {
  const nights: Record<string, { status: number | null; output: string; report?: Report; head?: string; page?: string; changes?: string }> = {};

  beforeAll(() => {
    spawnSync('git', ['init', '--quiet', '--bare', store]);
    const run = (label: string, asOf: string) => {
      const result = night(asOf);
      nights[label] = {
        ...result,
        report: existsSync(join(site, 'report.json')) ? published() : undefined,
        head: git('--git-dir', store, 'rev-parse', 'tavla-history'),
      };
      const weekPage = join(site, 'en/weeks/2026-w25/index.html');
      // The weekly page links the full change list; its CSV holds every change by name.
      const weekChanges = join(site, 'data/week-2026-w25-changes.csv');
      nights[label]!.page = existsSync(weekPage) ? readFileSync(weekPage, 'utf8') : undefined;
      nights[label]!.changes = existsSync(weekChanges) ? readFileSync(weekChanges, 'utf8') : undefined;
    };
    deliverExport({});
    run('1', '2026-06-12');
    deliverExport(NIGHT_2, [D121]);
    run('2', '2026-06-15');
    deliverExport(NIGHT_3, [D121], 'amount');
    run('broken', '2026-06-18');
    deliverExport(NIGHT_3, [D121]);
    run('3', '2026-06-22');
    run('stale', '2026-07-06');
  }, 600_000);

  afterAll(() => rmSync(work, { recursive: true, force: true }));

  it('builds and publishes the good nights, each keeping its snapshot in the store', () => {
    for (const label of ['1', '2', '3']) expect(nights[label]!.status, nights[label]!.output).toBe(0);
    expect(nights['1']!.report!.meta.asOf).toBe('2026-06-12');
    expect(nights['2']!.report!.meta.asOf).toBe('2026-06-15');
    expect(nights['3']!.report!.meta.asOf).toBe('2026-06-22');
    expect(storedSnapshots()).toEqual(['2026-06-12.json.gz', '2026-06-15.json.gz', '2026-06-22.json.gz']);
    expect(git('--git-dir', store, 'log', '--format=%s', 'tavla-history').split('\n')).toEqual([
      'Snapshot as of 2026-06-22',
      'Snapshot as of 2026-06-15',
      'Snapshot as of 2026-06-12',
    ]);
    // The history lives only in the store: nothing was written into the data folder.
    expect(readdirSync(data).sort()).toEqual(readdirSync(INPUT).sort());
  });

  it('shows on night two exactly the changes made since night one', () => {
    // W25's meeting compares the last snapshot before 2026-06-15 (night 1) with tonight.
    expect(changesOf(nights['2']!.report!, '2026-W25')).toEqual(['new D-121', 'slipped D-117', 'amount-up D-118']);
    expect(nights['2']!.changes?.includes('Björkdal – Support')).toBe(true);
  });

  it("shows on night three the changes since night two, and W25 still lists night two's", () => {
    // W26: the last snapshot before 2026-06-22 is night 2 (the broken night left none).
    expect(changesOf(nights['3']!.report!, '2026-W26')).toEqual(['won D-114', 'stage-back D-115']);
    // W25, now past: night 1 against the last snapshot of W25, night 2.
    expect(changesOf(nights['3']!.report!, '2026-W25')).toEqual(['new D-121', 'slipped D-117', 'amount-up D-118']);
    expect(nights['3']!.changes?.includes('Lundqvist – Analys')).toBe(true);
  });

  it('keeps the previous site and history after a failed night, and says so on the pages', () => {
    const broken = nights['broken']!;
    expect(broken.status).toBe(1);
    expect(broken.output).toMatch(/deals\.csv/);
    expect(broken.head).toBe(nights['2']!.head);
    expect(broken.report!.meta.asOf).toBe('2026-06-15');
    expect(alertOf(broken.page)).toMatch(/^The nightly update of 18 June 2026 failed\. These pages are the last good build, of /);
    // The next good night replaces the whole site, notice and all.
    expect(alertOf(nights['3']!.page)).toBeNull();
  });

  it('fails a stale export, keeping the last good site and the history', () => {
    const stale = nights['stale']!;
    expect(stale.status).toBe(1);
    // Deals' newest date 2026-06-19 (D-114 won), activities' 2026-06-17: 19 days before 2026-07-06.
    expect(stale.output).toContain('the export is stale: its data run only to 2026-06-17, 19 days before the as-of date 2026-07-06 (allowed: 7');
    expect(stale.head).toBe(nights['3']!.head);
    expect(stale.report!.meta.asOf).toBe('2026-06-22');
    expect(alertOf(stale.page)).toMatch(/^The nightly update of 6 July 2026 failed\./);
  });
});

describe('the cron recipe: a history folder and a web root elsewhere on the machine', () => {
  // As docs/deploy.md has it: the data folder is replaced by each export (rsync --delete), the
  // history folder sits beside it, the site is swapped into the web root.
  const host = join(work, 'srv');
  const where = { TAVLA_DATA: join(host, 'data'), TAVLA_HISTORY: join(host, 'history'), TAVLA_OUT: join(host, 'www', 'tavla') };
  const results: { status: number | null; output: string }[] = [];

  beforeAll(() => {
    mkdirSync(join(host, 'www'), { recursive: true });
    deliverExport({}, [], undefined, where.TAVLA_DATA);
    results.push(night('2026-06-12', where));
    deliverExport(NIGHT_2, [D121], undefined, where.TAVLA_DATA);
    results.push(night('2026-06-15', where));
  }, 300_000);

  it('keeps the history across nights and shows night two the changes since night one', () => {
    expect(
      results.map((r) => r.status),
      results.map((r) => r.output).join('\n'),
    ).toEqual([0, 0]);
    expect(readdirSync(where.TAVLA_HISTORY).sort()).toEqual(['2026-06-12.json.gz', '2026-06-15.json.gz']);
    const report = JSON.parse(readFileSync(join(where.TAVLA_OUT, 'report.json'), 'utf8')) as Report;
    expect(changesOf(report, '2026-W25')).toEqual(['new D-121', 'slipped D-117', 'amount-up D-118']);
    // The web root holds the site (a link, flipped to each new build) and the builds it points into.
    expect(readdirSync(join(host, 'www')).sort()).toEqual(['tavla', 'tavla.builds']);
  });
});
