/**
 * Golden scenarios (docs style practice 8): every folder `test/scenarios/<name>/` holds an
 * `input/` data folder, a README working out its key figures by hand, optionally
 * `hand-worked.ts` asserting those figures, and `expected/report.json` + `expected/issues.txt`.
 *
 * - `skip.<name>` folders are skipped; when any `only.<name>` folder exists, only those run.
 * - A missing golden file is written locally; `UPDATE_GOLDEN=1` rewrites them. Both are refused
 *   when `CI` is set: golden files are generated and reviewed locally, never on CI.
 * - A mismatch writes `expected/report-changed.json` / `issues-changed.txt` (gitignored by
 *   `*-changed*`, uploaded by CI) and fails with a short summary of the differing paths.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { runPipeline } from '../../src/pipeline/run-pipeline.ts';
import type { Report } from '../../src/report/site-model.ts';
import { formatIssue } from '../../src/core/issue.ts';
import { jsonDiffLines } from './json-diff.ts';

const ROOT = fileURLToPath(new URL('.', import.meta.url));
/** The clock for scenarios whose settings pin no as-of date. */
const NOW = new Date('2026-06-15T10:00:00Z');
const UPDATE = process.env.UPDATE_GOLDEN === '1';
const ON_CI = Boolean(process.env.CI);

type Checks = Record<string, (report: Report) => void>;
interface HandWorkedModule {
  handWorked?: Checks;
  knownBugs?: Checks;
}

/** The report as compared: per-file read times (`ms`) vary from run to run and are left out. */
function normalizeReport(report: Report): unknown {
  const files = report.files.map(({ ms: _ms, ...rest }) => rest);
  return JSON.parse(JSON.stringify({ ...report, files }));
}

/** One line per rejected row and data-quality issue: `Code file:line:column: field: message`. */
function issuesText(report: Report): string {
  const section = (title: string, issues: Report['rejected']) =>
    [`# ${title} (${issues.length})`, ...issues.map((i) => `${i.code} ${formatIssue(i)}`)].join('\n');
  return `${section('rejected rows', report.rejected)}\n${section('data-quality issues', report.quality.issues)}\n`;
}

/** Compares with a golden file, or writes it (locally only); returns a failure message or undefined. */
function checkGolden(file: string, actualText: string, differences: (expectedText: string) => string[]): string | undefined {
  const changed = file.replace(/(\.[a-z]+)$/, '-changed$1');
  const name = file.slice(ROOT.length);
  if (UPDATE || !existsSync(file)) {
    if (ON_CI) {
      return UPDATE
        ? 'UPDATE_GOLDEN is refused on CI: generate golden files locally and commit them after review'
        : `${name} is missing; run the scenarios locally (UPDATE_GOLDEN=1 npx vitest run test/scenarios) and commit it`;
    }
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, actualText);
    rmSync(changed, { force: true });
    return undefined;
  }
  const problems = differences(readFileSync(file, 'utf8'));
  if (problems.length === 0) {
    rmSync(changed, { force: true });
    return undefined;
  }
  writeFileSync(changed, actualText);
  return [`${name} differs (actual written to ${changed.slice(ROOT.length)}):`, ...problems.map((p) => `  ${p}`)].join('\n');
}

function lineDiff(expectedText: string, actualText: string): string[] {
  const expected = expectedText.replace(/\r\n/g, '\n').split('\n');
  const actual = actualText.split('\n');
  const gone = expected.filter((line) => !actual.includes(line)).map((line) => `- ${line}`);
  const added = actual.filter((line) => !expected.includes(line)).map((line) => `+ ${line}`);
  const all = [...gone, ...added];
  if (all.length === 0 && expected.join('\n') !== actual.join('\n')) return ['same lines, different order'];
  return all.length > 12 ? [...all.slice(0, 12), `… and ${all.length - 12} more`] : all;
}

const folders = readdirSync(ROOT, { withFileTypes: true })
  .filter((entry) => entry.isDirectory() && existsSync(join(ROOT, entry.name, 'input')))
  .map((entry) => entry.name)
  .sort();
const focused = folders.some((name) => name.startsWith('only.'));

for (const name of folders) {
  const dir = join(ROOT, name);
  const skipped = name.startsWith('skip.') || (focused && !name.startsWith('only.'));
  const moduleFile = join(dir, 'hand-worked.ts');
  const checks: HandWorkedModule = existsSync(moduleFile) ? await import(pathToFileURL(moduleFile).href) : {};

  (skipped ? describe.skip : describe)(`scenario ${name}`, () => {
    let report: Report;
    beforeAll(async () => {
      const result = await runPipeline({ dataDir: join(dir, 'input'), now: NOW, log: () => {} });
      if (!result.ok) throw new Error(`pipeline failed:\n${result.messages.join('\n')}`);
      report = result.site.report;
    }, 60_000);

    for (const [title, check] of Object.entries(checks.handWorked ?? {})) it(title, () => check(report));
    for (const [title, check] of Object.entries(checks.knownBugs ?? {})) it.fails(`known bug: ${title}`, () => check(report));

    it('matches expected/report.json', () => {
      const actual = normalizeReport(report);
      const failure = checkGolden(join(dir, 'expected', 'report.json'), `${JSON.stringify(actual, null, 2)}\n`, (text) =>
        jsonDiffLines(JSON.parse(text), actual),
      );
      if (failure) expect.fail(failure);
    });

    it('matches expected/issues.txt', () => {
      const actual = issuesText(report);
      const failure = checkGolden(join(dir, 'expected', 'issues.txt'), actual, (text) => lineDiff(text, actual));
      if (failure) expect.fail(failure);
    });
  });
}
