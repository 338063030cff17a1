/**
 * Guards of the build: no credentials next to exports kept in the repository, and nothing in
 * the published folder but the report itself (pages, downloads, report.json, icon, robots.txt).
 */
import { readdir } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';

const CREDENTIAL_NAMES = [
  /^\.env(\..+)?$/i,
  /\.(pem|key|p12|pfx|jks|kdbx|ppk|asc|gpg)$/i,
  /^id_(rsa|dsa|ecdsa|ed25519)(\.pub)?$/i,
  /credentials?(\.json|\.ya?ml|\.txt)?$/i,
  /(^|[._-])secrets?([._-]|$)/i,
  /^\.netrc$|^\.npmrc$|^\.pgpass$/i,
  /service[-_]?account.*\.json$/i,
];

const PUBLISHED = /\.(html|csv|json|svg|txt|ico|css)$/i;

async function walk(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  const nested = await Promise.all(
    entries.map((entry) => (entry.isDirectory() ? walk(join(dir, entry.name)) : Promise.resolve([join(dir, entry.name)]))),
  );
  return nested.flat();
}

export function isInside(child: string, parent: string): boolean {
  const path = relative(parent, child);
  return path === '' || (!path.startsWith('..') && !path.startsWith(sep) && !/^[a-z]:/i.test(path));
}

/** Files that look like credentials in a data folder that lives inside the repository. */
export async function credentialFiles(dataDir: string, repoRoot: string): Promise<string[]> {
  if (!isInside(dataDir, repoRoot)) return [];
  const files = await walk(dataDir);
  return files.filter((file) => CREDENTIAL_NAMES.some((pattern) => pattern.test(file.split(sep).at(-1)!))).map((f) => relative(repoRoot, f));
}

/** Files in a built site that are not part of the report. */
export async function unexpectedOutput(siteDir: string): Promise<string[]> {
  const files = await walk(siteDir);
  return files.map((f) => relative(siteDir, f)).filter((f) => !PUBLISHED.test(f));
}
