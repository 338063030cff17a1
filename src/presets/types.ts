/**
 * How a CRM's own export is read as one of tavla's canonical files, without rewriting it: a
 * source adapter names the export's columns (every spelling a CRM writes, localised ones too)
 * and says how each canonical column (docs/data-format.md) is made from them. Rows keep their
 * original file name and physical line; messages name the original header.
 */
import type { ActivityType, Channel } from '../core/records.ts';
import type { Settings } from '../settings/schema.ts';

/** The canonical files a CRM export can stand in for. */
export type Target = 'deals' | 'accounts' | 'activities' | 'users' | 'targets' | 'funnel' | 'invoices' | 'leads';

/** Exports read into the settings rather than as records. */
export type SettingsSource = 'exchangeRates' | 'stages';
export const SETTINGS_SOURCES: readonly string[] = ['exchangeRates', 'stages'] satisfies SettingsSource[];

/** One column of the export, under a key local to the adapter. */
export interface SourceColumn {
  key: string;
  /** Header spellings, preferred (English) first; matched ignoring case, spaces, `_`, `-`. */
  headers: string[];
  /** The file is unusable without it: a missing one stops the build (MissingColumn). */
  required?: boolean;
}

/** What a field rule can read from the row being converted. */
export interface RowContext {
  /** Trimmed cell of a source column; `undefined` when the export has no such column. */
  get(key: string): string | undefined;
  has(key: string): boolean;
  /** The effective settings (the preset's value maps merged under the user's). */
  settings: Settings;
  /** The day the build is as of (booked vs held meetings). */
  asOf: string;
}

/**
 * How one canonical column is made: copied from a source column (its key), or computed from the
 * row; `from` lists the source keys the value comes from, the first present one is named in messages.
 */
export type FieldRule = string | { from: string[]; value: (row: RowContext) => string | undefined };

/** Which headers identify an export: every key in `keys` found (and the file name, if given). */
export interface Signature {
  keys: string[];
  fileName?: RegExp;
}

export interface SourceAdapter {
  /** Stable id, e.g. `pipedrive.deals`. */
  id: string;
  crm: 'HubSpot' | 'Salesforce' | 'Pipedrive' | 'mapping';
  /** For the log line: `Pipedrive deals export`. */
  label: string;
  /**
   * The canonical file it stands in for; `exchangeRates` and `stages` are read into the settings
   * (rates, the org's stages), `unused` is recognised and not read.
   */
  target: Target | SettingsSource | 'unused';
  signatures: Signature[];
  columns: SourceColumn[];
  /** Groups of keys of which at least one must be present (e.g. an organisation or a contact person). */
  requireOneOf?: string[][];
  /** Canonical column → rule; canonical columns without a rule are absent. */
  fields: Record<string, FieldRule>;
  /** Defaults merged UNDER the settings' maps (the settings win). */
  channelMap?: Record<string, Channel>;
  activityTypeMap?: Record<string, ActivityType>;
  /** CRM default stage names → canonical stage id, used when that id is one of the settings' stages. */
  stageAliases?: Record<string, string>;
  /** The decimal separator the export writes (resolves `12.500`). */
  decimal?: ',' | '.';
  /** Day order of the file's dates, overriding the settings' `dateOrder`. */
  dateOrder?: 'dmy' | 'mdy';
  /** A row that is not a record (a deleted record in a backup): skipped and counted apart. */
  skip?: (row: RowContext) => boolean;
  /** Single-cell lines at the end of the file matching this are a report footer, not records. */
  footer?: RegExp;
  /** Why a recognised file is not read (for `unused` adapters). */
  unusedReason?: string;
}
