/**
 * `node scripts/check-publish.ts`: the gate in front of every GitHub Pages deploy.
 *
 * The site holds confidential sales figures (sellers' names and results, customers, deals and
 * amounts), and a GitHub Pages site is readable by anyone who has its address (except with
 * private Pages visibility on GitHub Enterprise Cloud). So a Pages deploy happens only when the
 * repository variable TAVLA_PUBLIC is explicitly `true`:
 *
 *  - allowed: prints a `::warning::` (a GitHub Actions annotation) that the reports are public
 *    and exits 0;
 *  - anything else (unset, empty, `false`, `yes`, `1`…): explains why nothing is published and
 *    how to host the site behind a login instead, and exits 1.
 *
 * Environment: TAVLA_PUBLIC; GITHUB_REPOSITORY_VISIBILITY (`public`, `private` or `internal`,
 * when the workflow could find it out) and GITHUB_REPOSITORY (owner/name) sharpen the message.
 * Nothing else is read, nothing is written but the message. See docs/deploy.md.
 */
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export interface PublishDecision {
  /** Whether a public deploy (GitHub Pages) may go ahead. */
  allowed: boolean;
  /** `::warning::…` (one line) when allowed; the multi-line refusal otherwise. */
  message: string;
}

/** `true` as GitHub's own `vars.X == 'true'` compares it: case-insensitive; surrounding blanks ignored. */
export function isExplicitTrue(value: string | undefined): boolean {
  return (value ?? '').trim().toLowerCase() === 'true';
}

function describeValue(value: string | undefined): string {
  if (value === undefined) return 'TAVLA_PUBLIC is not set';
  if (value.trim() === '') return 'TAVLA_PUBLIC is empty';
  return `TAVLA_PUBLIC is ${JSON.stringify(value)}, not "true"`;
}

function repositoryLine(visibility: string, repository: string): string {
  const name = repository ? `the repository ${repository}` : 'this repository';
  switch (visibility) {
    case 'public':
      return `${name[0]!.toUpperCase()}${name.slice(1)} is public: its Pages site, build artifacts and logs are readable by anyone.`;
    case 'private':
    case 'internal':
      return `${name[0]!.toUpperCase()}${name.slice(1)} is ${visibility}, but its Pages site is still readable by anyone who has the address, unless the site's visibility is set to Private (GitHub Enterprise Cloud only).`;
    default:
      return `The visibility of ${name} is not known here; a Pages site is readable by anyone who has the address unless its visibility is set to Private (GitHub Enterprise Cloud only).`;
  }
}

export function decidePublish(env: NodeJS.ProcessEnv): PublishDecision {
  const visibility = (env.GITHUB_REPOSITORY_VISIBILITY ?? '').trim().toLowerCase();
  const repository = (env.GITHUB_REPOSITORY ?? '').trim();

  if (isExplicitTrue(env.TAVLA_PUBLIC)) {
    const where =
      visibility === 'public'
        ? 'The repository is public, so the site is world-readable.'
        : 'Anyone who has the address can read them unless the Pages site visibility is Private (GitHub Enterprise Cloud).';
    return {
      allowed: true,
      message:
        `::warning title=The tavla sales reports are PUBLIC::TAVLA_PUBLIC=true, so this run publishes the sales reports ` +
        `(sellers' names and figures, customer names, deals and amounts, report.json and the CSV downloads) to GitHub Pages. ` +
        `${where} To stop, delete the repository variable TAVLA_PUBLIC; to host behind a login, see docs/deploy.md.`,
    };
  }

  return {
    allowed: false,
    message: [
      'tavla: refusing to publish the sales reports to GitHub Pages.',
      `  ${describeValue(env.TAVLA_PUBLIC)}. A public deploy needs the repository variable TAVLA_PUBLIC set to "true".`,
      `  ${repositoryLine(visibility, repository)}`,
      '  The reports name sellers and customers and show their figures, deals and amounts.',
      '  Host the site behind a login instead (docs/deploy.md): GitHub Pages with private visibility',
      '  (Enterprise Cloud), Cloudflare Pages with Cloudflare Access, Netlify with password or SSO,',
      '  or nginx with basic auth or oauth2-proxy.',
      '  To publish anyway, knowing that the reports become public: Settings → Secrets and variables',
      '  → Actions → Variables → New repository variable TAVLA_PUBLIC = true.',
    ].join('\n'),
  };
}

const invokedDirectly = process.argv[1] !== undefined && resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (invokedDirectly) {
  const decision = decidePublish(process.env);
  if (decision.allowed) {
    process.stdout.write(`${decision.message}\n`);
  } else {
    process.stderr.write(`${decision.message}\n`);
    process.exitCode = 1;
  }
}
