/**
 * `npm run nightly`: the one command both the GitHub Actions workflow and the cron recipe run.
 * Restores the snapshot history, builds the site from the export, keeps tonight's snapshot,
 * prunes the history, saves it, and publishes only when everything passed (src/nightly/).
 *
 * Environment: TAVLA_DATA (the export folder; `--demo` builds the demo company instead),
 * TAVLA_OUT (the published site), TAVLA_HISTORY (a history folder) or TAVLA_HISTORY_GIT +
 * TAVLA_HISTORY_BRANCH (a git repository the run pushes to), TAVLA_TEAM, TAVLA_AS_OF, TAVLA_BASE.
 */
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { nightlyOptions } from '../src/nightly/options.ts';
import { runNightly } from '../src/nightly/run-nightly.ts';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const options = nightlyOptions(process.env, process.argv.slice(2), root);
if (typeof options === 'string') {
  process.stderr.write(`tavla nightly: ${options}\n`);
  process.exit(1);
}
const log = (line: string) => process.stdout.write(`${line}\n`);
process.exit(await runNightly(options, { root, now: new Date(), log }));
