/**
 * Guards of the build: no credentials next to exports kept in the repository, nothing in the
 * published folder but the report itself (pages, downloads, report.json, icon, robots.txt), and
 * an output folder that can never be (or hold) the folders the build reads, since publishing
 * replaces the output folder whole.
 */
import { realpathSync } from 'node:fs';
import { readdir } from 'node:fs/promises';
import { basename, dirname, join, relative, sep } from 'node:path';

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
  const nested = await Promise.all(entries.map((entry) => (entry.isDirectory() ? walk(join(dir, entry.name)) : Promise.resolve([join(dir, entry.name)]))));
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

/** The real path of `path`, through symbolic links, for the part of it that exists. */
function realPath(path: string): string {
  try {
    return realpathSync(path);
  } catch {
    const parent = dirname(path);
    return parent === path ? path : join(realPath(parent), basename(path));
  }
}

/**
 * Why `outDir` may not be the build's output, or null. Publishing replaces the output (and
 * its `<out>.builds`, `<out>.lock` neighbours) whole, so it must not be, or contain, a folder
 * the build reads or keeps: `protect` maps a label ("data folder") to its path.
 */
export function outputConflict(outDir: string, protect: Record<string, string>): string | null {
  const out = realPath(outDir);
  for (const [label, path] of Object.entries(protect)) {
    const kept = realPath(path);
    if (isInside(kept, out)) {
      const how = kept === out ? 'is' : 'contains';
      return (
        `the output folder ${outDir} ${how} the ${label} (${path}); publishing replaces the output folder whole and would delete it.\n` +
        `      fix: set TAVLA_OUT to a folder of its own, outside the ${label}, e.g. ${join(dirname(out), 'tavla-site')}.`
      );
    }
  }
  return null;
}
