/**
 * Writes `/report.json`, every computed figure (docs/report-json.md), into a built site. The
 * build writes it itself, in pieces (src/views/json-chunks.ts: the text of
 * `JSON.stringify(report, null, 1)`), so neither it nor the renderer holds the file as one
 * string or buffer; on the benchmark's full export it is about 250 MB.
 */
import { join } from 'node:path';
import type { Report } from '../../src/report/site-model.ts';
import { jsonChunks } from '../../src/views/json-chunks.ts';
import { writePieces } from './write-pieces.ts';

/** Writes the report to `<siteDir>/report.json`; fails if the file is there already. */
export async function writeReportJson(siteDir: string, report: Report): Promise<void> {
  await writePieces(join(siteDir, 'report.json'), jsonChunks(report), 'wx');
}
