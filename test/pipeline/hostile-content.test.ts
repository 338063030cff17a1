// Hostile cell values are data: they flow through runPipeline unchanged (escaping is the pages'
// job), and ids that look like paths never make the loader open anything outside the folder.
import { afterAll, describe, expect, it, vi } from 'vitest';
import { isAbsolute, relative, resolve } from 'node:path';
import { runPipeline } from '../../src/pipeline/run-pipeline.ts';
import type { Report } from '../../src/report/site-model.ts';
import { CONFIG, tempFolders } from './folder.ts';

// Every path the pipeline hands to node:fs/promises, to check none is outside the data folder.
const opened = vi.hoisted(() => [] as string[]);
vi.mock('node:fs/promises', async (importOriginal) => {
  const fs = await importOriginal<typeof import('node:fs/promises')>();
  const record =
    <A extends unknown[], R>(fn: (...args: A) => R) =>
    (...args: A): R => {
      opened.push(String(args[0]));
      return fn(...args);
    };
  const wrapped = { ...fs, open: record(fs.open), readFile: record(fs.readFile), stat: record(fs.stat), lstat: record(fs.lstat) };
  return { ...wrapped, default: wrapped };
});

const temp = tempFolders('hostile');
afterAll(() => temp.cleanup());

const HOSTILE = ['<script>alert(1)</script>', '"><img src=x onerror=alert(1)>', '=HYPERLINK("http://x")', "+cmd|' /C calc'!A0"] as const;

/** One CSV field, quoted when it holds a quote, delimiter or line break. */
const field = (value: string): string => (/[",\r\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value);
const row = (...values: string[]): string => values.map(field).join(',');

// User u1..u4 and account A1..A4 carry the hostile names; deal D_i is an open deal of u_i at A_i.
// Each file ends with a line break, as exports do (a last row without one may be cut off).
const users = ['id,name,team', ...HOSTILE.map((name, i) => row(`u${i + 1}`, name, 'north')), ''].join('\n');
const accounts = ['id,name,owner', ...HOSTILE.map((name, i) => row(`A${i + 1}`, name, `u${i + 1}`)), ''].join('\n');
const deals = [
  'id,name,account_id,owner,stage,amount,created_date,close_date',
  ...HOSTILE.map((name, i) => row(`D${i + 1}`, name, `A${i + 1}`, `u${i + 1}`, 'proposal', String((i + 1) * 1000), '2026-11-01', '2026-12-15')),
  row('../../etc/passwd', 'Path-like id', 'A1', 'u1', 'won', '500', '2026-10-01', '2026-11-10'),
  row('D9', 'Bad stage', 'A1', 'u1', '<img src=x onerror=alert(1)>', '1', '2026-10-01', '2026-11-10'),
  '',
].join('\n');

async function build(): Promise<{ report: Report; dataDir: string }> {
  const dataDir = temp.folder({ 'tavla.config.json': CONFIG, 'users.csv': users, 'accounts.csv': accounts, 'deals.csv': deals });
  opened.length = 0;
  const result = await runPipeline({ dataDir, now: new Date('2026-11-20T12:00:00Z'), log: () => {} });
  if (!result.ok) throw new Error(result.messages.join('\n'));
  return { report: result.site.report, dataDir };
}

describe('hostile content', () => {
  it('flows through without error: every row accounted for', async () => {
    const { report } = await build();
    expect(report.files.filter((f) => f.present).map(({ file, read, accepted, rejected }) => [file, read, accepted, rejected])).toEqual([
      ['deals.csv', 6, 5, 1],
      ['accounts.csv', 4, 4, 0],
      ['users.csv', 4, 4, 0],
    ]);
  });

  it.each(HOSTILE.map((name, i) => [name, i + 1] as const))('%s arrives unchanged as a person and an account name', async (name, n) => {
    const { report } = await build();
    const seller = report.sellers.find((s) => s.person.id === `u${n}`);
    expect(seller?.person.name).toBe(name);
    expect(report.teams[0]?.members.map((m) => m.name)).toContain(name);
    expect(seller?.openDeals.deals).toEqual([
      expect.objectContaining({ id: `D${n}`, name, account: name, owner: expect.objectContaining({ name }), amount: n * 1000 }),
    ]);
    // And in the published JSON, as JSON-escaped data only.
    expect(JSON.stringify(report)).toContain(JSON.stringify(name).slice(1, -1));
  });

  it('a hostile value in a rejected cell is quoted verbatim in the issue message', async () => {
    const { report } = await build();
    expect(report.rejected).toEqual([expect.objectContaining({ code: 'UnknownStage', file: 'deals.csv', line: 7, column: 5, recordId: 'D9' })]);
    expect(report.rejected[0]?.message).toContain('"<img src=x onerror=alert(1)>"');
  });

  it('a deal id like ../../etc/passwd is only an id: nothing outside the data folder is opened', async () => {
    const { report, dataDir } = await build();
    const won = report.company.volume.yearToDate;
    expect(won.wonDeals).toBe(1); // the path-like deal was read as a won deal
    expect(won.contractVolume).toBe(500);
    expect(opened.length).toBeGreaterThan(0);
    const outside = opened.filter((path) => {
      const rel = relative(dataDir, resolve(path));
      return rel.startsWith('..') || isAbsolute(rel);
    });
    expect(outside).toEqual([]);
    // Only the fixed file names are looked at.
    const names = new Set(opened.map((path) => relative(dataDir, resolve(path))));
    expect([...names].sort()).toEqual(
      ['accounts.csv', 'activities.csv', 'deals.csv', 'funnel.csv', 'invoices.csv', 'leads.csv', 'targets.csv', 'tavla.config.json', 'users.csv'].sort(),
    );
  });
});
