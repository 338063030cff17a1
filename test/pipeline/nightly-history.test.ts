/**
 * Three nightly exports of the small scenario company, built in order with the snapshots kept
 * between them, exactly as scripts/build.ts does. What the test moves between the exports must
 * come back as the weekly meeting's "what changed", and June's review must show the figures as
 * presented beside the figures as known today after a correction.
 */
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { hashInputs } from '../../src/history/input-hash.ts';
import { readSnapshots, writeSnapshot } from '../../src/history/store.ts';
import { runPipeline } from '../../src/pipeline/run-pipeline.ts';
import type { Report } from '../../src/report/site-model.ts';

const input = join(import.meta.dirname, '../scenarios/small-company/input');
const COLUMNS = readFileSync(join(input, 'deals.csv'), 'utf8').split('\n')[0]!.split(',');

/** A copy of the scenario as exported on `asOf`, with cells of some deals changed. */
function exportOn(asOf: string, edits: Record<string, Record<string, string>>, added: string[] = []): string {
  const dir = mkdtempSync(join(tmpdir(), `tavla-night-${asOf}-`));
  cpSync(input, dir, { recursive: true });
  const settingsPath = join(dir, 'tavla.config.json');
  writeFileSync(settingsPath, JSON.stringify({ ...JSON.parse(readFileSync(settingsPath, 'utf8')), asOf }));
  const lines = readFileSync(join(dir, 'deals.csv'), 'utf8').trimEnd().split('\n');
  const edited = lines.map((line) => {
    const cells = line.split(',');
    const change = edits[cells[0]!];
    if (!change) return line;
    for (const [column, value] of Object.entries(change)) cells[COLUMNS.indexOf(column)] = value;
    return cells.join(',');
  });
  writeFileSync(join(dir, 'deals.csv'), `${[...edited, ...added].join('\n')}\n`);
  return dir;
}

async function build(dataDir: string, historyDir: string): Promise<Report> {
  const history = await readSnapshots(historyDir);
  const inputHash = await hashInputs(dataDir, ['deals.csv', 'tavla.config.json']);
  const result = await runPipeline({ dataDir, now: new Date(), log: () => {}, history: { ...history, inputHash } });
  if (!result.ok) throw new Error(result.messages.join('\n'));
  await writeSnapshot(historyDir, result.site.snapshot);
  return result.site.report;
}

describe('nightly builds that remember', () => {
  const historyDir = mkdtempSync(join(tmpdir(), 'tavla-history-'));
  let last: Report;

  beforeAll(async () => {
    // Friday 2026-06-19 (W25): the export as it is.
    await build(exportOn('2026-06-19', {}), historyDir);
    // Friday 2026-06-26 (W26): D-117's close date pushed from 2026-06-30 out of Q2 to 2026-08-14;
    // D-114 won on 2026-06-24; D-118 raised from 60 000 to 75 000; D-115 moved back from
    // meeting to qualification; D-121 created on 2026-06-23.
    await build(
      exportOn(
        '2026-06-26',
        {
          'D-117': { close_date: '2026-08-14' },
          'D-114': { stage: 'won', close_date: '2026-06-24' },
          'D-118': { amount: '75000' },
          'D-115': { stage: 'qualification' },
        },
        ['D-121,Björkdal – Support,A-01,olle.sjo,qualification,50000,SEK,2026-06-23,2026-09-30,,Support,,,,,outbound,,,2026-06-23'],
      ),
      historyDir,
    );
    // Friday 2026-07-03 (W27): the same, but D-114's amount corrected from 200 000 to 180 000.
    last = await build(
      exportOn(
        '2026-07-03',
        {
          'D-117': { close_date: '2026-08-14' },
          'D-114': { stage: 'won', close_date: '2026-06-24', amount: '180000' },
          'D-118': { amount: '75000' },
          'D-115': { stage: 'qualification' },
        },
        ['D-121,Björkdal – Support,A-01,olle.sjo,qualification,50000,SEK,2026-06-23,2026-09-30,,Support,,,,,outbound,,,2026-06-23'],
      ),
      historyDir,
    );
  }, 60_000);

  it('keeps one snapshot per build', async () => {
    const { snapshots, problems } = await readSnapshots(historyDir);
    expect(snapshots.map((s) => s.asOf)).toEqual(['2026-06-19', '2026-06-26', '2026-07-03']);
    expect(problems).toEqual([]);
    expect(last.history?.snapshots).toBe(3);
  });

  it("lists what the test moved as week 26's changes since the previous meeting", () => {
    const week = last.history?.weeks.find((w) => w.week === '2026-W26');
    expect(week?.from).toBe('2026-06-19');
    expect(week?.to).toBe('2026-06-26');
    expect(week?.changes.map((c) => [c.kind, c.dealId])).toEqual([
      ['new', 'D-121'],
      ['won', 'D-114'],
      ['slipped', 'D-117'],
      ['amount-up', 'D-118'],
      ['stage-back', 'D-115'],
    ]);
    const slipped = week?.changes.find((c) => c.kind === 'slipped');
    expect([slipped?.before?.close, slipped?.after?.close]).toEqual(['2026-06-30', '2026-08-14']);
    expect(week?.counts).toMatchObject({ new: 1, won: 1, lost: 0, slipped: 1, 'amount-up': 1, 'amount-down': 0, 'stage-back': 1, gone: 0 });
  });

  it("shows June's review as presented (2026-06-26) beside June as known today, after the correction", () => {
    const june = last.history?.months.find((m) => m.month === '2026-06');
    expect(june?.presentedAsOf).toBe('2026-06-26');
    // D-114 counted 200 000 when presented and 180 000 today: 20 000 less in today's June.
    expect((june?.presented.volumeYtd ?? 0) - (june?.today.volumeYtd ?? 0)).toBeCloseTo(20_000, 2);
  });

  it('shows week 26 as presented (2026-06-26) beside week 26 as known today, after the correction', () => {
    const w26 = last.history?.weekMemories.find((m) => m.week === '2026-W26');
    expect(w26?.presentedAsOf).toBe('2026-06-26');
    // Same snapshot as June's review: D-114 counted 200 000 then, 180 000 today.
    expect((w26?.presented.volumeYtd ?? 0) - (w26?.today.volumeYtd ?? 0)).toBeCloseTo(20_000, 2);
    // W25 (2026-06-15..21) was presented from 2026-06-19, before D-114 was won: no difference.
    const w25 = last.history?.weekMemories.find((m) => m.week === '2026-W25');
    expect(w25?.presentedAsOf).toBe('2026-06-19');
    expect(w25?.presented.volumeYtd).toBeCloseTo(w25?.today.volumeYtd ?? NaN, 2);
    // W27 is the current week (as of 2026-07-03): nothing presented yet. W24 had no snapshot in it.
    expect(last.history?.weekMemories.map((m) => m.week)).toEqual(['2026-W25', '2026-W26']);
  });

  it('draws the weekly trend of the open pipeline from the snapshots', () => {
    expect(last.history?.company.map((p) => p.week)).toEqual(['2026-W25', '2026-W26', '2026-W27']);
  });
});
