/**
 * No dead exports: every function, constant or class src/ or scripts/ exports is named in some
 * other file (src/, scripts/ or test/). One exported only for its own file's use says more than it means;
 * one nobody names is dead code. Read from the source text: a name found anywhere else counts.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const THIS_FILE = fileURLToPath(import.meta.url);

/**
 * Exported today though named in no other file, in files being changed elsewhere; the test fails
 * once one is named elsewhere or no longer exported, so the list only shrinks.
 */
const KNOWN: ReadonlySet<string> = new Set([
  'src/charts/render.ts: escapeAttribute',
  'src/history/snapshot.ts: snapshotDeals',
  'src/history/store.ts: snapshotFileName',
  'src/history/store.ts: decodeSnapshot',
  'src/metrics/deal-aging.ts: AGE_BUCKETS',
  'src/metrics/funnel.ts: FUNNEL_HATS',
  'src/presets/bind.ts: bindAdapter',
  'src/settings/schema.ts: mappedFileSchema',
  'src/settings/schema.ts: MAPPABLE_FILES',
  'src/views/quality-view.ts: issueTable',
  'src/views/sections-view.ts: planCheckTable',
  // Found once this round's other work was merged in:
  'src/quality/checks/plan-gap.ts: isPlanGap',
  'src/views/quality-view.ts: EXAMPLES_PER_RULE',
  'src/views/quality-view.ts: OWNERS_PER_RULE',
  'src/views/quality-view.ts: ruleTable',
  'src/views/table.ts: FORMULA_START',
  'src/charts/forecast-stack.ts: FORECAST_COLORS',
  'src/metrics/lead-funnel-by-source.ts: funnelRow',
  'src/presets/leads.ts: hubspotContacts',
  'src/presets/leads.ts: salesforceLeads',
  'src/presets/leads.ts: pipedriveLeads',
  'src/report/deal-lines.ts: rowOfLine',
  'src/report/lead-funnel-section.ts: leadFunnelRanges',
  'src/views/activity-view.ts: SHARE_CAP',
  'src/views/attention-view.ts: MAX_ITEMS',
  'src/views/board-pack.ts: TOP_DEALS',
  'src/views/deal-table.ts: DEAL_PAGE_ROWS',
  'src/views/lead-funnel-view.ts: leadFunnelNotes',
  'src/views/seller-view.ts: TALK_ROWS',
  'src/views/weekly-agenda.ts: agendaDealTable',
  // The scripts' own helpers, exported though only their file uses them (found once scripts/ was read):
  'scripts/bench/datasets.ts: datasetName',
  'scripts/bench/many-issues.ts: writeManyIssues',
  'scripts/bench/measure.ts: measureInChild',
  'scripts/bench/measure.ts: medianResult',
  'scripts/bench/run-bench.ts: restMs',
  'scripts/bench/run-bench.ts: growthOptions',
  'scripts/demo/accounts.ts: swedishOrgNumber',
  'scripts/demo/activities.ts: durationFor',
  'scripts/demo/dates.ts: monthStart',
  'scripts/demo/deal-rows.ts: shortName',
  'scripts/demo/generate.ts: DEFAULT_SEED',
  'scripts/demo/products.ts: MIN_AMOUNT',
  'scripts/demo/products.ts: MAX_AMOUNT',
  'scripts/demo/routine.ts: WEEKLY_RATES',
  'scripts/resave-dialect.ts: ResaveError',
  'scripts/resave-dialect.ts: resaveCsv',
]);

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return ['node_modules', 'fixtures', 'output'].includes(entry.name) ? [] : sourceFiles(path);
    return /\.(ts|astro|mjs)$/.test(entry.name) && path !== THIS_FILE ? [path] : [];
  });
}

const EXPORTED_VALUE = /^export\s+(?:declare\s+)?(?:async\s+)?(?:const|let|function\*?|class|enum)\s+([A-Za-z_$][\w$]*)/gm;

/** `file: name` for each exported value of src/ or scripts/ named in no other file. */
function unusedExports(texts: ReadonlyMap<string, string>): string[] {
  const unused: string[] = [];
  for (const [file, text] of texts) {
    if (!file.startsWith('src/') && !file.startsWith('scripts/')) continue;
    for (const [, name] of text.matchAll(EXPORTED_VALUE)) {
      const word = new RegExp(`\\b${name!.replaceAll('$', '\\$')}\\b`);
      if (![...texts].some(([other, otherText]) => other !== file && word.test(otherText))) unused.push(`${file}: ${name}`);
    }
  }
  return unused;
}

describe('exports of src/ and scripts/', () => {
  const texts = new Map(
    ['src', 'scripts', 'test'].flatMap((dir) => sourceFiles(join(ROOT, dir))).map((file) => [relative(ROOT, file), readFileSync(file, 'utf8')] as const),
  );

  it('finds an export no other file names', () => {
    const found = unusedExports(
      new Map([
        ['src/a.ts', 'export function used() {}\nexport const lonely = 1;\nexport type Shape = {};'],
        ['src/b.ts', "import { used } from './a.ts';"],
      ]),
    );
    expect(found).toEqual(['src/a.ts: lonely']);
  });

  it('are each named in another file', () => {
    expect(unusedExports(texts).filter((entry) => !KNOWN.has(entry))).toEqual([]);
  });

  it('still has every known exception', () => {
    const unused = new Set(unusedExports(texts));
    expect([...KNOWN].filter((entry) => !unused.has(entry))).toEqual([]);
  });
});
