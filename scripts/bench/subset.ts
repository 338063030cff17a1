/**
 * The benchmark's shared subset: the figures that tavla's pipeline and the DuckDB reference
 * (duckdb.ts) both compute from the same export, written as canonical lines so that their
 * checksums can be compared. tavla's side is read from what its own pipeline produced (the site
 * model's report, the model's deals and activity facts); DuckDB's side from SQL over the CSVs.
 *
 * The subset (docs/performance.md, "References"):
 * - `stage totals`: deals and Σ amount per stage, the whole export.
 * - `won per month`: won deals, Σ amount and Σ annual amount per month of the as-of's fiscal
 *   year (the report's `company.volume.byMonth`, all channels together).
 * - `won per channel and month`: the same per channel, for the deals whose channel the export
 *   gives. tavla infers the channel of the others from each account's history of won deals
 *   (src/model/channels.ts); the SQL does not, so those deals are only in the month totals.
 * - `owner YTD volume`: per deal owner, won deals, Σ amount and Σ annual amount, fiscal
 *   year-to-date (each seller's `figures.volume.yearToDate`).
 * - `open pipeline`: open deals created on or before as-of, count and Σ amount per stage.
 * - `win rate`: won and lost deals closed in the trailing year, counts, Σ amount, share by count.
 * - `activities per owner and ISO week`: activity rows per owner and ISO week, every type.
 * Money is compared in whole cents; lines whose count is 0 are left out on both sides.
 */
import { createHash } from 'node:crypto';

/** Figure name → its canonical lines (any order: sorted before hashing). */
export type SubsetFigures = Record<string, string[]>;

export const SUBSET = [
  'stage totals',
  'won per month',
  'won per channel and month',
  'owner YTD volume',
  'open pipeline',
  'win rate',
  'activities per owner and ISO week',
] as const;

/** Whole cents of an amount in currency units (sums of cents are exact in either reader). */
export function cents(amount: number | bigint | null | undefined): string {
  if (amount === null || amount === undefined) return '0';
  return String(Math.round(Number(amount) * 100));
}

/** One checksum per figure: the first 16 hex digits of SHA-256 over its sorted lines, and their count. */
export function checksums(figures: SubsetFigures): Record<string, string> {
  const out: Record<string, string> = {};
  for (const name of SUBSET) {
    const lines = [...(figures[name] ?? [])].sort();
    out[name] = `${createHash('sha256').update(lines.join('\n')).digest('hex').slice(0, 16)} (${lines.length} lines)`;
  }
  return out;
}

/** Figures whose checksums differ between two results (or are missing from either). */
export function differing(a: Record<string, string> | undefined, b: Record<string, string> | undefined): string[] {
  return SUBSET.filter((name) => !a?.[name] || a[name] !== b?.[name]);
}

// Structural views of the few parts of tavla's outputs the subset reads; typed loosely so the
// benchmark does not tie itself to every type of the report.
interface Volume {
  wonDeals: number;
  annualVolume: number;
  contractVolume: number;
}
interface MonthVolume extends Volume {
  month: string;
}
interface StageRow {
  stageId: string;
  count: number;
  amount: number;
}
export interface TavlaOutputs {
  report: {
    company: {
      volume: { byMonth: MonthVolume[] };
      pipeline: { open: { stages: StageRow[] } };
      winRate: { won: number; lost: number; wonAmount: number; lostAmount: number; byCount: number | null };
    };
    sellers: { person: { id: string }; figures: { volume: { yearToDate: Volume } } }[];
  };
  /** The model's deals: stage, amount, and whether the channel was given. */
  deals: readonly { stageId: string; amount: number }[];
  /** Won volume per month and channel of the deals whose channel the export gives (tavla's salesVolumeByMonth). */
  givenByMonth: (MonthVolume & { byChannel: Record<string, Volume> })[];
  /** Activity rows per owner and ISO week (`YYYY-Www`), from the model's activity facts. */
  activityWeeks: Map<string, Map<string, number>>;
}

const volumeLine = (key: string, v: Volume) => `${key}\t${v.wonDeals}\t${cents(v.contractVolume)}\t${cents(v.annualVolume)}`;

/** tavla's side of the subset, from its report and model. */
export function tavlaFigures(t: TavlaOutputs): SubsetFigures {
  const stages = new Map<string, { count: number; amount: number }>();
  for (const deal of t.deals) {
    const s = stages.get(deal.stageId) ?? { count: 0, amount: 0 };
    s.count++;
    s.amount += Math.round(deal.amount * 100);
    stages.set(deal.stageId, s);
  }
  const company = t.report.company;
  const rate = company.winRate;
  const activity: string[] = [];
  for (const [owner, weeks] of t.activityWeeks) for (const [week, n] of weeks) if (n > 0) activity.push(`${owner}\t${week}\t${n}`);
  return {
    'stage totals': [...stages].map(([stage, s]) => `${stage}\t${s.count}\t${s.amount}`),
    'won per month': company.volume.byMonth.filter((m) => m.wonDeals > 0).map((m) => volumeLine(m.month, m)),
    'won per channel and month': t.givenByMonth.flatMap((m) =>
      Object.entries(m.byChannel)
        .filter(([, v]) => v.wonDeals > 0)
        .map(([channel, v]) => volumeLine(`${m.month}\t${channel}`, v)),
    ),
    'owner YTD volume': t.report.sellers
      .filter((s) => s.figures.volume.yearToDate.wonDeals > 0)
      .map((s) => volumeLine(s.person.id, s.figures.volume.yearToDate)),
    'open pipeline': company.pipeline.open.stages.filter((s) => s.count > 0).map((s) => `${s.stageId}\t${s.count}\t${cents(s.amount)}`),
    'win rate': [
      `won\t${rate.won}\t${cents(rate.wonAmount)}`,
      `lost\t${rate.lost}\t${cents(rate.lostAmount)}`,
      `by count\t${rate.byCount === null ? '-' : rate.byCount.toFixed(6)}`,
    ],
    'activities per owner and ISO week': activity,
  };
}
