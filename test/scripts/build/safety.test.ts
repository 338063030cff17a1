import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { credentialFiles, isInside, outputConflict, unexpectedOutput } from '../../../scripts/build/safety.ts';

function folder(files: string[]): string {
  const dir = mkdtempSync(join(tmpdir(), 'tavla-safety-'));
  for (const file of files) {
    mkdirSync(join(dir, file, '..'), { recursive: true });
    writeFileSync(join(dir, file), 'x');
  }
  return dir;
}

describe('credential files in a data folder inside the repository', () => {
  it('finds .env, keys and credential files, and nothing else', async () => {
    const repo = folder([
      'data/deals.csv',
      'data/tavla.config.json',
      'data/.env',
      'data/exports/id_rsa',
      'data/crm-credentials.json',
      'data/server.pem',
      'data/README.md',
    ]);
    expect((await credentialFiles(join(repo, 'data'), repo)).sort()).toEqual([
      'data/.env',
      'data/crm-credentials.json',
      'data/exports/id_rsa',
      'data/server.pem',
    ]);
  });

  it('does not look at a data folder outside the repository', async () => {
    const repo = folder(['README.md']);
    const outside = folder(['.env']);
    expect(await credentialFiles(outside, repo)).toEqual([]);
    expect(isInside(join(repo, 'data'), repo)).toBe(true);
    expect(isInside(outside, repo)).toBe(false);
  });
});

describe('the published folder', () => {
  it('lists everything that is not part of the report', async () => {
    const site = folder(['index.html', 'sv/index.html', 'data/x.csv', 'report.json', 'robots.txt', 'favicon.svg', 'deals.csv.bak', 'sv/.env', '_astro/app.js']);
    expect((await unexpectedOutput(site)).sort()).toEqual(['_astro/app.js', 'deals.csv.bak', 'sv/.env']);
  });
});

describe('the output folder', () => {
  const base = folder(['data/deals.csv', 'data/history/2026-11-20.json.gz']);
  const protect = { 'data folder': join(base, 'data'), 'history folder': join(base, 'data/history') };

  it('may be a folder of its own, also one that does not exist yet', () => {
    expect(outputConflict(join(base, 'site'), protect)).toBeNull();
    expect(outputConflict(join(base, 'not/yet/there'), protect)).toBeNull();
  });

  it('may not be the data folder, the history folder or a parent of either', () => {
    expect(outputConflict(join(base, 'data'), protect)).toMatch(/^the output folder .*data is the data folder/);
    expect(outputConflict(join(base, 'data/history'), protect)).toMatch(/is the history folder/);
    expect(outputConflict(base, protect)).toMatch(/contains the data folder/);
    expect(outputConflict('/', protect)).toMatch(/contains the data folder/);
    expect(outputConflict(join(base, 'data/'), protect)).toMatch(/is the data folder/);
  });

  it('may not reach them through a symbolic link either', () => {
    symlinkSync(join(base, 'data'), join(base, 'alias'));
    expect(outputConflict(join(base, 'alias'), protect)).toMatch(/is the data folder/);
  });
});
