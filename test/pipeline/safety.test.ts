import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { credentialFiles, isInside, unexpectedOutput } from '../../src/pipeline/safety.ts';

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
