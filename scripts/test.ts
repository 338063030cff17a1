/**
 * `npm test`: the one command that gates everything — type check, typed lint (eslint.config.js), the
 * formatter's check (.prettierrc.json),
 * `astro check` (the pages' types), then every vitest project (unit tests with the import-graph check, golden scenarios,
 * and the end-to-end build of the demo site with the browser tests), then the period and ingest
 * tests once more in a time zone behind UTC, where a date taken from local time moves a day.
 * Exits non-zero when any step fails.
 */
import { spawnSync } from 'node:child_process';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const env = { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', TZ: 'UTC' };

function run(label: string, args: string[], extraEnv: Record<string, string> = {}): void {
  process.stdout.write(`\n▶ ${label}\n`);
  const result = spawnSync(process.execPath, args, { cwd: root, stdio: 'inherit', env: { ...env, ...extraEnv } });
  if (result.status !== 0) {
    process.stdout.write(`\n✗ ${label} failed\n`);
    process.exit(result.status ?? 1);
  }
}

run('type check (tsc --noEmit)', [join(root, 'node_modules/typescript/bin/tsc'), '--noEmit', '-p', root]);
run('lint (eslint, typed)', [join(root, 'node_modules/eslint/bin/eslint.js'), '--max-warnings=0', root]);
run('format check (prettier)', [
  join(root, 'node_modules/prettier/bin/prettier.cjs'),
  '--check',
  'src/**/*.ts',
  'scripts/**/*.ts',
  'test/**/*.ts',
  '*.{ts,mjs,js}',
]);
run('astro check', [join(root, 'node_modules/astro/bin/astro.mjs'), 'check']);
const vitest = join(root, 'node_modules/vitest/vitest.mjs');
run('tests (vitest: unit + e2e)', [vitest, 'run', ...process.argv.slice(2)]);
const otherZone = 'America/Los_Angeles';
run(`period and ingest tests again, TZ=${otherZone}`, [vitest, 'run', '--project', 'unit', 'test/periods', 'test/ingest'], { TZ: otherZone });
