/**
 * Debian's Chromium for the browser tests, driven by playwright-core (which never downloads a
 * browser of its own here). The flags keep Chromium off the network it cannot reach anyway:
 * without the background-networking ones it tries Google's hosts at every start.
 *
 * Policy: CI installs Chromium (.ci/run), so there a missing browser is a failure; on a
 * developer machine without it the browser tests are skipped with a message saying how to
 * get it, and the checks that need no browser still run.
 */
import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';

/** Debian's Chromium; TAVLA_CHROMIUM may point elsewhere (another machine, or to try the policy). */
export const CHROMIUM_PATH = process.env.TAVLA_CHROMIUM || '/usr/bin/chromium';

export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

/** Whether Debian's Chromium is installed where the tests look for it. */
export function browserAvailable(): boolean {
  return existsSync(CHROMIUM_PATH);
}

export const MISSING_BROWSER_MESSAGE = `Chromium not found at ${CHROMIUM_PATH} (install it with: apt-get update && apt-get install -y chromium)`;

export interface BrowserPolicy {
  /** Run the browser tests (false only on a developer machine without Chromium). */
  run: boolean;
  /** Why they are skipped or will fail; empty when Chromium is there. */
  reason: string;
}

/** Run when Chromium is there; on CI run anyway (and fail loudly) when it is not; else skip. */
export function browserPolicy(env: NodeJS.ProcessEnv = process.env): BrowserPolicy {
  if (browserAvailable()) return { run: true, reason: '' };
  if (env.CI) return { run: true, reason: `${MISSING_BROWSER_MESSAGE}; CI must install it, so the browser tests fail` };
  return { run: false, reason: `${MISSING_BROWSER_MESSAGE}; skipping the browser tests on this machine` };
}

/** Launches Debian's Chromium headless (Playwright gives it a fresh, empty profile). */
export async function launchChromium(): Promise<Browser> {
  if (!browserAvailable()) throw new Error(MISSING_BROWSER_MESSAGE);
  return chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: CHROMIUM_ARGS });
}
