/**
 * Which file of the data folder is read as what. Per canonical file, in this order: the settings'
 * mapping, else the canonical file itself (deals.csv…), else the CSV exports whose headers a
 * preset recognises. Every other CSV file's header is read once and scored against the presets: a
 * preset fits when one of its signatures is found; the best fit has no required column missing and
 * the most columns found. The plan carries log lines saying what was recognised from which
 * headers, and, for a missing deals file, the exports that came closest.
 */
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { FileSpec } from '../schemas/column.ts';
import type { Settings } from '../settings/schema.ts';
import type { Issue } from '../core/issue.ts';
import { matchColumns, collisionNotes } from './bind.ts';
import { planMapping } from './mapping.ts';
import { readHeaderOrReason } from './read-header.ts';
import { PRESETS } from './registry.ts';
import { SETTINGS_SOURCES, type SettingsSource, type SourceAdapter, type Target } from './types.ts';

export interface PlannedSource {
  target: Target | SettingsSource;
  file: string;
  adapter: SourceAdapter;
}

export interface SourcePlan {
  /** Files read instead of a canonical file, in canonical file order. */
  sources: PlannedSource[];
  /** Log lines: what was recognised, from which headers, and what is ignored. */
  notes: string[];
  /** Settings problems in the mapping. */
  fatal: Issue[];
  /** For a missing deals file: `Opps.csv looks like a Salesforce opportunities report but has no "Stage"`. */
  nearMisses: string[];
}

interface Fit {
  adapter: SourceAdapter;
  found: number;
  missing: number;
  /** Up to four matched headers as written, for the log line. */
  shown: string[];
}

const MAX_SHOWN = 4;

function fitOf(adapter: SourceAdapter, header: string[], file: string): Fit | undefined {
  const { position, missing } = matchColumns(adapter, header);
  const signed = adapter.signatures.some(
    (signature) => signature.keys.every((key) => position[key] !== undefined) && (!signature.fileName || signature.fileName.test(file)),
  );
  if (!signed) return undefined;
  // Shown: the identifying headers first, then the required ones, then the rest as they stand.
  const keys = [
    ...adapter.signatures.flatMap((signature) => signature.keys),
    ...adapter.columns.filter((column) => column.required).map((column) => column.key),
    ...adapter.columns.map((column) => column.key),
  ];
  const positions = [...new Set(keys.map((key) => position[key]).filter((at) => at !== undefined))];
  const shown = positions.slice(0, MAX_SHOWN).map((at) => (header[at] ?? '').replace(/^\uFEFF/, '').trim());
  return { adapter, found: positions.length, missing: missing.length, shown };
}

/** A fit with nothing required missing beats one without; then more columns found wins; ties keep the earlier preset. */
function isBetter(fit: Fit, best: Fit | undefined): boolean {
  if (!best) return true;
  if ((fit.missing === 0) !== (best.missing === 0)) return fit.missing === 0;
  return fit.found > best.found;
}

/** The preset that reads a header best, if any. */
export function recognise(header: string[], file: string, presets: readonly SourceAdapter[] = PRESETS): Fit | undefined {
  let best: Fit | undefined;
  for (const adapter of presets) {
    const fit = fitOf(adapter, header, file);
    if (!fit) continue;
    if (isBetter(fit, best)) best = fit;
  }
  return best;
}

/** A deals preset partly found in a header: which of its signature and required headers are missing. */
function nearMiss(header: string[], file: string): string | undefined {
  let best: { adapter: SourceAdapter; found: number; lacking: string[] } | undefined;
  for (const adapter of PRESETS.filter((preset) => preset.target === 'deals')) {
    const { position, missing } = matchColumns(adapter, header);
    const keys = [...new Set(adapter.signatures.flatMap((signature) => signature.keys))];
    const found = keys.filter((key) => position[key] !== undefined).length;
    // One shared header (`Id`, `Name`) says nothing about the CRM: a near miss needs two.
    if (found < 2 || (best && best.found >= found)) continue;
    const lackingKeys = keys.filter((key) => position[key] === undefined);
    const lacking = [...lackingKeys.map((key) => adapter.columns.find((column) => column.key === key)!.headers[0]!), ...missing.map((m) => m.column)];
    best = { adapter, found, lacking: [...new Set(lacking)] };
  }
  if (!best) return undefined;
  return `${file} looks like a ${best.adapter.label} but has no ${best.lacking.map((h) => `"${h}"`).join(', ')}`;
}

