import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { placeSite } from '../../../scripts/build/place-site.ts';

describe('placing the finished site', () => {
  it('moves it into a folder that does not exist yet, replacing what was there', async () => {
    const root = mkdtempSync(join(tmpdir(), 'tavla-place-'));
    const from = join(root, 'render');
    mkdirSync(join(from, 'en'), { recursive: true });
    writeFileSync(join(from, 'en', 'index.html'), 'new');
    const to = join(root, 'srv', 'www', 'tavla.tmp');
    await placeSite(from, to);
    expect(readFileSync(join(to, 'en', 'index.html'), 'utf8')).toBe('new');
    expect(existsSync(from)).toBe(false);
    mkdirSync(join(from, 'sv'), { recursive: true });
    writeFileSync(join(from, 'sv', 'index.html'), 'newer');
    await placeSite(from, to);
    expect(existsSync(join(to, 'en'))).toBe(false);
    expect(readFileSync(join(to, 'sv', 'index.html'), 'utf8')).toBe('newer');
  });
});

describe('placing the site on another file system', () => {
  // /dev/shm is a tmpfs on Linux: a rename from the project's disk fails with EXDEV there.
  const other = existsSync('/dev/shm') && statSync('/dev/shm').dev !== statSync(tmpdir()).dev ? '/dev/shm' : undefined;
  it.runIf(other)('copies it across and removes the original', async () => {
    const from = join(mkdtempSync(join(tmpdir(), 'tavla-place-')), 'render');
    mkdirSync(join(from, 'en'), { recursive: true });
    writeFileSync(join(from, 'en', 'index.html'), 'across');
    const to = join(mkdtempSync(join(other!, 'tavla-place-')), 'web', 'tavla.tmp');
    await placeSite(from, to);
    expect(readFileSync(join(to, 'en', 'index.html'), 'utf8')).toBe('across');
    expect(existsSync(from)).toBe(false);
    rmSync(join(to, '..', '..'), { recursive: true, force: true });
  });
});
