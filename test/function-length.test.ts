/**
 * No function over 80 lines: every function body in src/ and scripts/ (the benchmark and the
 * demo generator aside) is at most 80 lines, counted from the body's opening line to its closing
 * line. Read with the TypeScript parser, so methods, arrow functions and nested functions count
 * each on their own. Astro pages are left out: their frontmatter is not a function.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const MAX_LINES = 80;
/** Tools, not product: the benchmark's generators and runner, and the demo company's generator. */
const SKIPPED = ['scripts/bench', 'scripts/demo'];

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (SKIPPED.includes(relative(ROOT, path))) return [];
    if (entry.isDirectory()) return sourceFiles(path);
    return /\.ts$/.test(entry.name) && !entry.name.endsWith('.d.ts') ? [path] : [];
  });
}

/** The name a function goes by: its own, or that of the variable, property or class member holding it. */
function nameOf(node: ts.FunctionLikeDeclaration, file: ts.SourceFile): string {
  if (node.name) return node.name.getText(file);
  const parent = node.parent;
  if ((ts.isVariableDeclaration(parent) || ts.isPropertyAssignment(parent) || ts.isPropertyDeclaration(parent)) && parent.name) {
    return parent.name.getText(file);
  }
  return `<anonymous>:${file.getLineAndCharacterOfPosition(node.getStart(file)).line + 1}`;
}

/** `path: name (N lines)` for each function whose body is longer than `max` lines. */
function longFunctions(path: string, text: string, max = MAX_LINES): { key: string; lines: number }[] {
  const file = ts.createSourceFile(path, text, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
  const found: { key: string; lines: number }[] = [];
  const visit = (node: ts.Node) => {
    if (ts.isFunctionLike(node) && 'body' in node && node.body) {
      const body = node.body as ts.Node;
      const first = file.getLineAndCharacterOfPosition(body.getStart(file)).line;
      const last = file.getLineAndCharacterOfPosition(body.getEnd()).line;
      const lines = last - first + 1;
      if (lines > max) found.push({ key: `${path}: ${nameOf(node as ts.FunctionLikeDeclaration, file)}`, lines });
    }
    ts.forEachChild(node, visit);
  };
  visit(file);
  return found;
}

describe('function length', () => {
  const found = ['src', 'scripts']
    .flatMap((dir) => sourceFiles(join(ROOT, dir)))
    .flatMap((file) => longFunctions(relative(ROOT, file), readFileSync(file, 'utf8')));

  it('counts body lines of declarations, methods and arrow functions', () => {
    const body = (n: number) => Array.from({ length: n }, (_, i) => `  const v${i} = ${i};`).join('\n');
    const text = [
      `export function long() {\n${body(79)}\n}`, // 79 + 2 braces = 81 lines
      `function fits() {\n${body(78)}\n}`, // 80 lines
      `const arrow = () => {\n${body(79)}\n};`,
      `class A {\n  method() {\n${body(79)}\n  }\n}`,
    ].join('\n');
    expect(longFunctions('src/x.ts', text).map((f) => `${f.key} (${f.lines})`)).toEqual([
      'src/x.ts: long (81)',
      'src/x.ts: arrow (81)',
      'src/x.ts: method (81)',
    ]);
  });

  it(`keeps every function of src/ and scripts/ within ${MAX_LINES} lines`, () => {
    expect(found.map((f) => `${f.key} (${f.lines} lines)`)).toEqual([]);
  });
});
