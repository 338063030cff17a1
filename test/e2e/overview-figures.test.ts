/**
 * The demo site's headline figures, recomputed here from data/deals.csv with none of tavla's
 * code: a minimal CSV reader, the stage names from the settings, and the definitions of
 * docs/metrics.md written out again. The built report.json and the Swedish overview page must
 * show the same numbers.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { parseCsv } from '../support/csv.ts';

const root = join(import.meta.dirname, '../..');

interface DemoDeal {
  id: string;
  status: string;
  amount: number;
  created: string;
  close: string;
  termMonths: number;
}

function demoDeals(): { deals: DemoDeal[]; asOf: string } {
  const settings = JSON.parse(readFileSync(join(root, 'data/tavla.config.json'), 'utf8'));
  const statusOf = new Map<string, string>();
  for (const stage of settings.stages) {
    for (const name of [stage.id, stage.label, ...(stage.aliases ?? [])]) if (name) statusOf.set(name.toLowerCase(), stage.status);
  }
  const [header, ...rows] = parseCsv(readFileSync(join(root, 'data/deals.csv'), 'utf8'));
  const col = (name: string) => header!.indexOf(name);
  const seen = new Set<string>();
  const deals: DemoDeal[] = [];
  for (const row of rows) {
    const id = row[col('id')]!;
    const status = statusOf.get(row[col('stage')]!.toLowerCase());
    const amount = Number(row[col('amount')]);
    // The rows tavla rejects: unknown stage, unreadable amount, a repeated id.
    if (!status || !Number.isFinite(amount) || seen.has(id)) continue;
    seen.add(id);
    deals.push({
      id,
      status,
      amount,
      created: row[col('created_date')]!,
      close: row[col('close_date')]!,
      termMonths: Number(row[col('term_months')] || 0),
    });
  }
  return { deals, asOf: settings.asOf };
}

describe('the demo overview, recomputed independently', () => {
  const siteDir = inject('siteDir');
  const report = JSON.parse(readFileSync(join(siteDir, 'report.json'), 'utf8'));
  const html = readFileSync(join(siteDir, 'sv/index.html'), 'utf8').replace(/\u00a0|\u202f/g, ' ');
  const { deals, asOf } = demoDeals();
  const yearStart = `${asOf.slice(0, 4)}-01-01`; // fiscal year starts in January in the demo
  const trailingStart = `${Number(asOf.slice(0, 4)) - 1}${asOf.slice(4, 8)}${String(Number(asOf.slice(8)) + 1).padStart(2, '0')}`;

  it('has the as-of date of the settings', () => {
    expect(report.meta.asOf).toBe(asOf);
    expect(trailingStart).toBe('2025-11-21');
  });

  it('shows sales volume year to date: annual volume of deals won this fiscal year', () => {
    // Annual volume = contract value ÷ contract years (term over 12 months), summed in cents.
    const won = deals.filter((d) => d.status === 'won' && d.close >= yearStart && d.close <= asOf);
    const cents = won.reduce((sum, d) => sum + Math.round((d.termMonths > 12 ? d.amount / (d.termMonths / 12) : d.amount) * 100), 0);
    expect(report.company.volume.yearToDate.wonDeals).toBe(won.length);
    expect(report.company.volume.yearToDate.annualVolume).toBeCloseTo(cents / 100, 0);
    const mnkr = (cents / 100 / 1e6).toFixed(1).replace('.', ',');
    expect(html).toContain(`${mnkr} mnkr`);
  });

  it('shows open pipeline: contract value of deals open as of the report date', () => {
    const open = deals.filter((d) => d.status === 'open' && d.created <= asOf);
    const amount = open.reduce((sum, d) => sum + Math.round(d.amount * 100), 0) / 100;
    expect(report.company.pipeline.open.count).toBe(open.length);
    expect(report.company.pipeline.open.amount).toBe(amount);
    expect(html).toContain(`${(amount / 1e6).toFixed(1).replace('.', ',')} mnkr`);
    expect(html).toContain(`${open.length} öppna affärer`);
  });

  it('shows win rate by count over the trailing twelve months: won ÷ (won + lost)', () => {
    const closed = deals.filter((d) => d.status !== 'open' && d.close >= trailingStart && d.close <= asOf);
    const won = closed.filter((d) => d.status === 'won').length;
    expect(report.company.winRate.won).toBe(won);
    expect(report.company.winRate.lost).toBe(closed.length - won);
    expect(report.company.winRate.byCount).toBeCloseTo(won / closed.length, 12);
    expect(html).toContain(`${Math.round((100 * won) / closed.length)} %`);
  });
});
