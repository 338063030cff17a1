/** Command-line options of `npm run bench` (scripts/bench.ts). */
import { DEFAULT_LARGE, type LargeOptions } from './generate-large.ts';

/** The generator's size and seed options, plus how to measure and report. */
export interface BenchArgs extends Omit<LargeOptions, 'asOf'> {
  help: boolean;
  quick: boolean;
  repeat: number;
  markdown: boolean;
  /** Where datasets are generated and cached (one sub-folder per size). */
  dataDir: string;
  regenerate: boolean;
  /** Activity-row sizes of the growth table; deals, accounts and people stay fixed. */
  growth: number[];
  /** Also measure the page build (`npm run build` over the main dataset). */
  site: boolean;
  heapMb?: number;
  timeoutS: number;
  cpuProf: boolean;
  /** Print only the generation (for preparing data). */
  generateOnly: boolean;
}

export const HELP = `npm run bench -- [options]      (= node scripts/bench.ts, Node 24)

Generates a large seeded export (cached per size in the data folder), then measures, each in
a fresh child process: the whole runPipeline (model, quality, metrics, report) in turns with its
references (DuckDB computing the shared subset with 1 and 2 threads, checksums compared with
tavla's; papaparse parse-only; at least 3 rounds), decode + parse (readCsv), ingest +
validation (loadRecords) and the page build (npm run build); then the growth table over three
activity sizes.

  --quick              ~10x smaller: 100 k deals, 500 k activities, 5 k accounts;
                       growth 10 k / 100 k / 500 k; --repeat 3
  --deals N            deals (default 1 000 000)
  --activities N       activities (default 5 000 000)
  --accounts N         accounts (default 50 000)
  --sellers N          sellers (default 200), --teams N (default 12), --years N (default 3)
  --seed N             generator seed (default ${DEFAULT_LARGE.seed})
  --repeat N           runs per measurement, medians printed (default 1; 3 with --quick);
                       tavla and its references alternate in max(3, N) rounds
  --growth a,b,c       activity sizes of the growth table (default 100000,1000000,5000000);
                       deals, accounts and people stay fixed; --growth none skips it
  --no-site            skip the page build (npm run build) measurement
  --markdown           print the tables as markdown (for docs/performance.md)
  --data-dir DIR       where datasets are written (default bench-data/, gitignored)
  --regenerate         write the datasets again even when cached
  --generate-only      generate (or find) the main dataset and stop
  --heap-mb N          --max-old-space-size for the measured children (default: Node's)
  --timeout-s N        kill a measured child after N s (default 420)
  --cpu-prof           also write a CPU profile of one pipeline run and print its top functions
  --help               this text
`;

function numberArg(name: string, value: string | undefined): number {
  const n = Number((value ?? '').replace(/[_ ]/g, ''));
  if (!Number.isFinite(n) || n < 0) throw new Error(`${name} needs a number, got ${value ?? 'nothing'}`);
  return n;
}

export function parseArgs(argv: string[]): BenchArgs {
  const given = new Map<string, string | true>();
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    if (!arg.startsWith('--')) throw new Error(`unexpected argument ${arg} (see --help)`);
    const [key, inline] = arg.slice(2).split('=', 2) as [string, string | undefined];
    const flag = ['help', 'quick', 'markdown', 'regenerate', 'cpu-prof', 'generate-only', 'no-site'].includes(key);
    if (flag) given.set(key, true);
    else if (inline !== undefined) given.set(key, inline);
    else {
      const next = argv[i + 1];
      if (next === undefined) throw new Error(`--${key} needs a value`);
      given.set(key, next);
      i++;
    }
  }
  const known = [
    'help',
    'quick',
    'markdown',
    'regenerate',
    'cpu-prof',
    'generate-only',
    'no-site',
    'deals',
    'activities',
    'accounts',
    'sellers',
    'teams',
    'years',
    'seed',
    'repeat',
    'growth',
    'data-dir',
    'heap-mb',
    'timeout-s',
  ];
  for (const key of given.keys()) if (!known.includes(key)) throw new Error(`unknown option --${key} (see --help)`);
  const str = (key: string) => {
    const value = given.get(key);
    return typeof value === 'string' ? value : undefined;
  };
  const num = (key: string, fallback: number) => (given.has(key) ? numberArg(`--${key}`, str(key)) : fallback);
  const quick = given.has('quick');
  const scale = quick ? 10 : 1;
  const growthText = str('growth');
  const growth =
    growthText === 'none'
      ? []
      : growthText
        ? growthText.split(',').map((part) => numberArg('--growth', part))
        : quick
          ? [10_000, 100_000, 500_000]
          : [100_000, 1_000_000, 5_000_000];
  return {
    help: given.has('help'),
    quick,
    deals: num('deals', DEFAULT_LARGE.deals / scale),
    activities: num('activities', DEFAULT_LARGE.activities / scale),
    accounts: num('accounts', DEFAULT_LARGE.accounts / scale),
    sellers: num('sellers', DEFAULT_LARGE.sellers),
    teams: num('teams', DEFAULT_LARGE.teams),
    years: num('years', DEFAULT_LARGE.years),
    seed: num('seed', DEFAULT_LARGE.seed),
    repeat: Math.max(1, num('repeat', quick ? 3 : 1)),
    markdown: given.has('markdown'),
    dataDir: str('data-dir') ?? 'bench-data',
    regenerate: given.has('regenerate'),
    growth,
    site: !given.has('no-site'),
    heapMb: given.has('heap-mb') ? num('heap-mb', 0) : undefined,
    timeoutS: num('timeout-s', 420),
    cpuProf: given.has('cpu-prof'),
    generateOnly: given.has('generate-only'),
  };
}
