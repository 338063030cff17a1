// Negative amounts: a deal's amount and a target's value below zero are rejected rows
// (NegativeAmount), so an open deal at -5,000,000 no longer lowers the open pipeline silently;
// an invoice may be negative (a credit note) and is kept.
import { afterAll, describe, expect, it } from 'vitest';
import { runPipeline } from '../../src/pipeline/run-pipeline.ts';
import { tempFolders, TINY } from './folder.ts';

const temp = tempFolders('negative');
afterAll(() => temp.cleanup());

async function run(files: Record<string, string>) {
  const result = await runPipeline({ dataDir: temp.folder({ ...TINY, ...files }), now: new Date('2026-11-20T12:00:00Z'), log: () => {} });
  if (!result.ok) throw new Error(result.messages.join('\n'));
  return result.site.report;
}

const counts = (report: Awaited<ReturnType<typeof run>>, file: string) => {
  const f = report.files.find((x) => x.file === file)!;
  return [f.read, f.accepted, f.rejected];
};

describe('negative amounts', () => {
  it('an open deal at -5,000,000 is a rejected row with its reason, and no part of the pipeline', async () => {
    const deals = `${(TINY['deals.csv'] as string).trimEnd()}\nD4,Minus,A2,u2,proposal,-5000000,2026-10-01,2026-12-20\n`;
    const report = await run({ 'deals.csv': deals });
    // TINY: 3 read = 2 accepted + 1 rejected; D4 adds one read and one rejected.
    expect(counts(report, 'deals.csv')).toEqual([4, 2, 2]);
    expect(report.rejected).toContainEqual(
      expect.objectContaining({
        code: 'NegativeAmount',
        file: 'deals.csv',
        line: 5,
        field: 'amount',
        recordId: 'D4',
        message: 'expected zero or more, got -5,000,000; this row is not used',
      }),
    );
    // Open pipeline: D1 only (100 000), as without D4.
    expect(JSON.stringify(report)).not.toContain('-5000000');
  });

  it('a negative target is rejected; a negative invoice (credit note) is kept', async () => {
    const report = await run({
      'targets.csv': 'period,scope,scope_id,measure,value\nFY2026,company,,volume:total,1000000\nFY2026,seller,u1,volume:total,-200000\n',
      'invoices.csv': 'id,account_id,deal_id,date,amount\nI1,A2,D2,2026-11-05,50000\nI2,A2,D2,2026-11-10,-5000\n',
    });
    expect(counts(report, 'targets.csv')).toEqual([2, 1, 1]);
    expect(report.rejected).toContainEqual(expect.objectContaining({ code: 'NegativeAmount', file: 'targets.csv', line: 3, field: 'value' }));
    expect(counts(report, 'invoices.csv')).toEqual([2, 2, 0]);
  });
});
