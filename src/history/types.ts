/**
 * Snapshots: what the report showed on a given as-of date, kept compact so a year of nightly
 * builds stays small. A snapshot holds only what the pages read back: the open deals (one array
 * per deal, for "what changed"), the key figures of the company (the reviews' "as presented")
 * and of each team (the trends), and the data-quality score per owner (the quality trend).
 */
import type { IsoDate } from '../core/records.ts';

/** One open deal: [id, name, account name, owner id, team id, stage id, amount, close date]. */
export type SnapshotDeal = [string, string, string, string, string, string, number, IsoDate];

export interface KeyFigures {
  /** Annual sales volume won in the fiscal year to date. */
  volumeYtd: number;
  /** YTD budget for `volume:total`, null without targets. */
  budgetYtd: number | null;
  attainment: number | null;
  openCount: number;
  openAmount: number;
  weighted: number;
  coverage: number | null;
}

export interface Snapshot {
  schemaVersion: 1;
  asOf: IsoDate;
  /** SHA-256 of the inputs the snapshot was computed from. */
  inputHash: string;
  company: KeyFigures;
  teams: Record<string, KeyFigures>;
  /** Per seller: written by earlier versions, read by no page, no longer kept. */
  sellers?: Record<string, KeyFigures>;
  /** Data-quality score (0..1) per owner id. */
  qualityScore: Record<string, number | null>;
  deals: SnapshotDeal[];
}

export type ChangeKind = 'new' | 'won' | 'lost' | 'slipped' | 'amount-up' | 'amount-down' | 'stage-back' | 'stage-forward' | 'gone';

export interface DealChange {
  kind: ChangeKind;
  dealId: string;
  name: string;
  account: string;
  ownerId: string;
  teamId: string;
  /** Value then and now (equal for kinds that are not about the amount). */
  before: { stageId: string; amount: number; close: IsoDate } | null;
  after: { stageId: string; amount: number; close: IsoDate; status: 'open' | 'won' | 'lost' } | null;
}

export interface Changes {
  /** The snapshot compared with (the previous meeting), and the state compared to. */
  from: IsoDate;
  to: IsoDate;
  changes: DealChange[];
  /** Counts per kind, and per kind per team and per owner. */
  counts: Record<ChangeKind, number>;
  byTeam: Record<string, Partial<Record<ChangeKind, number>>>;
  byOwner: Record<string, Partial<Record<ChangeKind, number>>>;
}

export interface TrendPoint {
  asOf: IsoDate;
  week: string;
  openAmount: number;
  weighted: number;
  coverage: number | null;
}

export interface Trends {
  /** The last snapshot of each ISO week, oldest first. */
  company: TrendPoint[];
  teams: Record<string, TrendPoint[]>;
  /** Data-quality score per owner id, per week. */
  qualityByOwner: Record<string, { week: string; score: number | null }[]>;
}
