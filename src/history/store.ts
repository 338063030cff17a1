/**
 * The snapshot folder: one gzip file per as-of date, `<dir>/<asOf>.json.gz`. The only module
 * of the history that does I/O.
 *
 * @summary
 * - Writing is deterministic: JSON without spaces, object keys in code-unit order at every level
 *   (arrays keep their order), gzip level 9, and the gzip header's mtime (bytes 4–7) zeroed and
 *   OS byte (9) set to 255 "unknown", so the same snapshot gives the same bytes on any machine.
 *   A snapshot for an as-of date that already has a file replaces it (written to a temporary
 *   file, then renamed, so a crash never leaves half a file under the real name).
 * - Reading returns every `*.json.gz` snapshot sorted by asOf. A file that does not unzip, parse
 *   or match the snapshot shape, has another schemaVersion, or whose asOf differs from its file
 *   name is skipped and named in `problems`; reading never throws for bad files. A missing
 *   folder is an empty history.
 */
import { mkdir, readdir, readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { z } from 'zod';
import type { Snapshot } from './types.ts';

const SUFFIX = '.json.gz';
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

const isoDate = z.string().regex(ISO_DATE);
const keyFigures = z.object({
  volumeYtd: z.number(),
  budgetYtd: z.number().nullable(),
  attainment: z.number().nullable(),
  openCount: z.number(),
  openAmount: z.number(),
  weighted: z.number(),
  coverage: z.number().nullable(),
});
const snapshotSchema = z.object({
  schemaVersion: z.literal(1),
  asOf: isoDate,
  inputHash: z.string(),
  company: keyFigures,
  teams: z.record(z.string(), keyFigures),
  sellers: z.record(z.string(), keyFigures).optional(),
  qualityScore: z.record(z.string(), z.number().nullable()),
  deals: z.array(z.tuple([z.string(), z.string(), z.string(), z.string(), z.string(), z.string(), z.number(), isoDate])),
});

/** The file name of a snapshot: `2026-04-17.json.gz`. */
export function snapshotFileName(asOf: string): string {
  if (!ISO_DATE.test(asOf)) throw new Error(`snapshot asOf must be YYYY-MM-DD, got "${asOf}"`);
  return `${asOf}${SUFFIX}`;
}

/** JSON with object keys sorted at every level, no spaces. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, node: unknown) =>
    node && typeof node === 'object' && !Array.isArray(node) ? Object.fromEntries(Object.entries(node).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) : node,
  );
}

/** The bytes of a snapshot file. */
export function encodeSnapshot(snapshot: Snapshot): Buffer {
  const zipped = gzipSync(Buffer.from(canonicalJson(snapshot), 'utf8'), { level: 9 });
  zipped.fill(0, 4, 8); // MTIME
  zipped[9] = 255; // OS: unknown
  return zipped;
}

/** Writes `<dir>/<asOf>.json.gz`, replacing the file for that date if there is one. Returns its path. */
export async function writeSnapshot(dir: string, snapshot: Snapshot): Promise<string> {
  const path = join(dir, snapshotFileName(snapshot.asOf));
  await mkdir(dir, { recursive: true });
  const temporary = `${path}.${process.pid}.tmp`;
  await writeFile(temporary, encodeSnapshot(snapshot));
  await rename(temporary, path);
  return path;
}

/** Parses one snapshot file's bytes; a message instead of a snapshot when they are not one. */
export function decodeSnapshot(bytes: Buffer): Snapshot | string {
  let data: unknown;
  try {
    data = JSON.parse(gunzipSync(bytes).toString('utf8'));
  } catch (error) {
    return `not a gzip JSON file (${error instanceof Error ? error.message : String(error)})`;
  }
  const version = (data as { schemaVersion?: unknown } | null)?.schemaVersion;
  if (version !== 1) return `schemaVersion ${JSON.stringify(version)}, expected 1`;
  const parsed = snapshotSchema.safeParse(data);
  if (!parsed.success) {
    const first = parsed.error.issues[0];
    return `not a snapshot: ${first ? `${first.path.join('.') || '(root)'}: ${first.message}` : 'invalid'}`;
  }
  return parsed.data as Snapshot;
}

/** Every readable snapshot in `dir`, oldest first, and the files skipped with the reason. */
export async function readSnapshots(dir: string): Promise<{ snapshots: Snapshot[]; problems: string[] }> {
  let names: string[];
  try {
    names = await readdir(dir);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { snapshots: [], problems: [] };
    throw error;
  }
  const snapshots: Snapshot[] = [];
  const problems: string[] = [];
  for (const name of names.filter((n) => n.endsWith(SUFFIX)).sort()) {
    let bytes: Buffer;
    try {
      bytes = await readFile(join(dir, name));
    } catch (error) {
      problems.push(`${name}: cannot be read (${error instanceof Error ? error.message : String(error)})`);
      continue;
    }
    const result = decodeSnapshot(bytes);
    if (typeof result === 'string') problems.push(`${name}: ${result}`);
    else if (`${result.asOf}${SUFFIX}` !== name) problems.push(`${name}: holds the snapshot as of ${result.asOf}, not the file's date`);
    else snapshots.push(result);
  }
  snapshots.sort((a, b) => (a.asOf < b.asOf ? -1 : a.asOf > b.asOf ? 1 : 0));
  return { snapshots, problems };
}
