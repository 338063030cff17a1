/**
 * Moves a finished site folder to where it is published. Astro renders inside the project
 * (its prerender chunks import packages from the project's node_modules, so they cannot run
 * from a folder elsewhere on the machine); the finished, static site is then moved next to the
 * output folder, which may be on another disk (a web root): a rename where the two share a file
 * system, else a copy and a removal of the original. Missing parent folders are made.
 */
import { cp, mkdir, rename, rm } from 'node:fs/promises';
import { dirname } from 'node:path';

export async function placeSite(from: string, to: string): Promise<void> {
  await rm(to, { recursive: true, force: true });
  await mkdir(dirname(to), { recursive: true });
  try {
    await rename(from, to);
    return;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EXDEV') throw error;
  }
  await cp(from, to, { recursive: true, preserveTimestamps: true });
  await rm(from, { recursive: true, force: true });
}
