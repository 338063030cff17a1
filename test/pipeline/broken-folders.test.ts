// runPipeline on each folder in test/fixtures/broken/ (see its README): ok with honest counts,
// or {ok: false} with a message naming the file and what to fix. Never an exception.
import { describe, expect, it } from 'vitest';
import { fileURLToPath } from 'node:url';
import { runPipeline, type PipelineResult } from '../../src/pipeline/run-pipeline.ts';

const folder = (name: string): string => fileURLToPath(new URL(`../fixtures/broken/${name}`, import.meta.url));
const NOW = new Date('2026-11-20T12:00:00Z');

async function run(name: string): Promise<{ result: PipelineResult; log: string[] }> {
  const log: string[] = [];
  // A throw would fail the test with the error itself: no try/catch that could hide one.
  const result = await runPipeline({ dataDir: folder(name), now: NOW, log: (line) => log.push(line) });
  return { result, log };
}

const FIX = {
  MissingFile: 'Export the file from the CRM into the data folder, or point TAVLA_DATA at the folder that holds it.',
  MissingColumn: 'Rename the header in the CRM report (headers match ignoring case, spaces, _ and -) or add the column to the export.',
  UnreadableFile: 'Export as CSV (comma, semicolon or tab separated), not as a spreadsheet or an archive.',
  EmptyFile: 'Export the file again; a file with a header and no rows is fine, an empty one is not.',
  TruncatedFile: 'Export the file again; if it recurs, check the cell that starts on that line for a stray quote.',
};

describe('broken data folders', () => {
  it.each([
    ['missing-file', `deals.csv: required file not found in the data folder (${folder('missing-file')})`, FIX.MissingFile],
    ['missing-column', 'deals.csv:1: close_date: required column "close_date" not found; closest header is "Close Dte"', FIX.MissingColumn],
    ['binary', 'deals.csv: not a CSV text file (a PNG image)', FIX.UnreadableFile],
    ['empty', 'deals.csv: file is empty: no header line', FIX.EmptyFile],
    ['truncated', 'deals.csv:3: file ends inside a quoted field opened on line 3', FIX.TruncatedFile],
    ['wrong-encoding', 'deals.csv: not a CSV text file (UTF-16 encoded; export as CSV UTF-8)', FIX.UnreadableFile],
  ])('%s: ok false, one message naming the file and the fix', async (name, message, fix) => {
    const { result, log } = await run(name);
    expect(result).toEqual({ ok: false, messages: [`${message}\n      fix: ${fix}`] });
    expect(log).toEqual([]);
  });

  it('header-only: ok, 0 rows read, accepted and rejected', async () => {
    const { result, log } = await run('header-only');
    if (!result.ok) throw new Error(result.messages.join('\n'));
    const { report } = result.site;
    expect(report.files.map(({ file, present, read, accepted, rejected }) => [file, present, read, accepted, rejected])).toEqual([
      ['deals.csv', true, 0, 0, 0],
      ['accounts.csv', false, 0, 0, 0],
      ['activities.csv', false, 0, 0, 0],
      ['users.csv', false, 0, 0, 0],
      ['targets.csv', false, 0, 0, 0],
      ['funnel.csv', false, 0, 0, 0],
      ['invoices.csv', false, 0, 0, 0],
      ['leads.csv', false, 0, 0, 0],
    ]);
    expect(report.rejected).toEqual([]);
    expect(report.company.volume.yearToDate.wonDeals).toBe(0);
    expect(result.summary.split('\n')[1]).toBe('deals.csv                0         0         0  utf-8, ","');
    expect(log[1]).toMatch(/^as of 2026-11-20: 0 rejected-row issue\(s\), \d+ data-quality issue\(s\)$/);
  });
});
