/**
 * Writes `/report.json`, every computed figure (docs/report-json.md), into a built site. The
 * build writes it itself, in pieces of about a megabyte (src/views/json-chunks.ts: the text of
 * `JSON.stringify(report, null, 1)`), so neither it nor the renderer holds the file as one
 * string or buffer; on the benchmark's full export it is about 250 MB.
 */
import { open } from 'node:fs/promises';
import { join } from 'node:path';
import type { Report } from '../../src/report/site-model.ts';
import { jsonChunks } from '../../src/views/json-chunks.ts';

/** Writes the report to `<siteDir>/report.json`; fails if the file is there already. */
export async function writeReportJson(siteDir: string, report: Report): Promise<void> {
  const file = await open(join(siteDir, 'report.json'), 'wx');
  try {
    let batch = '';
    for (const chunk of jsonChunks(report)) {
      batch += chunk;
      if (batch.length < 1 << 20) continue;
      await file.write(batch);
      batch = '';
    }
    await file.write(batch);
  } finally {
    await file.close();
  }
}
