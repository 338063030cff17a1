// `npm run check-data`: exit 2 when a file loses most of its rows, with the setting that fixes it.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '../..');
const usDates = join(root, 'test/fixtures/real-world/excel-us-dates');

function checkData(folder: string) {
  return spawnSync(process.execPath, [join(root, 'scripts/check-data.ts'), folder], { cwd: root, encoding: 'utf8' });
}

describe('check-data', () => {
  it('exits 0 when every file keeps its rows', () => {
    expect(checkData(usDates).status).toBe(0);
  });

  it('exits 2 when most rows of a file are rejected, naming the file and the setting that fixes it', () => {
    const folder = mkdtempSync(join(tmpdir(), 'tavla-check-data-'));
    cpSync(usDates, folder, { recursive: true });
    const config = JSON.parse(readFileSync(join(folder, 'tavla.config.json'), 'utf8'));
    writeFileSync(join(folder, 'tavla.config.json'), JSON.stringify({ ...config, dateOrder: 'dmy' }));
    const run = checkData(folder);
    expect(run.status).toBe(2);
    // Close Date: 3/15/2017, 06/01/17, 7/20/2017, 1/31/2018, 2/28/18 are impossible as day/month;
    // only 12/20/2016 is real both ways → 5 of 6 rows rejected.
    expect(run.stderr).toContain('✗ Lead to Deal.csv: 5 of 6 rows rejected');
    expect(run.stdout).toContain(
      'Close Date: 5 of 6 rows have dates that are impossible as day/month/year but real as month/day/year (e.g. "3/15/2017"): set "dateOrder": "mdy"',
    );
  }, 60_000);
});
