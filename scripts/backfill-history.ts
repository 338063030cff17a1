/**
 * `node scripts/backfill-history.ts [dataDir] [weeks]`: gives a data folder a history by
 * rebuilding the exports of the previous Fridays from today's export and keeping the snapshot
 * of each, oldest first. Used for the demo company, whose export has no past.
 *
 * The export "as it was" on a Friday d: deals created by d; deals closed after d were still
 * open then, in a stage chosen by the days left to their close; a seeded share of them had an
 * earlier expected close (they slip later) or a lower amount (raised later). Activities dated up
 * to a week after d (booked meetings ahead). Everything else as today.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import Papa from 'papaparse';
import { readSnapshots, writeSnapshot } from '../src/history/store.ts';
import { hashInputs } from '../src/history/input-hash.ts';
import { addDays, isoDayOfWeek } from '../src/periods/calendar.ts';
import { fiscalQuarterOf, fiscalQuarterRange } from '../src/periods/fiscal.ts';
import { runPipeline } from '../src/pipeline/run-pipeline.ts';

const dataDir = resolve(process.argv[2] ?? 'data');
const weeks = Number(process.argv[3] ?? 12);
const settings = JSON.parse(readFileSync(join(dataDir, 'tavla.config.json'), 'utf8'));
const asOf: string = settings.asOf;
const startMonth: number = settings.fiscalYearStartMonth ?? 1;
const openStages: string[] = settings.stages.filter((s: { status: string }) => s.status === 'open').map((s: { id: string }) => s.id);

/** A stable number in [0, 1) from a text (FNV-1a): the same deal and day always draw the same. */
function draw(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193) >>> 0;
  return hash / 2 ** 32;
}

function read(file: string): { fields: string[]; rows: Record<string, string>[] } {
  const parsed = Papa.parse<Record<string, string>>(readFileSync(join(dataDir, file), 'utf8'), { header: true, skipEmptyLines: true });
  return { fields: parsed.meta.fields ?? [], rows: parsed.data };
}

function exportAsOf(day: string): string {
  const dir = mkdtempSync(join(tmpdir(), `tavla-backfill-${day}-`));
  cpSync(dataDir, dir, { recursive: true, filter: (src) => !src.includes('/history') });
  writeFileSync(join(dir, 'tavla.config.json'), JSON.stringify({ ...settings, asOf: day }, null, 2));
  const { fields, rows } = read('deals.csv');
  const quarterEnd = (() => {
    const q = fiscalQuarterOf(day, startMonth);
    return fiscalQuarterRange(q.fiscalYear, q.quarter, startMonth).end;
  })();
  const deals = rows
    .filter((deal) => (deal.created_date ?? '') <= day)
    .map((deal) => {
      const closed = deal.stage !== undefined && !openStages.includes(deal.stage.toLowerCase()) && (deal.close_date ?? '') > day;
      const open = closed || openStages.includes((deal.stage ?? '').toLowerCase());
      if (!open) return deal;
      const copy = { ...deal };
      if (closed) {
        const daysLeft = (Date.parse(deal.close_date!) - Date.parse(day)) / 86_400_000;
        const index = daysLeft <= 21 ? 3 : daysLeft <= 45 ? 2 : daysLeft <= 90 ? 1 : 0;
        copy.stage = openStages[Math.min(index, openStages.length - 1)]!;
        copy.lost_reason = '';
      }
      // Seeded history: some deals were expected this quarter and slip out of it later,
      // some had a lower amount that was raised later.
      if ((copy.close_date ?? '') > quarterEnd && draw(`${deal.id}:slip`) < 0.15) copy.close_date = quarterEnd;
      const amount = Number(copy.amount);
      if (Number.isFinite(amount) && draw(`${deal.id}:${day}:amount`) < 0.04) copy.amount = String(Math.round(amount * 0.9));
      return copy;
    });
  writeFileSync(join(dir, 'deals.csv'), Papa.unparse({ fields, data: deals }, { newline: '\n' }) + '\n');
  const activities = read('activities.csv');
  const ahead = addDays(day, 7);
  writeFileSync(
    join(dir, 'activities.csv'),
    Papa.unparse({ fields: activities.fields, data: activities.rows.filter((a) => (a.date ?? '') <= ahead) }, { newline: '\n' }) + '\n',
  );
  return dir;
}

const historyDir = join(dataDir, 'history');
let friday = addDays(asOf, -((isoDayOfWeek(asOf) + 2) % 7) - 7);
const days: string[] = [];
for (let i = 0; i < weeks; i++, friday = addDays(friday, -7)) days.unshift(friday);
for (const day of days) {
  const dir = exportAsOf(day);
  const history = await readSnapshots(historyDir);
  const inputHash = await hashInputs(dir, ['deals.csv', 'activities.csv', 'tavla.config.json']);
  const result = await runPipeline({ dataDir: dir, now: new Date(`${day}T12:00:00Z`), log: () => {}, history: { ...history, inputHash } });
  rmSync(dir, { recursive: true, force: true });
  if (!result.ok) throw new Error(`${day}: ${result.messages.join('\n')}`);
  const path = await writeSnapshot(historyDir, result.site.snapshot);
  process.stdout.write(`${day}: ${result.site.snapshot.deals.length} open deals → ${path}\n`);
}
