import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fiscalYearStart, runDuckdb } from '../../../scripts/bench/duckdb.ts';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'tavla-duckdb-'));
  const settings = {
    asOf: '2026-11-20',
    fiscalYearStartMonth: 1,
    stages: [
      { id: 'proposal', status: 'open', aliases: ['Offert'] },
      { id: 'won', status: 'won', aliases: ['Vunnen'] },
      { id: 'lost', status: 'lost' },
    ],
  };
  await writeFile(join(dir, 'tavla.config.json'), JSON.stringify(settings));
  await writeFile(
    join(dir, 'deals.csv'),
    [
      'id,owner,stage,amount,created_date,close_date,channel,contract_start,contract_end,term_months',
      'D1,anna,won,3600000,2026-01-05,2026-03-02,new,,,36',
      'D2,anna,Vunnen,100000,2026-02-01,2026-03-20,,,,12',
      'D3,bo,lost,50000,2026-01-10,2026-04-01,new,,,',
      'D4,bo,Offert,70000,2026-05-01,2026-12-15,upsell,,,',
      'D5,bo,proposal,30000,2026-12-01,2026-12-31,new,,,',
      'D6,bo,won,1000,2025-06-01,2025-11-20,renewal,,,',
    ].join('\n') + '\n',
  );
  await writeFile(
    join(dir, 'activities.csv'),
    ['id,type,date,owner', 'A1,call,2026-01-01,anna', 'A2,email,2025-12-29,anna', 'A3,call,2026-01-05,bo'].join('\n') + '\n',
  );
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('fiscalYearStart', () => {
  it('is the start of the fiscal year the as-of date falls in', () => {
    expect(fiscalYearStart('2026-11-20', 1)).toBe('2026-01-01');
    expect(fiscalYearStart('2026-03-31', 4)).toBe('2025-04-01');
    expect(fiscalYearStart('2026-04-01', 4)).toBe('2026-04-01');
  });
});

describe('runDuckdb', () => {
  it('computes the subset as its header defines it, worked out by hand', async () => {
    const run = await runDuckdb(dir, 1);
    const sorted = (name: string) => [...(run.figures[name] ?? [])].sort();
    // Stage ids through the aliases: won D1 + D2 + D6 = 3 701 000, lost D3, proposal D4 + D5 = 100 000; cents.
    expect(sorted('stage totals')).toEqual(['lost\t1\t5000000', 'proposal\t2\t10000000', 'won\t3\t370100000']);
    // Won in FY2026 by month: March D1 + D2; contract 3 700 000, annual 3 600 000 / 3 + 100 000 = 1 300 000.
    expect(sorted('won per month')).toEqual(['2026-03\t2\t370000000\t130000000']);
    // D2 has no channel: only D1 per channel.
    expect(sorted('won per channel and month')).toEqual(['2026-03\tnew\t1\t360000000\t120000000']);
    expect(sorted('owner YTD volume')).toEqual(['anna\t2\t370000000\t130000000']);
    // D5 is created after as-of; D4 is open whatever its close date.
    expect(sorted('open pipeline')).toEqual(['proposal\t1\t7000000']);
    // Trailing year 2025-11-21 … 2026-11-20: won D1, D2; lost D3; D6 (2025-11-20) is outside. 2 / 3.
    expect(run.figures['win rate']).toEqual(['won\t2\t370000000', 'lost\t1\t5000000', 'by count\t0.666667']);
    // 2025-12-29 and 2026-01-01 are both in ISO week 2026-W01; 2026-01-05 is in 2026-W02.
    expect(sorted('activities per owner and ISO week')).toEqual(['anna\t2026-W01\t2', 'bo\t2026-W02\t1']);
    expect(run.rows).toBe(6 + 3);
  });
});
