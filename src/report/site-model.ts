/**
 * The contract between the pipeline and the pages: everything a page shows, computed once.
 * `report` is published as report.json (docs/report-json.md); the rest are page-only lists.
 */
import type { Freshness } from '../quality/freshness.ts';
import type { Funnel } from '../metrics/funnel.ts';
import type { LeadFunnelSection } from './lead-funnel-section.ts';
import type { Handoffs } from '../metrics/handoffs.ts';
import type { ReconciliationRow } from '../metrics/budget-reconciliation.ts';
import type { ChannelMix } from '../metrics/channel-mix.ts';
import type { PlanCheckRow, PlanVerdict } from '../metrics/plan-check.ts';
import type { VolumeVsRevenue } from '../metrics/revenue.ts';
import type { Hat } from '../core/records.ts';
import type { FileAccount } from '../core/file-account.ts';
import type { DateRange } from '../periods/calendar.ts';
import type { DealList, DealRows } from './deal-lines.ts';
import type { MonthFigures } from './month-figures.ts';
import type { PersonRef } from './people.ts';
import type { ScopeFigures } from './scope-figures.ts';
import type { WeekFigures } from './week-figures.ts';
import type { HistorySection } from './history-section.ts';
import type { Snapshot } from '../history/types.ts';
import type { Issue } from '../core/issue.ts';
import type { MonthPack, SellerMonth, WeekAgenda } from './meeting-figures.ts';
import type { Settings } from '../settings/schema.ts';
import type { StageDeals } from './stage-deals.ts';

/** An Issue as published: the rule's title, severity and fix, the owner as a person. */
export interface PublishedIssue extends Omit<Issue, 'ownerId'> {
  title: string;
  severity: 'error' | 'warning' | 'info';
  owner?: PersonRef;
  hint: string;
}

export interface TeamEntry {
  id: string;
  slug: string;
  name: string;
  members: PersonRef[];
  figures: ScopeFigures;
}

export interface SellerEntry {
  person: PersonRef;
  teamId: string;
  teamName: string;
  hats: Hat[];
  figures: ScopeFigures;
  /** Open deals, largest first. */
  openDeals: DealList;
  /** Year to date, for the customers this person owns (account managers / KAMs); null when none. */
  volumeAndRevenue: (VolumeVsRevenue & { accounts: (VolumeVsRevenue['accounts'][number] & { name: string })[] }) | null;
}

export interface QualitySection {
  /** Share of scored records (open deals and accounts) without a check issue; null when none. */
  overallScore: number | null;
  byOwner: { person: PersonRef; teamId: string; scored: number; clean: number; score: number | null; issues: number }[];
  byTeam: { teamId: string; name: string; issues: number }[];
  byCode: { code: string; title: string; severity: string; kind: string; count: number }[];
  issues: PublishedIssue[];
}

export interface ReportInputs {
  users: boolean;
  activities: boolean;
  targets: boolean;
}

/** The meeting pages' additions and settings: the weekly agenda and the monthly board pack. */
export interface MeetingsSection {
  attention: Settings['attention'];
  /** CRM record address with `{id}` (validated http(s)), or null. */
  crmDealUrl: string | null;
  /** One per entry of `weeks`, same order. */
  agendas: WeekAgenda[];
  /** One per entry of `months`, same order. */
  packs: MonthPack[];
  /** Per user, for the 1:1 page: deals won and lost in as-of's month, deals handed over as SDR in it. */
  sellers: SellerMonth[];
}

export interface Report {
  schemaVersion: 1;
  meta: {
    company: string;
    currency: string;
    locale: string;
    timeZone: string;
    asOf: string;
    fiscalYear: string;
    fiscalYearStartMonth: number;
    yearToDate: DateRange;
    previousYearToDate: DateRange;
    trailingYear: DateRange;
    quarter: { label: string; range: DateRange };
    initialsOnly: boolean;
    stages: { id: string; label: string; probability: number; status: string }[];
    /** Which optional exports were in the data folder: a figure without its input shows "–" and why. */
    inputs: ReportInputs;
    /** Share of year-to-date sales volume whose channel was inferred, not given by the export (null: nothing won). */
    inferredChannelShare: number | null;
    /** Share of year-to-date sales volume with no channel at all ("channel not set"; null: nothing won). */
    channelNotSetShare: number | null;
    /** The settings' `channelInference`: `on`, `off` or `auto` (only with enough history). */
    channelInference: 'auto' | 'on' | 'off';
  };
  files: FileAccount[];
  company: ScopeFigures;
  teams: TeamEntry[];
  sellers: SellerEntry[];
  /** Company budget vs Σ teams vs Σ sellers, per measure, year to date and full year. */
  reconciliation: ReconciliationRow[];
  channelMix: { bySeller: ChannelMix; byTeam: ChannelMix };
  planCheck: PlanCheckRow[];
  /** Whether the plan passes its documented rule (Σ seller targets ≥ company target). */
  planVerdict: PlanVerdict;
  funnel: { yearToDate: Funnel; teams: { teamId: string; funnel: Funnel }[] };
  /** The linked funnel from lead-level exports, by source, per period. */
  leadFunnel: LeadFunnelSection;
  handoffs: Handoffs;
  weeks: WeekFigures[];
  months: MonthFigures[];
  meetings: MeetingsSection;
  quality: QualitySection;
  /** Rejected rows, each with file, line, column and reason. */
  rejected: PublishedIssue[];
  /** What earlier builds showed (null when the build was given no history). */
  history: HistorySection | null;
}

export interface SiteModel {
  report: Report;
  /** How old the export is (src/quality/freshness.ts), for the page footer and the nightly run. */
  freshness?: Freshness;
  /** Every deal named by a deal list's `ids`, for the lists' CSV downloads; not in report.json. */
  dealRows: DealRows;
  /**
   * The files the deals were read from (deals.csv, or the CRM exports standing in for it), so a
   * data-quality issue located in one of them is known to be about a deal; not in report.json.
   */
  dealFiles: string[];
  /** The company's open deals per stage, as the pipeline-by-stage rows count them; not in report.json. */
  openByStage: StageDeals[];
  /** Each team's open deals per stage (by team id), as its page's pipeline-by-stage rows count them; not in report.json. */
  openByStageOfTeam: Record<string, StageDeals[]>;
  /** This build's snapshot, for the history folder; never published. */
  snapshot: Snapshot;
}
