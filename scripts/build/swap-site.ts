/**
 * Where a build renders and how it publishes, so the output folder always holds one complete
 * site, the old or the new one.
 *
 * Each build renders into a folder of its own, `<out>.builds/tmp-<id>` (never shared with
 * another build). Publishing renames it to `<out>.builds/site-<id>` and points `<out>` at it:
 * `<out>` is a symbolic link, replaced by a rename of a new link over it, which POSIX makes
 * atomic — a reader sees the old site or the new one, never neither. Earlier sites and the
 * folders of builds that were killed are removed afterwards.
 *
 * Where that is not possible the swap is two renames with a moment without a site between
 * them: on Windows (symbolic links need extra rights there), and once on every platform, the
 * first time a real `<out>` folder (from an older version) is replaced by the link.
 */
import { randomBytes } from 'node:crypto';
import { lstat, mkdir, readdir, readlink, rename, rm, symlink } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

export interface SiteSlots {
  /** The folder the build renders into. */
  temp: string;
  /** Folder of all the builds' folders, next to the output. */
  builds: string;
  id: string;
}

/** A unique folder for this build's rendering, next to the output (same file system, so renames work). */
export function siteSlots(outDir: string, now: Date = new Date()): SiteSlots {
  const stamp = now.toISOString().replace(/[-:.]/g, '').replace('T', '-').slice(0, 17);
  const id = `${stamp}-${process.pid}-${randomBytes(3).toString('hex')}`;
  const builds = `${outDir}.builds`;
  return { temp: join(builds, `tmp-${id}`), builds, id };
}

async function kind(path: string): Promise<'missing' | 'link' | 'folder' | 'other'> {
  try {
    const info = await lstat(path);
    return info.isSymbolicLink() ? 'link' : info.isDirectory() ? 'folder' : 'other';
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return 'missing';
    throw error;
  }
}

export interface PublishOptions {
  platform?: NodeJS.Platform;
  /** Called between the steps of the swap (fault injection in tests). */
  step?: (name: string) => Promise<void> | void;
}

/**
 * Publishes the finished rendering in `slots.temp` as `outDir`. Call it only while holding the
 * output's build lock: it removes the other folders in `slots.builds`.
 */
export async function publishSite(outDir: string, slots: SiteSlots, options: PublishOptions = {}): Promise<void> {
  const step = options.step ?? (() => undefined);
  const current = await kind(outDir);
  if (current === 'other') throw new Error(`${outDir} is a file, not a site folder; move it away and build again`);
  if ((options.platform ?? process.platform) === 'win32') {
    await renameSwap(outDir, slots, current, step);
    return;
  }
  const site = join(slots.builds, `site-${slots.id}`);
  await rename(slots.temp, site);
  await step('renamed');
  const link = `${outDir}.link-${slots.id}`;
  await symlink(join(basename(slots.builds), basename(site)), link, 'dir');
  await step('linked');
  if (current === 'folder') {
    // Once: an output folder from before links were used moves aside first.
    await rename(outDir, join(slots.builds, `old-${slots.id}`));
    await step('moved-aside');
  }
  await rename(link, outDir);
  await step('flipped');
  await removeOthers(slots.builds, basename(site), outDir);
}

async function renameSwap(outDir: string, slots: SiteSlots, current: string, step: (name: string) => Promise<void> | void): Promise<void> {
  const old = join(slots.builds, `old-${slots.id}`);
  if (current !== 'missing') await rename(outDir, old);
  await step('moved-aside');
  await rename(slots.temp, outDir);
  await step('flipped');
  await removeOthers(slots.builds, null, outDir);
}

/** Removes every folder in `builds` but `keep`, and stray links of killed builds. */
async function removeOthers(builds: string, keep: string | null, outDir: string): Promise<void> {
  for (const name of await readdir(builds)) {
    if (name !== keep) await rm(join(builds, name), { recursive: true, force: true });
  }
  const parent = dirname(outDir);
  const strays = `${basename(outDir)}.link-`;
  for (const name of await readdir(parent)) {
    if (name.startsWith(strays)) await rm(join(parent, name), { force: true });
  }
}

/** Creates the build's own folder (and the builds folder). */
export async function prepareSlots(slots: SiteSlots): Promise<void> {
  await mkdir(slots.builds, { recursive: true });
  await rm(slots.temp, { recursive: true, force: true });
}

/** The site folder `outDir` shows now (its link's target, or itself). */
export async function liveSite(outDir: string): Promise<string | null> {
  const current = await kind(outDir);
  if (current === 'missing') return null;
  if (current === 'link') return join(dirname(outDir), await readlink(outDir));
  return outDir;
}
