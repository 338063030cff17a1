/**
 * The DuckDB reference of the benchmark: DuckDB (`@duckdb/node-api`, in-memory, 1 or 2 threads)
 * reads deals.csv and activities.csv with `read_csv` and computes the subset (subset.ts) in SQL,
 * in its fastest honest form: the deals are parsed once into a table of the columns the subset
 * reads, the activity log is aggregated straight from the file. It reads the as-of date, the
 * fiscal year's first month and the stages' statuses from the export's tavla.config.json, as
 * tavla does, and nothing else of tavla's.
 *
 * Annual amount: amount ÷ contract years, to the cent (src/model/contract-years.ts): years =
 * term_months ÷ 12 when term_months > 12, else 1; when term_months is empty, whole months from
 * contract_start to the day after contract_end (a remainder of 15+ days rounds up). The
 * benchmark export always has term_months, so the second rule is not exercised (and differs
 * from tavla's at month ends: SQL clamps 31 January + 1 month to 28 February).
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { SubsetFigures } from './subset.ts';

interface ExportSettings {
  asOf: string;
  fiscalYearStartMonth?: number;
  stages: { id: string; status: 'open' | 'won' | 'lost'; aliases?: string[] }[];
}

/** SQL string literal. */
const lit = (text: string) => `'${text.replace(/'/g, "''")}'`;

function stageList(settings: ExportSettings, status: string): string {
  const ids = settings.stages.filter((s) => s.status === status).map((s) => s.id);
  return ids.length > 0 ? ids.map(lit).join(', ') : 'NULL';
}

/** The stage column with each stage's aliases (as the export may write them) read as its id. */
function stageIdSql(settings: ExportSettings): string {
  const whens = settings.stages.flatMap((s) => (s.aliases ?? []).map((alias) => `WHEN ${lit(alias)} THEN ${lit(s.id)}`));
  return whens.length > 0 ? `CASE stage ${whens.join(' ')} ELSE stage END` : 'stage';
}

/** The as-of's fiscal year: its first day and the as-of date, as SQL date literals. */
export function fiscalYearStart(asOf: string, startMonth: number): string {
  const year = Number(asOf.slice(0, 4));
  const month = Number(asOf.slice(5, 7));
  return `${month >= startMonth ? year : year - 1}-${String(startMonth).padStart(2, '0')}-01`;
}

const ANNUAL_CENTS = `CAST(round(amount / CASE
    WHEN term_months > 12 THEN term_months / 12.0
    WHEN term_months > 0 THEN 1
    WHEN contract_start IS NOT NULL AND contract_end > contract_start THEN greatest(1, (
      (year(contract_end + 1) * 12 + month(contract_end + 1)) - (year(contract_start) * 12 + month(contract_start))
      - CASE WHEN day(contract_end + 1) < day(contract_start) THEN 1 ELSE 0 END
      + CASE WHEN (contract_end + 1) - (contract_start + to_months(CAST(
          (year(contract_end + 1) * 12 + month(contract_end + 1)) - (year(contract_start) * 12 + month(contract_start))
          - CASE WHEN day(contract_end + 1) < day(contract_start) THEN 1 ELSE 0 END AS INTEGER)))::DATE >= 15 THEN 1 ELSE 0 END
      ) / 12.0)
    ELSE 1 END * 100) AS BIGINT)`;

/** Σ amount in whole cents (of the rows a FILTER clause keeps). */
const cents = (filter = '') => `CAST(round(coalesce(sum(amount) ${filter}, 0) * 100) AS BIGINT)`;
const CENTS = cents();

/** The types of the deal columns the subset reads; the rest as DuckDB detects them. */
const DEAL_TYPES = `{'owner': 'VARCHAR', 'stage': 'VARCHAR', 'amount': 'DOUBLE', 'created_date': 'DATE', 'close_date': 'DATE',
  'channel': 'VARCHAR', 'contract_start': 'DATE', 'contract_end': 'DATE', 'term_months': 'INTEGER'}`;

