// A site built with initialsOnly, from an export where one owner (karl.hemligsson) is missing
// from users.csv: no file of the built site — page, chart, CSV, report.json — holds a person's
// id, name or e-mail. Built twice with one build time (SOURCE_DATE_EPOCH): the two sites are byte-identical.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '../..');

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : [path];
  });
}

describe('a site built with initialsOnly', () => {
  const outs: string[] = [];
  let secrets: string[] = [];

  beforeAll(() => {
    const data = mkdtempSync(join(tmpdir(), 'tavla-initials-data-'));
    cpSync(join(root, 'test/scenarios/small-company/input'), data, { recursive: true });
    const config = JSON.parse(readFileSync(join(data, 'tavla.config.json'), 'utf8'));
    writeFileSync(join(data, 'tavla.config.json'), JSON.stringify({ ...config, initialsOnly: true }));
    // One deal's owner is someone users.csv does not list.
    const deals = readFileSync(join(data, 'deals.csv'), 'utf8').split('\n');
    deals[1] = deals[1]!.replace(',anna.berg,', ',karl.hemligsson,');
    writeFileSync(join(data, 'deals.csv'), deals.join('\n'));
    const users = readFileSync(join(data, 'users.csv'), 'utf8')
      .trim()
      .split('\n')
      .slice(1)
      .map((line) => line.split(','));
    secrets = ['karl.hemligsson', 'hemligsson', ...users.flatMap(([id, name, email]) => [id!, name!, email!]).filter((s) => s && s.length >= 4)];
    for (let i = 0; i < 2; i++) {
      const out = join(mkdtempSync(join(tmpdir(), 'tavla-initials-site-')), 'dist');
      const build = spawnSync(process.execPath, [join(root, 'scripts/build.ts')], {
        cwd: root,
        encoding: 'utf8',
        env: {
          ...process.env,
          TAVLA_DATA: data,
          TAVLA_OUT: out,
          TAVLA_HISTORY: join(data, `history-${i}`),
          SOURCE_DATE_EPOCH: '1781481600',
          ASTRO_TELEMETRY_DISABLED: '1',
        },
      });
      if (build.status !== 0) throw new Error(`build failed:\n${build.stdout}\n${build.stderr}`);
      outs.push(out);
    }
  }, 400_000);

  it('publishes no id, name or e-mail of a person in any file', () => {
    const all = files(outs[0]!);
    expect(all.length).toBeGreaterThan(50);
    const leaks: string[] = [];
    for (const file of all) {
      const text = readFileSync(file, 'utf8');
      for (const secret of secrets) if (text.includes(secret)) leaks.push(`${relative(outs[0]!, file)}: ${secret}`);
    }
    expect(leaks).toEqual([]);
  });

  it('gives byte-identical sites for the same inputs', () => {
    const a = files(outs[0]!)
      .map((f) => relative(outs[0]!, f))
      .sort();
    const b = files(outs[1]!)
      .map((f) => relative(outs[1]!, f))
      .sort();
    expect(b).toEqual(a);
    const differ = a.filter((f) => !readFileSync(join(outs[0]!, f)).equals(readFileSync(join(outs[1]!, f))));
    expect(differ).toEqual([]);
  });
});
