/**
 * What every data-quality check receives, and the small helpers they share. Checks are pure:
 * `(input: QualityInput) => Issue[]`, no clock, no filesystem, no mutation of the records.
 */
import type { IsoDate } from '../core/records.ts';
import type { Records } from '../model/records.ts';
import type { Settings } from '../settings/schema.ts';
import type { Issue } from '../core/issue.ts';

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

/** Whole days from one local date to another (the calendar's; one definition). */
export { daysBetween } from '../periods/calendar.ts';

/** The stage of a deal by its canonical id, from settings.stages (the metrics' lookup). */
export { stageOf as stageById } from '../metrics/context.ts';
