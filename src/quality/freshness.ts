/**
 * How old the export is: per file, the newest date it holds up to as-of, and the export's age
 * as the age of its stalest file. The same dates as the StaleExport check
 * (src/quality/checks/stale-export.ts): deals' created and updated dates and the close date of
 * won and lost deals; activities' dates. Dates after as-of (planned) say nothing about freshness.
 *
 * @summary
 * - `files`: deals.csv and activities.csv (when present), each file that holds rows, with its newest date ('' when
 *   the file holds no date up to as-of) and its age in days (as-of − newest; null without a date).
 * - `dataThrough`: the earliest of the files' newest dates: the day up to which every file is
 *   current. `ageDays` = as-of − dataThrough; both null when no file holds a date.
 * - `stale`: ageDays > limitDays (the settings' `staleExportDays`), exactly when the StaleExport
 *   check flags a file.
 *
 * @example
 * // as of 2026-11-20, deals updated up to 2026-11-19, activities up to 2026-11-12, limit 7
 * //=> dataThrough '2026-11-12', ageDays 8, stale true (8 > 7)
 */
import type { IsoDate } from '../core/records.ts';
import type { Records } from '../model/records.ts';
import { daysBetween } from '../periods/calendar.ts';

export interface Freshness {
  asOf: IsoDate;
  files: { file: string; newest: IsoDate | ''; ageDays: number | null }[];
  dataThrough: IsoDate | null;
  ageDays: number | null;
  limitDays: number;
  stale: boolean;
}

function newestDealDate(records: Records, asOf: IsoDate): IsoDate | '' {
  let newest: IsoDate | '' = '';
  const consider = (date: IsoDate | undefined) => {
    if (date !== undefined && date <= asOf && date > newest) newest = date;
  };
  for (const deal of records.deals) {
    consider(deal.created);
    consider(deal.updated);
    if (deal.status !== 'open') consider(deal.close);
  }
  return newest;
}

export function exportFreshness(records: Records, asOf: IsoDate, limitDays: number, activitiesPresent: boolean): Freshness {
  const files: Freshness['files'] = [];
  const add = (file: string | undefined, newest: IsoDate | '') => {
    if (file === undefined) return;
    files.push({ file, newest, ageDays: newest === '' ? null : daysBetween(newest, asOf) });
  };
  add(records.deals[0]?.file, newestDealDate(records, asOf));
  const facts = records.activityFacts;
  if (activitiesPresent) add(facts.file, facts.newestUpToAsOf <= asOf ? facts.newestUpToAsOf : '');
  const dated = files.filter((f) => f.newest !== '').map((f) => f.newest as IsoDate);
  const dataThrough = dated.length === 0 ? null : dated.reduce((a, b) => (b < a ? b : a));
  const ageDays = dataThrough === null ? null : daysBetween(dataThrough, asOf);
  return { asOf, files, dataThrough, ageDays, limitDays, stale: ageDays !== null && ageDays > limitDays };
}
