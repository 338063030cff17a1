/**
 * The gate in front of the GitHub Pages deploy (scripts/check-publish.ts), run as the workflow
 * runs it: Node on the script, with only the environment given here. Public publishing happens
 * only with TAVLA_PUBLIC=true (exit 0 and a one-line ::warning::); everything else exits 1 with
 * a message that says why and where to read how to host behind a login. Also checks that the
 * workflow wires the gate in front of the deploy.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { decidePublish, isExplicitTrue } from '../../scripts/check-publish.ts';

const ROOT = resolve(fileURLToPath(new URL('.', import.meta.url)), '../..');
const SCRIPT = join(ROOT, 'scripts/check-publish.ts');
const WORKFLOW = join(ROOT, '.github/workflows/report.yml');

/** Runs the script with a clean environment: nothing of the test machine's TAVLA_* or GITHUB_* leaks in. */
function run(env: Record<string, string>) {
  const result = spawnSync(process.execPath, [SCRIPT], {
    cwd: ROOT,
    encoding: 'utf8',
    timeout: 30_000,
    env: { PATH: process.env.PATH ?? '', ...env },
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('scripts/check-publish.ts as a command', () => {
  it('refuses when TAVLA_PUBLIC is not set: exit 1, says why and where to read more, no warning', () => {
    const { status, stdout, stderr } = run({});
    expect(status).toBe(1);
    expect(stdout).toBe('');
    expect(stderr).toContain('refusing to publish the sales reports');
    expect(stderr).toContain('TAVLA_PUBLIC is not set');
    expect(stderr).toContain('TAVLA_PUBLIC');
    expect(stderr).toContain('docs/deploy.md');
    expect(stderr).toMatch(/behind a login/);
    expect(stderr).not.toContain('::warning');
  });

  it.each([
    ['', 'TAVLA_PUBLIC is empty'],
    ['false', 'TAVLA_PUBLIC is "false", not "true"'],
    ['yes', 'TAVLA_PUBLIC is "yes", not "true"'],
    ['1', 'TAVLA_PUBLIC is "1", not "true"'],
    ['on', 'TAVLA_PUBLIC is "on", not "true"'],
    ['truee', 'TAVLA_PUBLIC is "truee", not "true"'],
    ['"true"', 'TAVLA_PUBLIC is "\\"true\\"", not "true"'],
  ])('refuses TAVLA_PUBLIC=%j: exit 1', (value, said) => {
    const { status, stdout, stderr } = run({ TAVLA_PUBLIC: value });
    expect(status).toBe(1);
    expect(stdout).toBe('');
    expect(stderr).toContain(said);
  });

  it('refuses in a public repository and says that its Pages, artifacts and logs are world-readable', () => {
    const { status, stderr } = run({ GITHUB_REPOSITORY_VISIBILITY: 'public', GITHUB_REPOSITORY: 'acme/tavla' });
    expect(status).toBe(1);
    expect(stderr).toContain('The repository acme/tavla is public');
    expect(stderr).toMatch(/readable by anyone/);
  });

  it('refuses in a private repository too, since its Pages site is public outside Enterprise Cloud', () => {
    for (const visibility of ['private', 'internal']) {
      const { status, stderr } = run({ TAVLA_PUBLIC: 'false', GITHUB_REPOSITORY_VISIBILITY: visibility });
      expect(status).toBe(1);
      expect(stderr).toContain(`is ${visibility}, but its Pages site is still readable by anyone`);
      expect(stderr).toContain('Enterprise Cloud');
    }
  });

  it('allows TAVLA_PUBLIC=true: exit 0 and one ::warning:: line that the sales reports are public', () => {
    const { status, stdout, stderr } = run({ TAVLA_PUBLIC: 'true' });
    expect(status).toBe(0);
    expect(stderr).toBe('');
    const lines = stdout.trimEnd().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^::warning title=[^:,\n]+::/);
    expect(lines[0]).toMatch(/sales reports are PUBLIC/);
    expect(lines[0]).toMatch(/sellers' names and figures/);
    expect(lines[0]).toContain('delete the repository variable TAVLA_PUBLIC');
  });

  it('allows TAVLA_PUBLIC=true in a public repository and says the site is world-readable', () => {
    const { status, stdout } = run({ TAVLA_PUBLIC: 'true', GITHUB_REPOSITORY_VISIBILITY: 'public' });
    expect(status).toBe(0);
    expect(stdout).toContain('::warning');
    expect(stdout).toContain('world-readable');
  });

  it('takes "true" as GitHub expressions compare it: any case, surrounding blanks ignored', () => {
    for (const value of ['TRUE', 'True', ' true ', 'true\n']) {
      expect(run({ TAVLA_PUBLIC: value }).status, JSON.stringify(value)).toBe(0);
    }
  });
});

describe('decidePublish', () => {
  it('is what the command prints', () => {
    expect(decidePublish({}).allowed).toBe(false);
    expect(decidePublish({ TAVLA_PUBLIC: 'true' }).allowed).toBe(true);
    expect(decidePublish({ TAVLA_PUBLIC: 'true' }).message).not.toMatch(/[\r\n%]/);
    expect(isExplicitTrue(undefined)).toBe(false);
    expect(isExplicitTrue('false')).toBe(false);
  });
});

describe('.github/workflows/report.yml', () => {
  const text = readFileSync(WORKFLOW, 'utf8');
  /** The lines of one job (from `  name:` to the next job). */
  function job(name: string): string {
    const start = text.indexOf(`\n  ${name}:\n`);
    expect(start, `no job ${name}`).toBeGreaterThan(0);
    const rest = text.slice(start + 1);
    const next = rest.slice(1).search(/\n {2}[a-z][\w-]*:\n/);
    return next < 0 ? rest : rest.slice(0, next + 1);
  }

  it('runs on push to main, nightly and by hand, with read-only default permissions', () => {
    expect(text).toMatch(/push:\s*\n\s*branches: \[main\]/);
    expect(text).toMatch(/schedule:\s*\n\s*- cron: '30 2 \* \* \*'/);
    expect(text).toContain('workflow_dispatch:');
    expect(text).toMatch(/^permissions:\n {2}contents: read$/m);
  });

  it('tests and builds before the gate, and the gate is this script', () => {
    const build = job('build');
    const order = ['node-version-file: .nvmrc', 'npm ci', 'npm test', 'npm run nightly', 'touch dist/.nojekyll', 'node scripts/check-publish.ts'];
    const positions = order.map((needle) => build.indexOf(needle));
    expect(
      positions.every((p) => p >= 0),
      `missing in the build job: ${order.filter((_, i) => positions[i]! < 0).join(', ')}`,
    ).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
    expect(build).toMatch(/if: steps\.gate\.outputs\.publish == 'true'\n\s+uses: actions\/upload-pages-artifact@/);
    expect(build).not.toContain('actions/deploy-pages');
    expect(build).not.toMatch(/pages: write|id-token: write/);
  });

  it('deploys to Pages only in a job gated on the script and on TAVLA_PUBLIC, with pages and id-token permissions', () => {
    const deploy = job('deploy');
    expect(deploy).toContain('needs: build');
    expect(deploy).toContain("if: needs.build.outputs.publish == 'true' && vars.TAVLA_PUBLIC == 'true'");
    expect(deploy).toContain('pages: write');
    expect(deploy).toContain('id-token: write');
    expect(deploy).toContain('::warning');
    expect(deploy).toContain('actions/deploy-pages@');
    expect(text.match(/actions\/deploy-pages@/g)).toHaveLength(1);
  });

  it('keeps the site as an artifact only where the repository is private or internal', () => {
    const build = job('build');
    expect(build).toMatch(
      /if: >-\n\s+steps\.gate\.outputs\.publish != 'true' &&\n\s+\(steps\.gate\.outputs\.visibility == 'private' \|\| steps\.gate\.outputs\.visibility == 'internal'\)\n\s+uses: actions\/upload-artifact@/,
    );
  });

  it('pins every action by its full commit', () => {
    const uses = [...text.matchAll(/uses: (\S+)/g)].map((m) => m[1]!);
    expect(uses.length).toBeGreaterThan(0);
    expect(uses.filter((ref) => !/^[\w.-]+\/[\w.-]+@[0-9a-f]{40}$/.test(ref))).toEqual([]);
  });

  it('fails without a data source, building the demo only when asked for by name', () => {
    const build = job('build');
    expect(build).not.toContain('npm run build');
    expect(build).toMatch(/elif \[ "\$DEMO" = true \]; then\n\s+args=\(--demo\)\n\s+else\n\s+echo "::error title=No data source::[^\n]*\n\s+exit 1/);
    expect(build).toContain('DEMO: ${{ vars.TAVLA_DEMO }}');
  });

  it('keeps the history in a repository the run may write to, with a token that never lands in a file', () => {
    const build = job('build');
    expect(build).toContain('HISTORY_TOKEN: ${{ secrets.TAVLA_HISTORY_TOKEN }}');
    expect(build).toContain('export TAVLA_HISTORY_GIT="https://github.com/$HISTORY_REPO.git"');
    expect(build).toContain('echo "::add-mask::$auth"');
    expect(build).toContain('GIT_CONFIG_KEY_0=http.https://github.com/.extraheader');
    // No job may write to this repository.
    expect(text).not.toMatch(/contents: write/);
  });

  it('holds no credentials: secrets only through ${{ secrets.* }}', () => {
    expect(text).not.toMatch(/(password|passwd|token|secret|key)\s*[:=]\s*['"]?[A-Za-z0-9_\-/+]{16,}/i);
  });
});
