/**
 * StaleExport: per file (deals, and activities when present), the newest date up to as-of is more
 * than settings.staleExportDays before as-of. Dates considered: deals' created and updated dates and
 * the close date of won/lost deals; activities' dates (the activity facts' newest date on or before
 * as-of, gathered while the log streams). Dates after as-of (planned) say nothing about
 * freshness and are skipped. One whole-file issue (line 0) per stale file; an empty file gets none.
 */
import type { IsoDate } from '../../core/records.ts';
import type { Issue } from '../../core/issue.ts';
import { daysBetween, type QualityInput } from '../input.ts';
import { makeIssue } from '../../core/rules.ts';

export function staleExport({ records, settings, asOf, present }: QualityInput): Issue[] {
  const newer = (date: IsoDate | undefined, than: IsoDate) => (date !== undefined && date <= asOf && date > than ? date : than);
  let newestDeal: IsoDate = '';
  for (const deal of records.deals) {
    newestDeal = newer(deal.created, newestDeal);
    newestDeal = newer(deal.updated, newestDeal);
    if (deal.status !== 'open') newestDeal = newer(deal.close, newestDeal);
  }
  const files = [{ file: records.deals[0]?.file, dates: [newestDeal] }];
  if (present.activities) {
    const facts = records.activityFacts;
    if (facts.asOf !== asOf) throw new Error(`activity facts gathered as of ${facts.asOf}, checked as of ${asOf}`);
    files.push({ file: facts.file, dates: [facts.newestUpToAsOf] });
  }
  const issues: Issue[] = [];
  for (const { file, dates } of files) {
    if (file === undefined) continue;
    const newest = dates.filter((date) => date !== '' && date <= asOf).reduce<IsoDate>((a, b) => (b > a ? b : a), '');
    if (newest === '') continue;
    const days = daysBetween(newest, asOf);
    if (days <= settings.staleExportDays) continue;
    issues.push(makeIssue('StaleExport', { newest, asOf, days, limit: settings.staleExportDays }, { file, line: 0 }));
  }
  return issues;
}
