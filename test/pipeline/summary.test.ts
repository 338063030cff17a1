// formatSummary: the one-screen build summary, rows read / accepted / rejected per file.
import { afterAll, describe, expect, it } from 'vitest';
import type { FileAccount } from '../../src/core/file-account.ts';
import { runPipeline } from '../../src/pipeline/run-pipeline.ts';
import { formatSummary } from '../../src/pipeline/summary.ts';
import { TINY, tempFolders } from './folder.ts';

const temp = tempFolders('summary');
afterAll(() => temp.cleanup());

const files: FileAccount[] = [
  { file: 'deals.csv', present: true, read: 1204, accepted: 1190, rejected: 14, encoding: 'utf-8-bom', delimiter: ';', ms: 31.2 },
  { file: 'activities.csv', present: true, read: 0, accepted: 0, rejected: 0, encoding: 'windows-1252', delimiter: '\t', ms: 1 },
  { file: 'targets.csv', present: false, read: 0, accepted: 0, rejected: 0, ms: 0 },
];

describe('formatSummary', () => {
  it('one line per file: read, accepted, rejected and the dialect; absent files say so', () => {
    const timings = [
      { stage: 'settings', ms: 0.4 },
      { stage: 'read + validate', ms: 41.5 },
      { stage: 'metrics + report', ms: 120.49 },
    ];
    // Columns: file padded to 16, then read / accepted / rejected right-aligned in 9.
    expect(formatSummary(files, timings).split('\n')).toEqual([
      'file                  read  accepted  rejected  dialect',
      'deals.csv             1204      1190        14  utf-8-bom, ";"',
      'activities.csv           0         0         0  windows-1252, tab',
      'targets.csv              —         —         —  (not in the data folder)',
      'settings 0 ms · read + validate 42 ms · metrics + report 120 ms',
    ]);
  });

  it("a one-column file says so (the reader's delimiter 'none' is not a character)", () => {
    const single: FileAccount = { file: 'funnel.csv', present: true, read: 2, accepted: 1, rejected: 1, encoding: 'utf-8', delimiter: 'none', ms: 0 };
    expect(formatSummary([single], []).split('\n')[1]).toBe('funnel.csv               2         1         1  utf-8, one column');
  });

  it('the pipeline summary shows read / accepted / rejected for every file', async () => {
    const result = await runPipeline({ dataDir: temp.folder(TINY), now: new Date('2026-11-20T12:00:00Z'), log: () => {} });
    if (!result.ok) throw new Error(result.messages.join('\n'));
    const lines = result.summary.split('\n');
    // Hand count: see TINY in folder.ts.
    expect(lines.slice(0, 9)).toEqual([
      'file                  read  accepted  rejected  dialect',
      'deals.csv                3         2         1  utf-8, ","',
      'accounts.csv             2         2         0  utf-8, ","',
      'activities.csv           3         2         1  utf-8, ","',
      'users.csv                2         2         0  utf-8, ","',
      'targets.csv              —         —         —  (not in the data folder)',
      'funnel.csv               —         —         —  (not in the data folder)',
      'invoices.csv             —         —         —  (not in the data folder)',
      'leads.csv                —         —         —  (not in the data folder)',
    ]);
    expect(lines[9]).toMatch(/^settings \d+ ms · read \+ validate \d+ ms · model \d+ ms · quality \d+ ms · metrics \+ report \d+ ms$/);
    expect(lines).toHaveLength(10);
  });
});
