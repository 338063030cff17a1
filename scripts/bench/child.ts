/**
 * Child process of the benchmark: `node scripts/bench/child.ts <stage> <dataDir>` runs one stage
 * (see measure.ts) and prints one line `BENCH_RESULT {json}`; failures go to stderr, exit 1.
 */
import { RESULT_PREFIX, runStage, STAGES, type StageName } from './measure.ts';

const [stage, dir] = process.argv.slice(2);
if (!stage || !dir || !(STAGES as readonly string[]).includes(stage)) {
  process.stderr.write(`usage: node scripts/bench/child.ts <${STAGES.join('|')}> <dataDir>\n`);
  process.exit(2);
}
try {
  const result = await runStage(stage as StageName, dir);
  process.stdout.write(`${RESULT_PREFIX}${JSON.stringify(result)}\n`);
} catch (error) {
  // The message again on the last line: the parent reports the last lines of stderr.
  process.stderr.write(`${(error as Error).stack ?? String(error)}\n${(error as Error).message ?? String(error)}\n`);
  process.exit(1);
}
