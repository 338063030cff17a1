// Dates a report cannot use, in data cells: each is one rejected row with a message, and the
// build goes on in ordinary time. Before the year window, `0026-06-09` in activities.csv crashed
// the pipeline and `9999-12-31` made it count weeks for minutes.
import { afterAll, describe, expect, it } from 'vitest';
import { runPipeline } from '../../src/pipeline/run-pipeline.ts';
import { CONFIG, tempFolders, TINY } from './folder.ts';

const temp = tempFolders('bad-dates');
afterAll(() => temp.cleanup());
const NOW = new Date('2026-11-20T12:00:00Z');

async function run(files: Record<string, string>) {
  const started = performance.now();
  const result = await runPipeline({ dataDir: temp.folder({ ...TINY, ...files }), now: NOW, log: () => {} });
  if (!result.ok) throw new Error(result.messages.join('\n'));
  return { report: result.site.report, ms: performance.now() - started };
}

const WINDOW = 'expected a date in the years 1990–2100 (setting plausibleYears), got';

describe('dates outside the plausible years, and impossible dates', () => {
  it.each([
    ['0026-06-09', `${WINDOW} "0026-06-09"`],
    ['0000-01-01', `${WINDOW} "0000-01-01"`],
    ['9999-12-31', `${WINDOW} "9999-12-31"`],
    ['1989-12-31', `${WINDOW} "1989-12-31"`],
    ['2101-01-01', `${WINDOW} "2101-01-01"`],
    ['09.06.0026', `${WINDOW} "09.06.0026"`],
    ['0026-06-09T10:00:00Z', `${WINDOW} "0026-06-09T10:00:00Z"`],
    ['2026-02-30', 'expected a date, got "2026-02-30" (no such day)'],
    ['2026-13-45', 'expected a date, got "2026-13-45" (no such day)'],
  ])('an activity dated %s is one rejected row (BadDate), counted', async (date, message) => {
    const activities = `id,type,date,owner\nX1,call,2026-11-18,u1\nX2,call,${date},u2\nX3,meeting_held,2026-11-19,u2\n`;
    const { report, ms } = await run({ 'activities.csv': activities });
    const file = report.files.find((f) => f.file === 'activities.csv')!;
    expect([file.read, file.accepted, file.rejected]).toEqual([3, 2, 1]);
    expect(report.rejected).toContainEqual(expect.objectContaining({ code: 'BadDate', file: 'activities.csv', line: 3, field: 'date', message }));
    expect(ms).toBeLessThan(20_000);
  });

  it.each(['0026-06-09', '9999-12-31'])('a deal closing %s is one rejected row', async (date) => {
    const deals = `${(TINY['deals.csv'] as string).trimEnd()}\nD4,Delta,A2,u2,proposal,1000,2026-10-01,${date}\n`;
    const { report } = await run({ 'deals.csv': deals });
    expect(report.rejected).toContainEqual(
      expect.objectContaining({ code: 'BadDate', file: 'deals.csv', line: 5, field: 'close_date', message: `${WINDOW} "${date}"` }),
    );
  });

  it('takes the window from the settings', async () => {
    const config = JSON.stringify({ ...JSON.parse(CONFIG), plausibleYears: { from: 1900, to: 9999 } });
    const activities = 'id,type,date,owner\nX1,call,2026-11-18,u1\nX2,call,1950-06-09,u2\n';
    const { report } = await run({ 'tavla.config.json': config, 'activities.csv': activities });
    expect(report.files.find((f) => f.file === 'activities.csv')!.accepted).toBe(2);
  });
});
