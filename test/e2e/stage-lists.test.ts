/**
 * Invariant over the built demo site: the open deals per stage add up everywhere they are shown.
 * The expectation is recomputed here from data/deals.csv with none of tavla's code (a minimal
 * CSV reader, the stage names of the settings, the definition of docs/metrics.md "Open
 * pipeline": status open, created on or before as-of, grouped by stage). Then, per stage:
 * the chart's table (the overview's pipeline-by-stage CSV) counts and sums it; the pipeline
 * page's stage list says the same count and value in every language, sits at the anchor the
 * stage's bar links to, shows at most its largest ten and says how many more the CSV holds; and
 * the stage's CSV holds every one of its deals.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { parseCsv } from '../support/csv.ts';

const root = join(import.meta.dirname, '../..');
const siteDir = inject('siteDir');

interface StageTotal {
  stageId: string;
  count: number;
  /** Σ amount in cents (the CSVs carry öre). */
  cents: number;
}

/** Rows of a data/ file as objects by header. */
function dataRows(file: string): Record<string, string>[] {
  const [header, ...rows] = parseCsv(readFileSync(join(root, 'data', file), 'utf8'));
  return rows.map((row) => Object.fromEntries(header!.map((key, i) => [key, row[i] ?? ''])));
}

/**
 * Each deal's team as docs/metrics.md has it: the owner's team (data/users.csv), else the
 * account's (data/accounts.csv), as a deal without an owner takes its account's team.
 */
function teamOfDeal(): (deal: { owner: string; accountId: string }) => string {
  const ofUser = new Map(dataRows('users.csv').map((u) => [u.id!, u.team!]));
  const ofAccount = new Map(dataRows('accounts.csv').map((a) => [a.id!, a.team!]));
  return (deal) => ofUser.get(deal.owner) || ofAccount.get(deal.accountId) || '';
}

/** The open deals of data/deals.csv per stage id, read independently; `team`: only that team's. */
function openByStage(team?: string): Map<string, StageTotal> {
  const teamOf = teamOfDeal();
  const settings = JSON.parse(readFileSync(join(root, 'data/tavla.config.json'), 'utf8'));
  const stageOf = new Map<string, { id: string; status: string }>();
  for (const stage of settings.stages) {
    for (const name of [stage.id, stage.label, ...(stage.aliases ?? [])]) if (name) stageOf.set(name.toLowerCase(), { id: stage.id, status: stage.status });
  }
  const [header, ...rows] = parseCsv(readFileSync(join(root, 'data/deals.csv'), 'utf8'));
  const col = (name: string) => header!.indexOf(name);
  const seen = new Set<string>();
  const totals = new Map<string, StageTotal>();
  for (const row of rows) {
    const id = row[col('id')]!;
    const stage = stageOf.get(row[col('stage')]!.toLowerCase());
    const amount = Number(row[col('amount')]);
    // The rows tavla rejects: unknown stage, unreadable amount, a repeated id.
    if (!stage || !Number.isFinite(amount) || seen.has(id)) continue;
    seen.add(id);
    if (stage.status !== 'open' || row[col('created_date')]! > settings.asOf) continue;
    if (team !== undefined && teamOf({ owner: row[col('owner')]!, accountId: row[col('account_id')]! }) !== team) continue;
    const total = totals.get(stage.id) ?? { stageId: stage.id, count: 0, cents: 0 };
    total.count += 1;
    total.cents += Math.round(amount * 100);
    totals.set(stage.id, total);
  }
  return totals;
}

function csv(name: string): Record<string, string>[] {
  const [header, ...rows] = parseCsv(readFileSync(join(siteDir, 'data', `${name}.csv`), 'utf8'));
  return rows.map((row) => Object.fromEntries(header!.map((key, i) => [key, row[i] ?? ''])));
}

/** A stage's list on the pipeline page: its summary ("75 · 17 552 473 kr"), rows shown, the "more" line. */
function stageList(html: string, anchor: string): { summary: string; rows: number; more: string } | null {
  const start = html.indexOf(`<details open id="${anchor}">`);
  if (start < 0) return null;
  const group = html.slice(start, html.indexOf('</details>', start));
  const summary = (group.match(/<span class="sum">([^<]*)<\/span>/)?.[1] ?? '').replace(/[\s\u00a0\u202f]+/g, ' ');
  const body = group.match(/<tbody>[\s\S]*?<\/tbody>/)?.[0] ?? '';
  return { summary, rows: (body.match(/<tr>/g) ?? []).length, more: group.match(/<p class="more">([\s\S]*?)<a /)?.[1] ?? '' };
}