/** The SQL of each figure, over the table `d` of deals and the activity log's file. */
function subsetSql(settings: ExportSettings, activitiesPath: string): Record<string, string> {
  const asOf = `DATE ${lit(settings.asOf)}`;
  const fyStart = `DATE ${lit(fiscalYearStart(settings.asOf, settings.fiscalYearStartMonth ?? 1))}`;
  const fyEnd = `(${fyStart} + INTERVAL 1 YEAR - INTERVAL 1 DAY)::DATE`;
  const trailingStart = `(${asOf} - INTERVAL 1 YEAR + INTERVAL 1 DAY)::DATE`;
  const won = `stage IN (${stageList(settings, 'won')})`;
  const lost = `stage IN (${stageList(settings, 'lost')})`;
  const open = `stage IN (${stageList(settings, 'open')})`;
  const volume = `count(*) AS n, ${CENTS} AS contract, sum(annual_cents) AS annual`;
  return {
    'stage totals': `SELECT stage, count(*) AS n, ${CENTS} AS amount FROM d GROUP BY stage`,
    'won per month': `SELECT strftime(close_date, '%Y-%m') AS month, ${volume} FROM d
      WHERE ${won} AND close_date BETWEEN ${fyStart} AND ${fyEnd} GROUP BY month`,
    'won per channel and month': `SELECT strftime(close_date, '%Y-%m') || chr(9) || channel AS month, ${volume} FROM d
      WHERE ${won} AND channel IS NOT NULL AND close_date BETWEEN ${fyStart} AND ${fyEnd} GROUP BY ALL`,
    'owner YTD volume': `SELECT coalesce(owner, '') AS owner, ${volume} FROM d
      WHERE ${won} AND close_date BETWEEN ${fyStart} AND ${asOf} GROUP BY ALL`,
    'open pipeline': `SELECT stage, count(*) AS n, ${CENTS} AS amount FROM d
      WHERE ${open} AND created_date <= ${asOf} GROUP BY stage`,
    'win rate': `SELECT count(*) FILTER (${won}) AS won, ${cents(`FILTER (${won})`)} AS won_amount,
      count(*) FILTER (${lost}) AS lost, ${cents(`FILTER (${lost})`)} AS lost_amount FROM d
      WHERE (${won} OR ${lost}) AND created_date <= ${asOf} AND close_date BETWEEN ${trailingStart} AND ${asOf}`,
    'activities per owner and ISO week': `SELECT coalesce(owner, '') AS owner, strftime(date, '%G-W%V') AS week, count(*) AS n
      FROM read_csv(${lit(activitiesPath)}, header = true, types = {'owner': 'VARCHAR', 'date': 'DATE'}) GROUP BY ALL`,
  };
}

type Row = unknown[];
const join9 = (row: Row) => row.map((cell) => String(cell)).join('\t');

/** Canonical lines of one figure's result rows (see subset.ts). */
function linesOf(name: string, rows: Row[]): string[] {
  if (name !== 'win rate') return rows.map(join9);
  const [wonN, wonAmount, lostN, lostAmount] = (rows[0] ?? [0, 0, 0, 0]).map(Number) as [number, number, number, number];
  const closed = wonN + lostN;
  return [`won\t${wonN}\t${wonAmount}`, `lost\t${lostN}\t${lostAmount}`, `by count\t${closed === 0 ? '-' : (wonN / closed).toFixed(6)}`];
}

export interface DuckdbRun {
  figures: SubsetFigures;
  /** Deals and activity rows read. */
  rows: number;
  ms: number;
}

/** Runs the subset in a fresh in-memory DuckDB with `threads` threads. */
export async function runDuckdb(dir: string, threads: number): Promise<DuckdbRun> {
  const settings = JSON.parse(await readFile(join(dir, 'tavla.config.json'), 'utf8')) as ExportSettings;
  const { DuckDBInstance } = await import('@duckdb/node-api');
  const started = performance.now();
  const instance = await DuckDBInstance.create(':memory:', { threads: String(threads) });
  const connection = await instance.connect();
  await connection.run(`CREATE TEMP TABLE d AS SELECT owner, ${stageIdSql(settings)} AS stage, amount, created_date, close_date, channel, ${ANNUAL_CENTS} AS annual_cents
    FROM read_csv(${lit(join(dir, 'deals.csv'))}, header = true, types = ${DEAL_TYPES})`);
  const figures: SubsetFigures = {};
  let activityRows = 0;
  for (const [name, sql] of Object.entries(subsetSql(settings, join(dir, 'activities.csv')))) {
    const rows = (await connection.runAndReadAll(sql)).getRowsJS() as Row[];
    if (name === 'activities per owner and ISO week') for (const row of rows) activityRows += Number(row[2]);
    figures[name] = linesOf(name, rows);
  }
  const deals = (await connection.runAndReadAll('SELECT count(*) FROM d')).getRowsJS()[0]?.[0];
  const ms = performance.now() - started;
  connection.closeSync();
  instance.closeSync();
  return { figures, rows: Number(deals) + activityRows, ms };
}
