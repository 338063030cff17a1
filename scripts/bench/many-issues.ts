/**
 * Writes an export with a chosen number of data-quality issues, for trying a build whose quality
 * pages must stay under the page-weight budget: the demo company's files, plus open deals whose
 * close date has passed and that were last touched long ago (two check issues each: PastCloseDate
 * and StalledDeal), spread over the demo sellers, plus rows with an unreadable amount (rejected).
 *
 *   npx node scripts/bench/many-issues.ts /tmp/many-issues 50000
 *   TAVLA_DATA=/tmp/many-issues TAVLA_OUT=/tmp/many-issues-site npm run build
 */
import { copyFile, mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';

export interface ManyIssuesOptions {
  /** Check issues to add (two per added open deal). */
  issues: number;
  /** Rows with an unreadable amount (each one rejected row, one issue). */
  rejected: number;
}

const DEMO = resolve(import.meta.dirname, '../../data');

/** The demo sellers (users.csv ids) that own deals, in file order. */
function sellersOf(users: string): string[] {
  const [header = '', ...rows] = users.trim().split(/\r?\n/);
  const columns = header.split(',');
  const id = columns.indexOf('id');
  return rows.map((row) => row.split(',')[id] ?? '').filter((x) => x !== '');
}

/** An open proposal-stage deal, closing 2026-01-15 and untouched since 2025-12-01 (as-of 2026-11-20). */
function openDeal(n: number, owner: string, amount: string): string {
  const id = `D-X${String(n).padStart(6, '0')}`;
  return [
    id,
    `Generated deal ${n}`,
    'A-1001',
    owner,
    'proposal',
    amount,
    'SEK',
    '2025-11-03',
    '2026-01-15',
    '',
    '',
    '',
    '',
    '12',
    '',
    'outbound',
    '',
    '',
    '2025-12-01',
  ].join(',');
}

export async function writeManyIssues(dir: string, { issues, rejected }: ManyIssuesOptions): Promise<{ deals: number }> {
  await mkdir(dir, { recursive: true });
  for (const entry of await readdir(DEMO, { withFileTypes: true })) {
    if (entry.isFile() && entry.name !== 'deals.csv' && entry.name !== 'README.md') await copyFile(join(DEMO, entry.name), join(dir, entry.name));
  }
  const sellers = sellersOf(await readFile(join(DEMO, 'users.csv'), 'utf8'));
  const demoDeals = (await readFile(join(DEMO, 'deals.csv'), 'utf8')).trimEnd();
  const added: string[] = [];
  const deals = Math.ceil(issues / 2);
  for (let n = 1; n <= deals + rejected; n++) {
    added.push(openDeal(n, sellers[n % sellers.length]!, n > deals ? 'about 40k' : String(10_000 + (n % 90) * 1_000)));
  }
  await writeFile(join(dir, 'deals.csv'), `${demoDeals}\n${added.join('\n')}\n`);
  return { deals: added.length };
}

if (import.meta.main) {
  const [dir = '/tmp/tavla-many-issues', issues = '50000', rejected = '2000'] = process.argv.slice(2);
  const { deals } = await writeManyIssues(resolve(dir), { issues: Number(issues), rejected: Number(rejected) });
  process.stdout.write(`wrote ${dir}: demo export + ${deals} generated deals (~${issues} check issues, ${rejected} rejected rows)\n`);
}
