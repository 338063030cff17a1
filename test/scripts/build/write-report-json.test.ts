import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeReportJson } from '../../../scripts/build/write-report-json.ts';
import type { Report } from '../../../src/report/site-model.ts';

describe('report.json written by the build', () => {
  it('is the report as JSON.stringify with one space of indent makes it, and is never overwritten', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tavla-report-json-'));
    // Long enough to be written in several batches of about a megabyte.
    const report = { meta: { company: 'Fjällbacka AB' }, weeks: Array.from({ length: 40_000 }, (_, i) => ({ week: `W${i}`, note: 'Ærø "AB"' })) };
    await writeReportJson(dir, report as unknown as Report);
    const text = readFileSync(join(dir, 'report.json'), 'utf8');
    expect(text.length).toBeGreaterThan(2 << 20);
    expect(text).toBe(JSON.stringify(report, null, 1));
    await expect(writeReportJson(dir, report as unknown as Report)).rejects.toThrow(/EEXIST/);
  });
});
