/**
 * One kind of record (deals, activities…) read from the data folder: its canonical file, or the
 * CRM exports a preset recognised in its place, each validated on its own (one `FileResult` per
 * file, under the file's own name).
 */
import { fileSource } from '../presets/bind.ts';
import type { PlannedSource } from '../presets/detect.ts';
import type { FileSpec } from '../schemas/column.ts';
import type { Settings } from '../settings/schema.ts';
import { validateFile, type FileResult, type PartOptions, type QuickRows } from '../validate/validate-file.ts';
import { rowProgress } from './progress.ts';

export interface ReadTargetOptions {
  /** The as-of day (booked vs held meetings in CRM exports). */
  asOf: string;
  /** Receives each accepted record and the file it came from, instead of `records`. */
  keep?: (record: unknown, file: string) => void;
  /** Progress lines of large files. */
  log?: (line: string) => void;
  /** One part of the canonical file (no CRM sources): see `PartOptions`. */
  part?: PartOptions;
  /** Takes the canonical file's common rows whole (not used for CRM exports): see `QuickRows`. */
  quick?: QuickRows;
}

export async function readTarget(
  dataDir: string,
  spec: FileSpec<unknown>,
  settings: Settings,
  sources: readonly PlannedSource[],
  { asOf, keep, log, part, quick }: ReadTargetOptions,
): Promise<FileResult<unknown>[]> {
  const progressOf = (file: string) => (log ? rowProgress(file, log) : undefined);
  if (sources.length === 0) {
    const firstLine = part?.part?.firstLine;
    const label = firstLine === undefined ? spec.file : `${spec.file} from line ${firstLine}`;
    return [await validateFile(dataDir, spec, settings, undefined, keep && ((r) => keep(r, spec.file)), progressOf(label), { ...part, quick })];
  }
  if (part) throw new Error('only a canonical file is read in parts');
  const results: FileResult<unknown>[] = [];
  for (const source of sources) {
    const bound = fileSource(source.file, source.adapter, settings, asOf);
    results.push(await validateFile(dataDir, spec, settings, bound, keep && ((r) => keep(r, source.file)), progressOf(source.file)));
  }
  return results;
}
