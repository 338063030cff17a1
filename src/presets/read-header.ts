/**
 * The header line of a CSV file, read with the same decoding and dialect detection as the full
 * reader but stopping as soon as the header is known (a Salesforce backup holds a hundred files;
 * detection must not read them all). Undefined for an unreadable, empty or missing file.
 */
import { openTextStream } from '../ingest/decode.ts';
import { createCsvParser } from '../ingest/read-csv.ts';

export async function readHeader(path: string): Promise<string[] | undefined> {
  return (await readHeaderOrReason(path)).header;
}

/** The header line, or why the file is not CSV text (decode.ts `unreadableReason`). */
export async function readHeaderOrReason(path: string): Promise<{ header?: string[]; unreadable?: string }> {
  let header: string[] | undefined;
  try {
    // One 64 KiB read holds the header of any export; a larger read would be read for nothing.
    const stream = await openTextStream(path, { readBytes: 64 * 1024 });
    if (stream.unreadable) return { unreadable: stream.unreadable };
    const parser = createCsvParser(() => {}, { onHeader: (fields) => (header = fields) });
    for await (const chunk of stream.chunks) {
      parser.push(chunk);
      if (header !== undefined || parser.stopped) break;
    }
    if (header === undefined) parser.end();
  } catch {
    return {};
  }
  return header !== undefined && header.length > 0 ? { header } : {};
}
