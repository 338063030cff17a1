/**
 * Benchmark datasets on disk: one folder per size under the bench data folder, with a
 * `bench-manifest.json` naming the generator version, options and files, so a later run reuses
 * the data instead of writing hundreds of MB again.
 */
import { readFile, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { generateLarge, GENERATOR_VERSION, type GeneratedFile, type LargeOptions } from './generate-large.ts';

export interface Dataset {
  dir: string;
  options: LargeOptions;
  files: GeneratedFile[];
  /** Generation time of this run; undefined when the cached data was used. */
  generatedMs?: number;
}

const MANIFEST = 'bench-manifest.json';

export function datasetName(o: LargeOptions): string {
  return `d${o.deals}-a${o.activities}-c${o.accounts}-s${o.sellers}-t${o.teams}-y${o.years}-seed${o.seed}-${o.asOf}`;
}

async function cached(dir: string, options: LargeOptions): Promise<GeneratedFile[] | undefined> {
  try {
    const manifest = JSON.parse(await readFile(join(dir, MANIFEST), 'utf8')) as { version: number; options: LargeOptions; files: GeneratedFile[] };
    if (manifest.version !== GENERATOR_VERSION || JSON.stringify(manifest.options) !== JSON.stringify(options)) return undefined;
    for (const file of manifest.files) {
      if ((await stat(join(dir, file.file))).size !== file.bytes) return undefined;
    }
    return manifest.files;
  } catch {
    return undefined;
  }
}

/** The dataset for `options` under `root`: the cached one, or freshly generated. */
export async function ensureDataset(root: string, options: LargeOptions, regenerate: boolean): Promise<Dataset> {
  const dir = join(root, datasetName(options));
  if (!regenerate) {
    const files = await cached(dir, options);
    if (files) return { dir, options, files };
  }
  await rm(dir, { recursive: true, force: true });
  const generated = await generateLarge(dir, options);
  await writeFile(join(dir, MANIFEST), JSON.stringify({ version: GENERATOR_VERSION, options, files: generated.files }, null, 2) + '\n');
  return { dir, options, files: generated.files, generatedMs: generated.ms };
}
