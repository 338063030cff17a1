import { spawn } from 'node:child_process';
import { existsSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, readlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { liveSite, prepareSlots, publishSite, siteSlots } from '../../../scripts/build/swap-site.ts';

const folder = (): string => mkdtempSync(join(tmpdir(), 'tavla-swap-'));

/** Renders a made-up site (an index and a robots.txt naming the version) into the build's folder. */
async function render(outDir: string, version: string) {
  const slots = siteSlots(outDir);
  await prepareSlots(slots);
  mkdirSync(slots.temp, { recursive: true });
  writeFileSync(join(slots.temp, 'index.html'), version);
  writeFileSync(join(slots.temp, 'robots.txt'), version);
  return slots;
}

/**
 * The version the output shows, checking the site is complete. The link is resolved once, as
 * a reader holding on to one version would; if that version was removed meanwhile, the output
 * must show another one by then.
 */
function shown(outDir: string): string {
  const target = lstatSync(outDir).isSymbolicLink() ? readlinkSync(outDir) : null;
  const dir = target === null ? outDir : join(dirname(outDir), target);
  try {
    const index = readFileSync(join(dir, 'index.html'), 'utf8');
    expect(readFileSync(join(dir, 'robots.txt'), 'utf8')).toBe(index);
    return index;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT' || target === null || readlinkSync(outDir) === target) throw error;
    return shown(outDir);
  }
}

describe('publishSite', () => {
  it('gives each build a folder of its own', () => {
    const a = siteSlots('/srv/site');
    const b = siteSlots('/srv/site');
    expect(a.temp).not.toBe(b.temp);
    expect(a.temp.startsWith('/srv/site.builds/tmp-')).toBe(true);
  });

  it('publishes as a link flip and keeps only the live site', async () => {
    const out = join(folder(), 'dist');
    await publishSite(out, await render(out, 'one'));
    expect(shown(out)).toBe('one');
    await publishSite(out, await render(out, 'two'));
    expect(shown(out)).toBe('two');
    expect(lstatSync(out).isSymbolicLink()).toBe(true);
    expect(readdirSync(`${out}.builds`)).toEqual([(await liveSite(out))!.split('/').at(-1)]);
  });

  it('replaces an output folder from an older build (the one time there is a moment without a site)', async () => {
    const out = join(folder(), 'dist');
    mkdirSync(out);
    writeFileSync(join(out, 'index.html'), 'old');
    const steps: string[] = [];
    await publishSite(out, await render(out, 'new'), { step: (name) => void steps.push(name) });
    expect(steps).toEqual(['renamed', 'linked', 'moved-aside', 'flipped']);
    expect(shown(out)).toBe('new');
  });

  it('shows the old or the new complete site after every step of the swap', async () => {
    const out = join(folder(), 'dist');
    await publishSite(out, await render(out, 'old'));
    const seen: string[] = [];
    await publishSite(out, await render(out, 'new'), { step: () => void seen.push(shown(out)) });
    expect(seen).toEqual(['old', 'old', 'new']);
  });

  it('removes the folders of builds that were killed before publishing', async () => {
    const out = join(folder(), 'dist');
    const killed = await render(out, 'killed');
    writeFileSync(`${out}.link-killed`, '');
    await publishSite(out, await render(out, 'next'));
    expect(existsSync(killed.temp)).toBe(false);
    expect(existsSync(`${out}.link-killed`)).toBe(false);
  });

  it('on Windows swaps by two renames', async () => {
    const out = join(folder(), 'dist');
    await publishSite(out, await render(out, 'one'), { platform: 'win32' });
    await publishSite(out, await render(out, 'two'), { platform: 'win32' });
    expect(lstatSync(out).isDirectory()).toBe(true);
    expect(shown(out)).toBe('two');
  });
});

const SWAPPER = `
  const { mkdirSync, writeFileSync } = await import('node:fs');
  const { join } = await import('node:path');
  const m = await import(${JSON.stringify(new URL('../../../scripts/build/swap-site.ts', import.meta.url).href)});
  const out = process.argv[1];
  for (let i = 0; ; i++) {
    const slots = m.siteSlots(out);
    await m.prepareSlots(slots);
    mkdirSync(slots.temp, { recursive: true });
    writeFileSync(join(slots.temp, 'index.html'), String(i));
    writeFileSync(join(slots.temp, 'robots.txt'), String(i));
    await m.publishSite(out, slots);
    if (i === 0) process.stdout.write('ready\\n');
  }`;

describe('a reader during swaps, and builds killed while swapping', () => {
  it('always finds a complete site, also after SIGKILL at random moments', async () => {
    const out = join(folder(), 'dist');
    let reads = 0;
    for (let kill = 0; kill < 8; kill++) {
      const child = spawn(process.execPath, ['--input-type=module', '-e', SWAPPER, out], { stdio: ['ignore', 'pipe', 'inherit'] });
      await new Promise<void>((done) => child.stdout.once('data', () => done()));
      try {
        const until = Date.now() + 100 + Math.random() * 200;
        while (Date.now() < until) {
          shown(out); // throws (fails the test) on a missing or half site
          reads++;
        }
      } finally {
        child.kill('SIGKILL');
      }
      await new Promise((done) => child.on('exit', done));
      shown(out);
    }
    expect(reads).toBeGreaterThan(100);
  });
});
