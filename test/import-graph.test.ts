/**
 * The folders of src/ import each other in one direction only: shared vocabulary at the bottom,
 * then the stages in the order the build runs them (ingest → schemas/validate → model →
 * metrics/quality → report → views/charts → pages). Read from the import lines themselves
 * (type imports, re-exports and dynamic imports included), not from the code that runs.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const SRC = resolve(dirname(fileURLToPath(import.meta.url)), '../src');

/** Bottom first. A folder may import its own layer and the layers below it, never above. */
const LAYERS: readonly (readonly string[])[] = [
  ['core', 'i18n'], // record types, the issue type, per-file accounting; the message catalogs
  ['periods', 'settings', 'format'], // calendar arithmetic, the settings, number and date formats
  ['speed'], // fingerprints, id tables, interning, column stores
  ['ingest'],
  ['schemas', 'validate'],
  ['model', 'presets'],
  ['metrics', 'quality'],
  ['report', 'history'],
  ['pipeline'],
  ['views', 'charts'],
  ['components', 'layouts'],
  ['pages'],
  ['nightly'], // the nightly run: restore history, build, keep the snapshot, publish
];

/**
 * Imports that go against the layers today, each with why; the test fails once one is gone, so
 * the list only shrinks.
 */
const KNOWN_EXCEPTIONS: ReadonlyMap<string, string> = new Map([
  ['history/snapshot.ts -> report/scope-figures.ts', 'a snapshot is cut from the report (types only)'],
  ['history/snapshot.ts -> report/site-model.ts', 'a snapshot is cut from the report (types only)'],
]);

const IMPORT = /\b(?:import|export)\s+(?:type\s+)?(?:[\w*{}\s,$]*?\s*from\s*)?['"](\.{1,2}\/[^'"]+)['"]|\bimport\(\s*['"](\.{1,2}\/[^'"]+)['"]\s*\)/g;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return /\.(ts|astro)$/.test(entry.name) ? [path] : [];
  });
}

/** Every import from one file of src/ to another, as `from -> to` paths relative to src/. */
function importEdges(text: string, file: string): string[] {
  const edges: string[] = [];
  for (const match of text.matchAll(IMPORT)) {
    const target = resolve(dirname(file), match[1] ?? match[2]!);
    if (target.startsWith(`${SRC}/`)) edges.push(`${relative(SRC, file)} -> ${relative(SRC, target)}`);
  }
  return edges;
}

const folderOf = (path: string) => path.split('/')[0]!;
const layerOf = (folder: string) => LAYERS.findIndex((layer) => layer.includes(folder));

/** Folder-level cycles, as lists of folders, over the given folder edges (Tarjan's components). */
function folderCycles(edges: readonly [string, string][]): string[][] {
  const next = new Map<string, Set<string>>();
  for (const [a, b] of edges) {
    if (!next.has(a)) next.set(a, new Set());
    next.get(a)!.add(b);
  }
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const cycles: string[][] = [];
  const visit = (v: string) => {
    index.set(v, index.size);
    low.set(v, index.get(v)!);
    stack.push(v);
    for (const w of next.get(v) ?? []) {
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (stack.includes(w)) {
        low.set(v, Math.min(low.get(v)!, index.get(w)!));
      }
    }
    if (low.get(v) === index.get(v)) {
      const component: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        component.push(w);
      } while (w !== v);
      if (component.length > 1) cycles.push(component.sort());
    }
  };
  for (const v of next.keys()) if (!index.has(v)) visit(v);
  return cycles;
}

describe('the import graph of src/', () => {
  const edges = sourceFiles(SRC).flatMap((file) => importEdges(readFileSync(file, 'utf8'), file));
  const crossing = edges.map((edge) => edge.split(' -> ') as [string, string]).filter(([from, to]) => folderOf(from) !== folderOf(to));

  it('reads type imports, re-exports and dynamic imports', () => {
    const file = join(SRC, 'metrics/x.ts');
    const text = [
      "import type { Deal } from '../core/records.ts';",
      "import { a,\n  b } from '../periods/calendar.ts';",
      "export { c } from '../model/records.ts';",
      "const d = await import('../speed/intern.ts');",
      "import 'node:fs';",
    ].join('\n');
    expect(importEdges(text, file).map((edge) => edge.split(' -> ')[1])).toEqual([
      'core/records.ts',
      'periods/calendar.ts',
      'model/records.ts',
      'speed/intern.ts',
    ]);
  });

  it('places every folder of src/ in a layer', () => {
    const folders = new Set(sourceFiles(SRC).map((file) => folderOf(relative(SRC, file))));
    expect(
      [...folders].filter((folder) => layerOf(folder) < 0),
      'add the folder to LAYERS',
    ).toEqual([]);
  });

  it('imports only from the same layer or below', () => {
    const upward = crossing
      .filter(([from, to]) => layerOf(folderOf(to)) > layerOf(folderOf(from)))
      .map(([from, to]) => `${from} -> ${to}`)
      .filter((edge) => !KNOWN_EXCEPTIONS.has(edge));
    expect(upward).toEqual([]);
  });

  it('has no cycle between folders', () => {
    const folderEdges = crossing
      .filter(([from, to]) => !KNOWN_EXCEPTIONS.has(`${from} -> ${to}`))
      .map(([from, to]) => [folderOf(from), folderOf(to)] as [string, string]);
    expect(folderCycles(folderEdges)).toEqual([]);
  });

  it('still needs every known exception', () => {
    const present = new Set(crossing.map(([from, to]) => `${from} -> ${to}`));
    expect([...KNOWN_EXCEPTIONS.keys()].filter((edge) => !present.has(edge))).toEqual([]);
  });

  it('keeps periods/ free of the model', () => {
    expect(crossing.filter(([from, to]) => folderOf(from) === 'periods' && folderOf(to) === 'model')).toEqual([]);
  });
});
