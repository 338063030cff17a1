/**
 * Writes a file from a generator of text pieces, a megabyte or so at a time, so that a file of
 * hundreds of MB (the site model, report.json) is never one string in memory.
 */
import { open } from 'node:fs/promises';

/**
 * Writes the pieces to `path` and gives back the generator's result. `flag` is the file's open
 * flag: `w` replaces a file, `wx` fails if it is there.
 */
export async function writePieces<T>(path: string, pieces: Generator<string, T>, flag: 'w' | 'wx' = 'w'): Promise<T> {
  const file = await open(path, flag);
  try {
    let batch = '';
    for (;;) {
      const next = pieces.next();
      if (next.done) {
        await file.write(batch);
        return next.value;
      }
      batch += next.value;
      if (batch.length < 1 << 20) continue;
      await file.write(batch);
      batch = '';
    }
  } finally {
    await file.close();
  }
}
