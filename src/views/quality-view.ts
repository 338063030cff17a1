/** The data-quality page: every row accounted for, issues per rule and owner, each issue located. */
import { t } from '../i18n/index.ts';
import type { FileAccount } from '../core/file-account.ts';
import type { PublishedIssue, Report } from '../report/site-model.ts';
import { buildTable } from './build-table.ts';
import type { Fmt } from './format-context.ts';
import type { ViewTable } from './table.ts';
import { qualityTrendTable } from './history-view.ts';

export function issueTable(id: string, title: string, issues: readonly PublishedIssue[], f: Fmt, description?: string): ViewTable {
  const { locale } = f;
  const where = (i: PublishedIssue) => [i.file, i.line > 0 ? i.line : null, i.column ?? null].filter((x) => x !== null).join(':');
  return buildTable(
    { id, title: `${title} (${f.number(issues.length)})`, description },
    [
      { label: t(locale, 'quality.file'), key: 'location', show: where, raw: where },
      { label: t(locale, 'quality.code'), key: 'code', show: (i) => i.title, raw: (i) => i.code },
      { label: t(locale, 'quality.record'), key: 'record', show: (i) => i.recordId ?? '', raw: (i) => i.recordId ?? '' },
      { label: t(locale, 'quality.field'), key: 'field', show: (i) => i.field ?? '', raw: (i) => i.field ?? '' },
      { label: t(locale, 'quality.message'), key: 'message', show: (i) => i.message, raw: (i) => i.message },
      { label: t(locale, 'quality.owner'), key: 'owner', show: (i) => i.owner?.name ?? t(locale, 'common.noOwner'), raw: (i) => i.owner?.name ?? '' },
      { label: t(locale, 'quality.hint'), key: 'hint', show: (i) => i.hint, raw: (i) => i.hint },
    ],
    issues,
  );
}

export function qualityTables(report: Report, f: Fmt): ViewTable[] {
  const { locale } = f;
  const q = report.quality;
  const present = report.files.filter((file) => file.present);
  const sum = (key: 'read' | 'accepted' | 'rejected') => f.number(present.reduce((s, file) => s + file[key], 0));
  return [
    buildTable<FileAccount>(
      { id: 'quality-rows', title: t(locale, 'quality.accounting'), description: t(locale, 'quality.accounting.desc'), footer: [t(locale, 'common.total'), sum('read'), sum('accepted'), sum('rejected')] },
      [
        { label: t(locale, 'quality.file'), key: 'file', show: (r) => r.file, raw: (r) => r.file },
        { label: t(locale, 'quality.rowsRead'), key: 'read', align: 'end', show: (r) => f.number(r.read), raw: (r) => r.read },
        { label: t(locale, 'quality.rowsAccepted'), key: 'accepted', align: 'end', show: (r) => f.number(r.accepted), raw: (r) => r.accepted },
        { label: t(locale, 'quality.rowsRejected'), key: 'rejected', align: 'end', show: (r) => f.number(r.rejected), raw: (r) => r.rejected },
      ],
      present,
    ),
    buildTable(
      { id: 'quality-by-owner', title: t(locale, 'quality.byOwner'), description: t(locale, 'quality.score.desc') },
      [
        { label: t(locale, 'common.seller'), key: 'owner', show: (r) => r.person.name, raw: (r) => r.person.name },
        { label: t(locale, 'quality.scored'), key: 'scored', align: 'end', show: (r) => f.number(r.scored), raw: (r) => r.scored },
        { label: t(locale, 'quality.issues'), key: 'issues', align: 'end', show: (r) => f.number(r.issues), raw: (r) => r.issues },
        { label: t(locale, 'quality.score'), key: 'score', align: 'end', show: (r) => f.percent(r.score), raw: (r) => r.score },
      ],
      q.byOwner,
    ),
    buildTable(
      { id: 'quality-by-rule', title: t(locale, 'quality.byRule') },
      [
        { label: t(locale, 'quality.code'), key: 'code', show: (r) => `${r.title} (${r.code})`, raw: (r) => r.code },
        { label: t(locale, 'quality.kind'), key: 'kind', show: (r) => r.kind, raw: (r) => r.kind },
        { label: t(locale, 'common.count'), key: 'count', align: 'end', show: (r) => f.number(r.count), raw: (r) => r.count },
      ],
      q.byCode,
    ),
    ...(report.history && report.history.qualityByOwner.length > 0 ? [qualityTrendTable(report.history, f)] : []),
    issueTable('quality-issues', t(locale, 'quality.issues'), q.issues, f),
    issueTable('quality-rejected', t(locale, 'quality.rowsRejected'), report.rejected, f, t(locale, 'quality.rejected.desc')),
  ];
}
