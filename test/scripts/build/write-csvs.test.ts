import { existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeTableCsvs } from '../../../scripts/build/write-csvs.ts';
import { runPipeline } from '../../../src/pipeline/run-pipeline.ts';
import { allTables, eachTable } from '../../../src/views/all-tables.ts';
import { toCsv, type ViewTable } from '../../../src/views/table.ts';

function table(id: string, rows: (string | number | null)[][]): ViewTable {
  return { id, title: id, columns: [], rows: [], csv: { header: ['Deal', 'Amount'], rows } };
}

const site = (): string => mkdtempSync(join(tmpdir(), 'tavla-csv-'));

describe('writing the CSV downloads', () => {
  it('writes each table to data/<id>.csv as toCsv makes it, and counts them', async () => {
    const dir = site();
    const tables = [
      table('won-deals', [
        ['Fjällbacka AB', 1200],
        ['"Quoted", Ltd', null],
      ]),
      table('open-deals', []),
    ];
    expect(await writeTableCsvs(dir, tables)).toBe(2);
    expect(readdirSync(join(dir, 'data')).sort()).toEqual(['open-deals.csv', 'won-deals.csv']);
    for (const t of tables) expect(readFileSync(join(dir, 'data', `${t.id}.csv`), 'utf8')).toBe(toCsv(t));
    // Written out by hand: BOM, header, rows joined by CRLF, a quoted cell with its quotes doubled.
    expect(readFileSync(join(dir, 'data', 'won-deals.csv'), 'utf8')).toBe('\uFEFFDeal,Amount\r\nFjällbacka AB,1200\r\n"""Quoted"", Ltd",\r\n');
  });

  it('asks for the next table only once the previous one is written', async () => {
    const dir = site();
    const seen: boolean[] = [];
    function* lazily(): Generator<ViewTable> {
      yield table('first', [['a', 1]]);
      seen.push(existsSync(join(dir, 'data', 'first.csv')));
      yield table('second', [['b', 2]]);
      seen.push(existsSync(join(dir, 'data', 'second.csv')));
    }
    expect(await writeTableCsvs(dir, lazily())).toBe(2);
    expect(seen).toEqual([true, true]);
  });

  it('fails on a second table of the same id instead of replacing the first', async () => {
    const dir = site();
    await expect(writeTableCsvs(dir, [table('dup', [['first', 1]]), table('dup', [['second', 2]])])).rejects.toThrow(/exist/);
    expect(readFileSync(join(dir, 'data', 'dup.csv'), 'utf8')).toContain('first');
  });

  it('refuses ids that would leave the data folder or hide the file', async () => {
    await expect(writeTableCsvs(site(), [table('../report', [])])).rejects.toThrow('cannot name a CSV file');
    await expect(writeTableCsvs(site(), [table('.hidden', [])])).rejects.toThrow('cannot name a CSV file');
  });

  it('writes every table of a computed report, byte for byte, one file per id', async () => {
    const dataDir = join(import.meta.dirname, '../../fixtures/crm/generic');
    const result = await runPipeline({ dataDir, now: new Date('2026-11-20T12:00:00Z'), log: () => {} });
    if (!result.ok) throw new Error(result.messages.join('\n'));
    const { report, dealRows } = result.site;
    const dir = site();
    const expected = allTables(report, dealRows);
    expect(expected.length).toBeGreaterThan(10);
    expect(await writeTableCsvs(dir, eachTable(report, dealRows))).toBe(expected.length);
    expect(readdirSync(join(dir, 'data')).sort()).toEqual(expected.map((t) => `${t.id}.csv`).sort());
    for (const t of expected) expect(readFileSync(join(dir, 'data', `${t.id}.csv`), 'utf8'), t.id).toBe(toCsv(t));
  });
});
