/** Tables of what the site remembers: changes since the last meeting, figures then and now, trends. */
import { lineChart } from '../charts/index.ts';
import { monthRange } from '../periods/fiscal.ts';
import { t, type MessageKey } from '../i18n/index.ts';
import type { ChangeKind } from '../history/types.ts';
import type { ChangeLine, HistorySection, MonthMemory, WeekChanges, WeekMemory } from '../report/history-section.ts';
import { dealColumns } from './crm-link.ts';
import { buildTable } from './build-table.ts';
import type { Fmt } from './format-context.ts';
import type { ViewTable } from './table.ts';

const KIND_KEY: Record<ChangeKind, MessageKey> = {
  new: 'change.new',
  won: 'change.won',
  lost: 'change.lost',
  slipped: 'change.slipped',
  'amount-up': 'change.amountUp',
  'amount-down': 'change.amountDown',
  'stage-back': 'change.stageBack',
  'stage-forward': 'change.stageForward',
  gone: 'change.gone',
};

/** `stageLabel` names a stage as the settings do (sv/da pages show no internal stage id). */
export function changesTable(changes: WeekChanges, f: Fmt, teamName: (id: string) => string, stageLabel: (id: string) => string = (id) => id): ViewTable {
  const { locale } = f;
  const detail = (c: ChangeLine): string => {
    const b = c.before;
    const a = c.after;
    if (c.kind === 'slipped' && b && a) return `${f.date(b.close)} → ${f.date(a.close)}`;
    if ((c.kind === 'amount-up' || c.kind === 'amount-down') && b && a) return `${f.money(b.amount)} → ${f.money(a.amount)}`;
    if ((c.kind === 'stage-back' || c.kind === 'stage-forward') && b && a) return `${stageLabel(b.stageId)} → ${stageLabel(a.stageId)}`;
    return f.money(a?.amount ?? b?.amount ?? null);
  };
  return buildTable<ChangeLine>(
    {
      id: `week-${changes.week.toLowerCase()}-changes`,
      title: t(locale, 'change.title'),
      description: t(locale, 'change.desc', { from: f.date(changes.from), to: f.date(changes.to) }),
    },
    [
      { label: t(locale, 'change.kind'), key: 'kind', show: (c) => t(locale, KIND_KEY[c.kind]), raw: (c) => c.kind },
      ...dealColumns<ChangeLine>(f, (c) => ({ id: c.dealId, name: c.name })),
      { label: t(locale, 'common.customer'), key: 'account', show: (c) => c.account, raw: (c) => c.account },
      { label: t(locale, 'common.team'), key: 'team', show: (c) => teamName(c.teamId), raw: (c) => c.teamId },
      { label: t(locale, 'common.seller'), key: 'owner', show: (c) => c.owner.name, raw: (c) => c.owner.name },
      { label: t(locale, 'change.detail'), key: 'detail', show: detail, raw: detail },
    ],
    changes.changes,
  );
}

/** A past monthly review's or weekly meeting's figures as presented beside the figures as known today. */
export function memoryTable(memory: MonthMemory | WeekMemory, f: Fmt): ViewTable {
  const { locale } = f;
  type Row = { label: string; then: number | null; now: number | null; money: boolean };
  const rows: Row[] = [
    { label: t(locale, 'metric.salesVolume'), then: memory.presented.volumeYtd, now: memory.today.volumeYtd, money: true },
    { label: t(locale, 'metric.budget'), then: memory.presented.budgetYtd, now: memory.today.budgetYtd, money: true },
    { label: t(locale, 'metric.attainment'), then: memory.presented.attainment, now: memory.today.attainment, money: false },
  ];
  const show = (r: Row, v: number | null) => (r.money ? f.money(v) : f.percent(v));
  // Both columns run to the snapshot's day; the month's results tables run to the month's end.
  const cutoff = f.date(memory.presentedAsOf);
  const through = 'month' in memory ? monthRange(memory.month).end : memory.presentedAsOf;
  const otherDate = through !== memory.presentedAsOf ? ` ${t(locale, 'memory.otherDate', { date: cutoff, through: f.date(through) })}` : '';
  const differs = (r: Row) => r.then !== null && r.now !== null && Math.abs(r.then - r.now) > (r.money ? 0.5 : 0.0005);
  return buildTable<Row>(
    {
      id: 'month' in memory ? `month-${memory.month}-then-and-now` : `week-${memory.week.toLowerCase()}-then-and-now`,
      title: t(locale, 'memory.title'),
      description: `${t(locale, 'month' in memory ? 'memory.desc' : 'memory.descWeek', { date: cutoff })}${otherDate}`,
    },
    [
      { label: t(locale, 'planCheck.measure'), key: 'figure', show: (r) => r.label, raw: (r) => r.label },
      {
        label: `${t(locale, 'memory.presented')} (${t(locale, 'memory.cutoff', { date: cutoff })})`,
        key: 'as_presented',
        align: 'end',
        show: (r) => show(r, r.then),
        raw: (r) => r.then,
      },
      {
        label: `${t(locale, 'memory.today')} (${t(locale, 'memory.cutoff', { date: cutoff })})`,
        key: 'as_known_today',
        align: 'end',
        show: (r) => show(r, r.now),
        raw: (r) => r.now,
      },
      {
        label: t(locale, 'memory.changed'),
        key: 'changed',
        show: (r) => (differs(r) ? `⚠ ${t(locale, 'memory.changedYes')}` : '–'),
        raw: (r) => (differs(r) ? 1 : 0),
      },
    ],
    rows,
  );
}

