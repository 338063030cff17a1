/**
 * Sales volume per month stacked by channel, in the fixed channel order and colours, with the
 * target as a dashed tick per month (or one dashed line when the target is the same every month).
 */
import * as Plot from '@observablehq/plot';
import { formatMonth, formatMonthShort } from '../format/date.ts';
import { formatMoney, formatNumber, type Currency } from '../format/number.ts';
import { t } from '../i18n/index.ts';
import { CHANNEL_BUCKETS, type ChannelBucket } from '../core/records.ts';
import { axisUnit } from './axis.ts';
import { legendMarkup, type LegendItem } from './legend.ts';
import { CHANNEL_COLORS, GAP } from './palette.ts';
import { baseOptions, emptyChart, finishSvg, linkOptions, nothingToDraw, textWidth, valueAxisMargin, valueTickCount, type ChartOptions } from './render.ts';

export interface MonthChannelDatum {
  /** `YYYY-MM`. */
  month: string;
  channel: ChannelBucket;
  value: number;
}

export interface MonthTarget {
  month: string;
  value: number;
}

export interface StackedBarsByMonthOptions extends ChartOptions {
  currency?: Currency;
  /** Every month on the axis, in order; months without data show as empty. Default: months in the data, sorted. */
  months?: readonly string[];
  /** A target per month, or one value for every month. */
  target?: number | readonly MonthTarget[];
  /** Legend text for the target. Default: "Target" in the locale. */
  targetLabel?: string;
  height?: number;
  /** The page listing a month's rows (its monthly review); a month without one has no link. */
  monthHref?: (month: string) => string | undefined;
}

export function stackedBarsByMonth(data: readonly MonthChannelDatum[], options: StackedBarsByMonthOptions): string {
  if (nothingToDraw(data.map((d) => d.value))) return emptyChart(options);
  const { locale, currency, target } = options;
  const months = options.months ? [...options.months] : [...new Set(data.map((d) => d.month))].sort();
  const rows = data.map((d) => ({ month: d.month, channel: d.channel, value: d.value }));
  const targets: MonthTarget[] = target === undefined ? [] : typeof target === 'number' ? months.map((month) => ({ month, value: target })) : [...target];
  const totals = new Map<string, number>();
  for (const d of rows) totals.set(d.month, (totals.get(d.month) ?? 0) + Math.max(0, d.value));
  const top = Math.max(0, ...totals.values(), ...targets.map((d) => d.value));
  const unit = axisUnit(top, locale, currency);
  // "Channel not set" is named only when some of the volume has no channel.
  const channels = CHANNEL_BUCKETS.filter((c) => rows.some((d) => d.channel === c && (c !== 'unset' || d.value !== 0)));
  // A January, or the first month shown, carries its year.
  const monthTick = (month: string, i: number) => formatMonthShort(month, locale, i === 0 || month.endsWith('-01'));
  const targetLabel = options.targetLabel ?? t(locale, 'metric.target');
  const targetOf = new Map(targets.map((d) => [d.month, d.value]));
  const links = options.monthHref
    ? months.flatMap((month) => {
        const href = options.monthHref!(month);
        const total = totals.get(month) ?? 0;
        const top = Math.max(total, targetOf.get(month) ?? 0);
        const money = currency ? formatMoney(total, currency, locale, { compact: true }) : formatNumber(total, locale);
        return href && top > 0 ? [{ month, top, href, name: `${formatMonth(month, locale)}: ${money}` }] : [];
      })
    : [];

  const plot = Plot.plot({
    ...baseOptions(options),
    height: options.height ?? 320,
    // Room for the value labels and the last month's label at the narrow text size (the month
    // labels that would overlap there are hidden by CSS, see thinTickLabels).
    marginLeft: Math.max(56, valueAxisMargin(top, unit.tickFormat)),
    marginRight: Math.max(20, textWidth(monthTick(months.at(-1) ?? '', months.length - 1)) / 2 - 10),
    // Room above the top tick for the unit, below the axis for its labels, at the narrow text size.
    marginTop: 32,
    marginBottom: 34,
    x: { domain: months, padding: 0.2, label: null },
    y: { grid: true, ticks: valueTickCount((options.height ?? 320) - 66), nice: true },
    color: { domain: [...CHANNEL_BUCKETS], range: CHANNEL_BUCKETS.map((c) => CHANNEL_COLORS[c]) },
    marks: [
      Plot.axisX({ tickSize: 0, tickFormat: (m: string) => monthTick(m, months.indexOf(m)) }),
      Plot.axisY({ ticks: valueTickCount((options.height ?? 320) - 66), tickFormat: unit.tickFormat, label: unit.label, labelArrow: 'none' }),
      Plot.barY(rows, {
        x: 'month',
        y: 'value',
        fill: 'channel',
        order: [...CHANNEL_BUCKETS],
        stroke: GAP,
        strokeWidth: 1,
      }),
      // Each month's whole column (bars and target) is one link, drawn clear over the bars.
      links.length > 0 ? Plot.barY(links, { x: 'month', y: 'top', fill: 'transparent', ...linkOptions(links) }) : null,
      Plot.ruleY([0]),
      typeof target === 'number'
        ? Plot.ruleY([target], { strokeDasharray: '6 4', strokeWidth: 2 })
        : Plot.tickY(targets, { x: 'month', y: 'value', strokeDasharray: '6 4', strokeWidth: 2 }),
    ],
  });
  const legend: LegendItem[] = channels.map((c) => ({ label: t(locale, `channel.${c}`), color: CHANNEL_COLORS[c] }));
  if (targets.length > 0) legend.push({ label: targetLabel, color: 'currentColor', shape: 'rule' });
  return finishSvg(plot, options, legendMarkup(plot.ownerDocument, legend));
}
