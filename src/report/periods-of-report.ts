/**
 * The report's fixed windows, all derived from the as-of date and the fiscal-year start:
 * year-to-date, the same window a year earlier, the fiscal year and quarter, the trailing
 * twelve months, and the weeks shown in trend charts.
 */
import type { IsoDate } from '../core/records.ts';
import { addDays, addMonths, type DateRange } from '../periods/calendar.ts';
import { fiscalQuarterOf, fiscalQuarterRange, fiscalYearOf, fiscalYearRange, yearToDate } from '../periods/fiscal.ts';
import { addWeeks, isoWeekOf } from '../periods/iso-week.ts';

export interface ReportPeriods {
  asOf: IsoDate;
  fiscalYear: number;
  fiscalYearRange: DateRange;
  yearToDate: DateRange;
  previousYearToDate: DateRange;
  quarter: { fiscalYear: number; quarter: number; range: DateRange };
  trailingYear: DateRange;
  asOfWeek: string;
  /** The 13 ISO weeks ending with the as-of week. */
  recentWeeks: string[];
}

export function reportPeriods(asOf: IsoDate, startMonth: number): ReportPeriods {
  const fiscalYear = fiscalYearOf(asOf, startMonth);
  const ytd = yearToDate(asOf, startMonth);
  const { quarter } = fiscalQuarterOf(asOf, startMonth);
  const asOfWeek = isoWeekOf(asOf);
  return {
    asOf,
    fiscalYear,
    fiscalYearRange: fiscalYearRange(fiscalYear, startMonth),
    yearToDate: ytd,
    previousYearToDate: { start: addMonths(ytd.start, -12), end: addMonths(ytd.end, -12) },
    quarter: { fiscalYear, quarter, range: fiscalQuarterRange(fiscalYear, quarter, startMonth) },
    trailingYear: { start: addDays(addMonths(asOf, -12), 1), end: asOf },
    asOfWeek,
    recentWeeks: Array.from({ length: 13 }, (_, i) => addWeeks(asOfWeek, i - 12)),
  };
}
