/**
 * A weekly series: new pipeline per week, activities against their goal. Weeks are points on
 * an ordinal axis labelled "v. 47"; a `null` value leaves a gap, it is not drawn as zero.
 */
import * as Plot from '@observablehq/plot';
import type { Currency } from '../format/number.ts';
import { formatPercent } from '../format/percent.ts';
import { weekLabel } from '../format/week.ts';
import { t } from '../i18n/index.ts';
import { axisUnit } from './axis.ts';
import { legendMarkup, type LegendItem } from './legend.ts';
import { SERIES_COLORS } from './palette.ts';
import { baseOptions, finishSvg, type ChartOptions } from './render.ts';

export interface WeekDatum {
  /** ISO week `2026-W47`. */
  week: string;
  value: number | null;
  /** Series name when several lines share the chart (shown in the legend). */
  series?: string;
}

export interface LineChartOptions extends ChartOptions {
  currency?: Currency;
  /** Every week on the axis, in order. Default: weeks in the data, sorted. */
  weeks?: readonly string[];
  /** A goal per week, drawn as a dashed rule. */
  goal?: number;
  /** Legend text for the goal. Default: "Goal" in the locale. */
  goalLabel?: string;
  /** Values are percentages (100 = the whole): the value axis reads "50 %" and has no unit label. */
  percent?: boolean;
  /** Colour per series name; default the series palette in order of appearance. */
  colors?: Readonly<Record<string, string>>;
  height?: number;
}

const MAX_TICKS = 12;

export function lineChart(data: readonly WeekDatum[], options: LineChartOptions): string {
  const { locale, currency, goal } = options;
  const weeks = options.weeks ? [...options.weeks] : [...new Set(data.map((d) => d.week))].sort();
  const names = [...new Set(data.map((d) => d.series ?? ''))];
  const color = (name: string, i: number) => options.colors?.[name] ?? SERIES_COLORS[i % SERIES_COLORS.length] ?? 'currentColor';
  const rows = data.map((d) => ({ week: d.week, value: d.value, series: d.series ?? '' }));
  const values = rows.map((d) => d.value ?? 0);
  const top = Math.max(1, ...values, goal ?? 0);
  const unit = options.percent
    ? { label: null, tickFormat: (value: number) => formatPercent(value / 100, locale) }
    : axisUnit(Math.max(0, ...values, goal ?? 0), locale, currency);
  // Room for the widest value tick ("1 000 %"), about 7 px a character; the axis reaches at most
  // a quarter past the largest value when it is made nice.
  const widestTick = unit.tickFormat(1.25 * top).length;
  const every = Math.max(1, Math.ceil(weeks.length / MAX_TICKS));
  const ticks = weeks.filter((_, i) => i % every === 0);
  const dots = weeks.length <= 26;

  const plot = Plot.plot({
    ...baseOptions(options),
    height: options.height ?? 280,
    marginLeft: Math.max(56, 7 * widestTick + 16),
    marginRight: 24,
    x: { type: 'point', domain: weeks, padding: 0.3, label: null },
    y: { grid: true, nice: true, domain: [Math.min(0, ...values), top] },
    color: { domain: names, range: names.map(color) },
    marks: [
      Plot.axisX({ ticks, tickFormat: (w: string) => weekLabel(w, locale) }),
      Plot.axisY({ tickFormat: unit.tickFormat, label: unit.label, labelArrow: 'none' }),
      Plot.ruleY([0]),
      goal === undefined ? null : Plot.ruleY([goal], { strokeDasharray: '6 4', strokeWidth: 2 }),
      Plot.lineY(rows, { x: 'week', y: 'value', z: 'series', stroke: 'series', strokeWidth: 2 }),
      dots ? Plot.dot(rows, { x: 'week', y: 'value', fill: 'series', r: 3 }) : null,
    ],
  });
  const legend: LegendItem[] = names.length > 1 ? names.map((name, i) => ({ label: name, color: color(name, i) })) : [];
  if (goal !== undefined) legend.push({ label: options.goalLabel ?? t(locale, 'common.goal'), color: 'currentColor', shape: 'rule' });
  return finishSvg(plot, options, legend.length > 0 ? legendMarkup(plot.ownerDocument, legend) : '');
}
