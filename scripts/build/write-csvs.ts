/**
 * Writes the CSV downloads, `/data/<table-id>.csv`, into a built site: one file per table, the
 * text `toCsv` makes of it. The build writes them itself, table after table, after the pages are
 * rendered, so neither the renderer nor the build holds more than one table's rows and text at a
 * time (a deal list of the weeks and months holds every deal).
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { toCsv, type ViewTable } from '../../src/views/table.ts';

/** A table id names a file of the site's data folder: no folder parts, no hidden file. */
const FILE_ID = /^[^/\\.][^/\\]*$/;

/** Writes each table to `<siteDir>/data/<id>.csv`; returns how many files were written. */
export async function writeTableCsvs(siteDir: string, tables: Iterable<ViewTable>): Promise<number> {
  const dir = join(siteDir, 'data');
  await mkdir(dir, { recursive: true });
  let written = 0;
  for (const table of tables) {
    if (!FILE_ID.test(table.id)) throw new Error(`the table id "${table.id}" cannot name a CSV file`);
    // `wx`: a second table of the same id fails instead of replacing the first one's file.
    await writeFile(join(dir, `${table.id}.csv`), toCsv(table), { flag: 'wx' });
    written += 1;
  }
  return written;
}