/** Whole kronor as the pages write them, digits only: 17552472.5 → "17552473". */
const kronor = (cents: number) => String(Math.round(cents / 100));

describe('open deals per stage add up on the demo site', () => {
  const expected = [...openByStage().values()];

  it('reads open deals in several stages from deals.csv', () => {
    expect(expected.length).toBeGreaterThan(2);
    expect(expected.reduce((s, x) => s + x.count, 0)).toBeGreaterThan(50);
  });

  it("the chart's table counts and sums each stage as deals.csv does", () => {
    const rows = new Map(csv('overview-pipeline-by-stage').map((r) => [r.stage!, r]));
    for (const stage of expected) {
      expect([stage.stageId, Number(rows.get(stage.stageId)?.count), Math.round(Number(rows.get(stage.stageId)?.amount) * 100)]).toEqual([
        stage.stageId,
        stage.count,
        stage.cents,
      ]);
    }
  });

  it("each stage's bar leads to its list, which shows the stage's count and value in every language", () => {
    for (const lang of ['sv', 'da', 'en']) {
      const overview = readFileSync(join(siteDir, lang, 'index.html'), 'utf8');
      const pipeline = readFileSync(join(siteDir, lang, 'pipeline/index.html'), 'utf8');
      const order: number[] = [];
      for (const stage of expected) {
        const anchor = `stage-${stage.stageId}`;
        expect(overview, `${lang}: the ${stage.stageId} bar`).toContain(`href="/${lang}/pipeline/#${anchor}"`);
        const list = stageList(pipeline, anchor);
        expect(list, `${lang}: the ${stage.stageId} list`).not.toBeNull();
        const [count, value] = list!.summary.split(' · ');
        expect([stage.stageId, Number(count!.replace(/\D/g, '')), value!.replace(/\D/g, '')]).toEqual([stage.stageId, stage.count, kronor(stage.cents)]);
        // The ten largest on the page; the rest are counted and in the CSV.
        expect(list!.rows).toBe(Math.min(10, stage.count));
        expect(Number(list!.more.replace(/\D/g, '') || 0)).toBe(stage.count - list!.rows);
        order.push(pipeline.indexOf(`id="${anchor}"`));
      }
      // Largest stage first.
      const byValue = [...expected].sort((a, b) => b.cents - a.cents).map((s) => pipeline.indexOf(`id="stage-${s.stageId}"`));
      expect(byValue).toEqual([...order].sort((a, b) => a - b));
    }
  });

  it("each stage's CSV holds every open deal of the stage", () => {
    for (const stage of expected) {
      const rows = csv(`pipeline-stage-${stage.stageId}`);
      const cents = rows.reduce((sum, r) => sum + Math.round(Number(r.contract_value || 0) * 100), 0);
      expect([stage.stageId, rows.length, cents]).toEqual([stage.stageId, stage.count, stage.cents]);
      expect(existsSync(join(siteDir, 'data', `pipeline-stage-${stage.stageId}.csv`))).toBe(true);
    }
  });

  it("a team's stage bars lead to the team page's own stage lists, which count its owners' deals", () => {
    const teams = new Set(dataRows('users.csv').map((u) => u.team!));
    expect(teams.size).toBeGreaterThan(1);
    for (const team of teams) {
      const stages = [...openByStage(team).values()];
      expect(stages.length, team).toBeGreaterThan(0);
      const page = readFileSync(join(siteDir, 'sv', 'teams', team, 'index.html'), 'utf8');
      for (const stage of stages) {
        const anchor = `team-${team}-stage-${stage.stageId}`;
        expect(page, `${team}: the ${stage.stageId} bar`).toContain(`href="#${anchor}"`);
        const list = stageList(page, anchor);
        expect(list, `${team}: the ${stage.stageId} list`).not.toBeNull();
        const [count, value] = list!.summary.split(' · ');
        expect([team, stage.stageId, Number(count!.replace(/\D/g, '')), value!.replace(/\D/g, '')]).toEqual([
          team,
          stage.stageId,
          stage.count,
          kronor(stage.cents),
        ]);
        const rows = csv(anchor);
        const cents = rows.reduce((sum, r) => sum + Math.round(Number(r.contract_value || 0) * 100), 0);
        expect([team, stage.stageId, rows.length, cents]).toEqual([team, stage.stageId, stage.count, stage.cents]);
      }
    }
  });
});
