/**
 * Global setup of the e2e project: builds the demo site once, exactly as `npm run build` does,
 * into test/output/site, and hands the folder to the tests.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, rmSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { TestProject } from 'vitest/node';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const SITE_DIR = join(root, 'test/output/site');

// The demo's snapshots are copied, so the build's own snapshot never rewrites the tracked ones.
const HISTORY_DIR = join(root, 'test/output/demo-history');

export default function setup(project: TestProject): void {
  rmSync(HISTORY_DIR, { recursive: true, force: true });
  cpSync(join(root, 'data/history'), HISTORY_DIR, { recursive: true });
  const result = spawnSync(process.execPath, [join(root, 'scripts/build.ts')], {
    cwd: root,
    encoding: 'utf8',
    env: { ...process.env, TAVLA_DATA: join(root, 'data'), TAVLA_OUT: SITE_DIR, TAVLA_HISTORY: HISTORY_DIR, ASTRO_TELEMETRY_DISABLED: '1' },
  });
  if (result.status !== 0) {
    throw new Error(`building the demo site failed:\n${result.stdout}\n${result.stderr}`);
  }
  project.provide('siteDir', SITE_DIR);
  project.provide('buildLog', result.stdout);
}

declare module 'vitest' {
  export interface ProvidedContext {
    siteDir: string;
    buildLog: string;
  }
}
