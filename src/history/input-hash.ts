/**
 * Fingerprint of a build's inputs, stored in each snapshot so one can tell whether two builds
 * read the same export. Reads files; does not write.
 *
 * @summary SHA-256 (hex) over the listed files in code-unit order of their names (the order given
 * does not matter; duplicates count once). Per file: `name NUL byteLength NUL` followed by the
 * file's bytes, streamed; a missing file contributes `name NUL - NUL` instead. The length prefix
 * keeps the framing unambiguous (no two different file sets hash the same input stream). Errors
 * other than "no such file" are thrown, as is a file whose size changes while it is read.
 *
 * @example
 * await hashInputs('data', ['deals.csv', 'users.csv']) //=> '3f1c…' (64 hex digits)
 */
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { join } from 'node:path';

export async function hashInputs(dataDir: string, fileNames: readonly string[]): Promise<string> {
  const hash = createHash('sha256');
  const names = [...new Set(fileNames)].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  for (const name of names) {
    const path = join(dataDir, name);
    let size: number;
    try {
      size = (await stat(path)).size;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
      hash.update(`${name}\u0000-\u0000`);
      continue;
    }
    hash.update(`${name}\u0000${size}\u0000`);
    let read = 0;
    for await (const chunk of createReadStream(path) as AsyncIterable<Buffer>) {
      read += chunk.length;
      hash.update(chunk);
    }
    if (read !== size) throw new Error(`${name} changed while it was being read (${size} bytes, then ${read})`);
  }
  return hash.digest('hex');
}
