/**
 * A site built from an export whose names are attacks: every page, chart, CSV download and
 * report.json must carry them as inert text. Builds the small scenario company with hostile
 * account, deal and seller names through the real `npm run build` path.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseHTML } from 'linkedom';
import { beforeAll, describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '../..');
const SCRIPT = '<script>alert(1)</script>';
const IMG = '"><img src=x onerror=alert(1)>';
const FORMULA = '=HYPERLINK("http://x")';
const CMD = "+cmd|' /C calc'!A0";
const MINUS_CMD = "-2+3+cmd|' /C calc'!A0";
const WIDE = '\uFF1DHYPERLINK("http://x")';

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : [path];
  });
}

/** Replaces a CSV cell value everywhere it appears as a whole field. */
function replaceField(text: string, from: string, to: string): string {
  const quoted = `"${to.replace(/"/g, '""')}"`;
  return text
    .split('\n')
    .map((line) =>
      line
        .split(',')
        .map((cell) => (cell === from ? quoted : cell))
        .join(','),
    )
    .join('\n');
}

describe('a site built from hostile names', () => {
  let out: string;
  let all: string[];

  beforeAll(() => {
    const data = mkdtempSync(join(tmpdir(), 'tavla-hostile-data-'));
    out = join(mkdtempSync(join(tmpdir(), 'tavla-hostile-site-')), 'dist');
    cpSync(join(root, 'test/scenarios/small-company/input'), data, { recursive: true });
    const edit = (file: string, pairs: [string, string][]) => {
      let text = readFileSync(join(data, file), 'utf8');
      for (const [from, to] of pairs) text = replaceField(text, from, to);
      writeFileSync(join(data, file), text);
    };
    edit('users.csv', [
      ['Anna Berg', SCRIPT],
      ['Olle Sjö', IMG],
    ]);
    const accounts = readFileSync(join(data, 'accounts.csv'), 'utf8').split('\n');
    const names = accounts.slice(1, 5).map((line) => line.split(',')[1]!);
    edit('accounts.csv', [
      [names[0]!, FORMULA],
      [names[1]!, CMD],
      [names[2]!, MINUS_CMD],
      [names[3]!, WIDE],
    ]);
    const build = spawnSync(process.execPath, [join(root, 'scripts/build.ts')], {
      cwd: root,
      encoding: 'utf8',
      env: { ...process.env, TAVLA_DATA: data, TAVLA_OUT: out, ASTRO_TELEMETRY_DISABLED: '1' },
    });
    if (build.status !== 0) throw new Error(`build failed:\n${build.stdout}\n${build.stderr}`);
    all = files(out);
  }, 240_000);

  it('escapes the names in every page and chart (no live tag, no live attribute)', () => {
    const pages = all.filter((f) => f.endsWith('.html'));
    expect(pages.length).toBeGreaterThan(20);
    let seen = 0;
    for (const page of pages) {
      const html = readFileSync(page, 'utf8');
      // What a browser builds from the page: no script element, no image, no event handler.
      const { document } = parseHTML(html);
      expect(document.querySelectorAll('script, img').length, page).toBe(0);
      for (const element of document.querySelectorAll('*')) {
        const handlers = element.getAttributeNames().filter((name: string) => name.startsWith('on'));
        expect(handlers, page).toEqual([]);
      }
      if (document.querySelector('h1')?.textContent === SCRIPT) seen++;
    }
    // The seller's page shows the name as text in its heading, in every language.
    expect(seen).toBe(3);
  });

  it('neutralises spreadsheet formulas in every CSV download', () => {
    const csvs = all.filter((f) => f.endsWith('.csv'));
    expect(csvs.length).toBeGreaterThan(10);
    for (const csv of csvs) {
      for (const line of readFileSync(csv, 'utf8').split('\r\n')) {
        for (const cell of line.replace(/^\uFEFF/, '').split(',')) {
          expect(cell, `${csv}: ${line}`).not.toMatch(/^"?[=+@]/);
        }
      }
    }
    const all_csv = csvs.map((f) => readFileSync(f, 'utf8')).join('\n');
    expect(all_csv).toContain(`'=HYPERLINK`);
    expect(all_csv).toContain(`'-2+3+cmd`);
    expect(all_csv).toContain(`'\uFF1DHYPERLINK`);
  });

  it('keeps the names as plain data in report.json', () => {
    const report = JSON.parse(readFileSync(join(out, 'report.json'), 'utf8'));
    const json = JSON.stringify(report);
    expect(json).toContain(JSON.stringify(SCRIPT).slice(1, -1));
    expect(report.sellers.map((s: { person: { name: string } }) => s.person.name)).toContain(IMG);
  });
});