export function pipelineTrendTable(history: HistorySection, f: Fmt): ViewTable {
  const { locale } = f;
  const title = t(locale, 'trend.pipeline');
  const points = history.company;
  return buildTable(
    {
      id: 'trend-pipeline',
      title,
      description: t(locale, 'trend.desc', { count: f.number(history.snapshots) }),
      chart:
        points.length < 2
          ? undefined
          : () =>
              lineChart(
                points.flatMap((p) => [
                  { week: p.week, value: p.openAmount, series: t(locale, 'metric.openPipeline'), href: f.links?.week(p.week) },
                  { week: p.week, value: p.weighted, series: t(locale, 'metric.weightedPipeline'), href: f.links?.week(p.week) },
                ]),
                { locale, currency: f.currency, title },
              ),
    },
    [
      { label: t(locale, 'common.week'), key: 'week', show: (p) => f.week(p.week, true), raw: (p) => p.week },
      { label: t(locale, 'metric.openPipeline'), key: 'open', align: 'end', show: (p) => f.money(p.openAmount), raw: (p) => p.openAmount },
      { label: t(locale, 'metric.weightedPipeline'), key: 'weighted', align: 'end', show: (p) => f.money(p.weighted), raw: (p) => p.weighted },
      { label: t(locale, 'metric.coverage'), key: 'coverage', align: 'end', show: (p) => f.number(p.coverage, 1), raw: (p) => p.coverage },
    ],
    points,
  );
}

export function qualityTrendTable(history: HistorySection, f: Fmt): ViewTable {
  const { locale } = f;
  const weeks = [...new Set(history.qualityByOwner.flatMap((o) => o.points.map((p) => p.week)))].sort().slice(-8);
  return buildTable(
    { id: 'trend-quality', title: t(locale, 'trend.quality'), description: t(locale, 'quality.score.desc') },
    [
      { label: t(locale, 'common.seller'), key: 'owner', show: (o) => o.person.name, raw: (o) => o.person.name },
      ...weeks.map((week) => ({
        label: f.week(week),
        key: week,
        align: 'end' as const,
        show: (o: HistorySection['qualityByOwner'][number]) => f.percent(o.points.find((p) => p.week === week)?.score ?? null),
        raw: (o: HistorySection['qualityByOwner'][number]) => o.points.find((p) => p.week === week)?.score ?? null,
      })),
    ],
    history.qualityByOwner,
  );
}

/** Changes since the last meeting counted per team and kind: the meeting's first glance. */
export function changeCountsTable(changes: WeekChanges, f: Fmt, teamName: (id: string) => string): ViewTable {
  const { locale } = f;
  const kinds = (Object.keys(KIND_KEY) as ChangeKind[]).filter((kind) => changes.counts[kind] > 0);
  const rows = [
    ...Object.entries(changes.byTeam)
      .map(([teamId, counts]) => ({ name: teamName(teamId), counts }))
      .sort((a, b) => a.name.localeCompare(b.name, locale)),
  ];
  return buildTable(
    {
      id: `week-${changes.week.toLowerCase()}-change-counts`,
      title: t(locale, 'change.summary'),
      footer: [t(locale, 'common.total'), ...kinds.map((kind) => f.number(changes.counts[kind]))],
    },
    [
      { label: t(locale, 'common.team'), key: 'team', show: (r) => r.name, raw: (r) => r.name },
      ...kinds.map((kind) => ({
        label: t(locale, KIND_KEY[kind]),
        key: kind,
        align: 'end' as const,
        show: (r: (typeof rows)[number]) => f.number(r.counts[kind] ?? 0),
        raw: (r: (typeof rows)[number]) => r.counts[kind] ?? 0,
      })),
    ],
    rows,
  );
}
