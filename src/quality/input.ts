/**
 * What every data-quality check receives, and the small helpers they share. Checks are pure:
 * `(input: QualityInput) => Issue[]`, no clock, no filesystem, no mutation of the records.
 */
import type { IsoDate, Records } from '../model/types.ts';
import type { Settings, Stage } from '../settings/schema.ts';
import type { Issue } from '../validate/issue.ts';

export interface QualityInput {
  /** Accepted records only (rejected rows are reported by validation, not checked again). */
  records: Records;
  settings: Settings;
  /** The resolved as-of day: settings.asOf, else today in settings.timeZone. */
  asOf: IsoDate;
  /** Which optional files were in the data folder; reference checks only run against a present file. */
  present: { accounts: boolean; users: boolean; activities: boolean; targets: boolean };
}

export type Check = (input: QualityInput) => Issue[];

const DAY_MS = 86_400_000;

/** Whole calendar days from `from` to `to` (negative when `to` is earlier); both `YYYY-MM-DD`. */
export function daysBetween(from: IsoDate, to: IsoDate): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);
}

/** The stage of a deal by its canonical id, from settings.stages. */
export function stageById(settings: Settings, stageId: string): Stage | undefined {
  return settings.stages.find((stage) => stage.id === stageId);
}
