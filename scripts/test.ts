/**
 * `npm test`: the one command that gates everything — type check, then every vitest project
 * (unit tests, golden scenarios, and the end-to-end build of the demo site with the browser
 * tests). Exits non-zero when any step fails.
 */
import { spawnSync } from 'node:child_process';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const env = { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', TZ: 'UTC' };

function run(label: string, args: string[]): void {
  process.stdout.write(`\n▶ ${label}\n`);
  const result = spawnSync(process.execPath, args, { cwd: root, stdio: 'inherit', env });
  if (result.status !== 0) {
    process.stdout.write(`\n✗ ${label} failed\n`);
    process.exit(result.status ?? 1);
  }
}

run('type check (tsc --noEmit)', [join(root, 'node_modules/typescript/bin/tsc'), '--noEmit', '-p', root]);
run('tests (vitest: unit + e2e)', [join(root, 'node_modules/vitest/vitest.mjs'), 'run', ...process.argv.slice(2)]);
