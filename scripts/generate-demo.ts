/**
 * Writes the demo company (scripts/demo/) into a data folder.
 *   node scripts/generate-demo.ts [outDir]     (default: data/)
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { generateDemo } from './demo/generate.ts';

const outDir = process.argv[2] ?? 'data';
const started = performance.now();
const demo = generateDemo();
mkdirSync(outDir, { recursive: true });
let bytes = 0;
for (const [name, content] of Object.entries(demo.files)) {
  writeFileSync(join(outDir, name), content);
  bytes += Buffer.byteLength(content);
  const rows = demo.counts[name];
  console.log(`${join(outDir, name).padEnd(30)} ${rows === undefined ? '' : `${rows} rows`}`);
}
console.log(
  `${Object.keys(demo.files).length} files, ${(bytes / 1024 / 1024).toFixed(2)} MB, seed ${demo.seed}, ${Math.round(performance.now() - started)} ms`,
);