function listing(names: string[], max = 5): string {
  return names.length <= max ? names.join(', ') : `${names.slice(0, max).join(', ')} and ${names.length - max} more`;
}

export async function planSources(dataDir: string, settings: Settings, specs: Record<Target, FileSpec<unknown>>): Promise<SourcePlan> {
  const plan: SourcePlan = { sources: [], notes: [], fatal: [], nearMisses: [] };
  const files = await readdir(dataDir, { withFileTypes: true }).then(
    (entries) =>
      entries
        .filter((entry) => entry.isFile() && /\.csv$/i.test(entry.name))
        .map((entry) => entry.name)
        .sort(),
    () => [] as string[],
  );
  const targets = Object.keys(specs) as Target[];
  const mapped = new Set<Target>();
  const taken = new Set<string>();
  for (const target of targets) {
    const mapping = settings.mapping?.[target];
    if (!mapping) continue;
    const { adapter, issues } = await planMapping(dataDir, target, mapping, specs[target]);
    plan.fatal.push(...issues);
    if (!adapter) continue;
    mapped.add(target);
    taken.add(mapping.file.normalize('NFC'));
    plan.sources.push({ target, file: mapping.file, adapter });
    const joined = mapping.join ? ` (joined with ${mapping.join.file} by ${mapping.join.key})` : '';
    plan.notes.push(`${target}: ${mapping.file}, read with the mapping from the settings${joined}`);
  }
  const canonical = new Set(targets.map((target) => specs[target].file));
  const detected: (PlannedSource & { note: string })[] = [];
  const unknown: string[] = [];
  for (const file of files) {
    if (taken.has(file.normalize('NFC')) || canonical.has(file.toLowerCase())) continue;
    const { header, unreadable } = await readHeaderOrReason(join(dataDir, file));
    if (unreadable) {
      // Named first: a deals export that cannot be read must not be blamed on another file.
      plan.nearMisses.unshift(`${file} is not a CSV text file (${unreadable})`);
      plan.notes.push(`${file}: not read, not a CSV text file (${unreadable})`);
      continue;
    }
    const fit = header ? recognise(header, file) : undefined;
    if (!fit) {
      unknown.push(file);
      const miss = header ? nearMiss(header, file) : undefined;
      if (miss) plan.nearMisses.push(miss);
      continue;
    }
    const { adapter } = fit;
    const headers = `${fit.shown.join(', ')}${fit.found > fit.shown.length ? ', …' : ''}`;
    if (adapter.target === 'unused') {
      plan.notes.push(`${file}: ${adapter.label} recognised but not read (${adapter.unusedReason ?? 'not used'})`);
      continue;
    }
    if (!SETTINGS_SOURCES.includes(adapter.target)) {
      const target = adapter.target as Target;
      const instead = mapped.has(target) ? 'the mapping in the settings' : files.includes(specs[target].file) ? specs[target].file : undefined;
      if (instead) {
        plan.notes.push(`${target}: ${file} (${adapter.label}) ignored: ${instead} is used`);
        continue;
      }
    }
    detected.push({ target: adapter.target, file, adapter, note: `${adapter.target}: ${adapter.label} (${headers}) in ${file}` });
    plan.notes.push(...collisionNotes(file, adapter, header!));
  }
  const order = [...targets, ...SETTINGS_SOURCES];
  detected.sort((a, b) => order.indexOf(a.target) - order.indexOf(b.target));
  for (const { note, ...source } of detected) {
    plan.sources.push(source);
    if (!SETTINGS_SOURCES.includes(source.target)) plan.notes.push(note);
  }
  if (unknown.length > 0) plan.notes.push(`not recognised, not read: ${listing(unknown)}`);
  plan.sources.sort((a, b) => order.indexOf(a.target) - order.indexOf(b.target));
  return plan;
}
