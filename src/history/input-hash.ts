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
import { createHash, type Hash } from 'node:crypto';
import { open, stat } from 'node:fs/promises';
import { join } from 'node:path';

/**
 * Files are read into one buffer, reused: a stream would allocate a new 64 KiB buffer per chunk,
 * and each such allocation is a system call under the memory settings a build may run with
 * (glibc's `MALLOC_MMAP_THRESHOLD_`; the hash of the 470 MB benchmark export took 4-7 s that way
 * instead of about 1 s).
 */
const CHUNK_BYTES = 1024 * 1024;

/** Feeds the file's bytes to the hash; returns how many were read. */
async function hashFile(hash: Hash, path: string, buffer: Buffer): Promise<number> {
  const file = await open(path, 'r');
  try {
    let read = 0;
    for (;;) {
      const { bytesRead } = await file.read(buffer, 0, buffer.length, null);
      if (bytesRead === 0) return read;
      hash.update(buffer.subarray(0, bytesRead));
      read += bytesRead;
    }
  } finally {
    await file.close();
  }
}

export async function hashInputs(dataDir: string, fileNames: readonly string[]): Promise<string> {
  const hash = createHash('sha256');
  const buffer = Buffer.allocUnsafe(CHUNK_BYTES);
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
    const read = await hashFile(hash, path, buffer);
    if (read !== size) throw new Error(`${name} changed while it was being read (${size} bytes, then ${read})`);
  }
  return hash.digest('hex');
}
