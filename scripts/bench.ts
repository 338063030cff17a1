/**
 * `npm run bench` (Node 24): throughput and memory of the pipeline on a large generated export.
 * See docs/performance.md and `npm run bench -- --help`.
 */
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { HELP, parseArgs } from './bench/args.ts';
import { runBench } from './bench/run-bench.ts';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const argv = process.argv.slice(2);
let args;
try {
  args = parseArgs(argv);
} catch (error) {
  process.stderr.write(`${(error as Error).message}\n\n${HELP}`);
  process.exit(2);
}
if (args.help) {
  process.stdout.write(HELP);
  process.exit(0);
}
const major = Number(process.versions.node.split('.')[0]);
if (major < 24) {
  process.stderr.write(`bench: needs Node 24 (this is ${process.version}); run it with npm run bench or npx node scripts/bench.ts\n`);
  process.exit(2);
}
await runBench(args, root, ['node scripts/bench.ts', ...argv].join(' '));
