/**
 * A weekly series: new pipeline per week, activities against their goal. Weeks are points on
 * an ordinal axis labelled "v. 47"; a `null` value leaves a gap, it is not drawn as zero.
 * With nothing but zeros and gaps the chart is a sentence, not an empty frame. With `cap`, the
 * axis stops there: a value above is drawn at the cap as ▲ with its own figure, and a note says
 * so. A single week is drawn as a bar per series, not as dots floating in the frame.
 */
import * as Plot from '@observablehq/plot';
import { formatMoney, formatNumber, type Currency } from '../format/number.ts';
import { formatPercent } from '../format/percent.ts';
import { weekLabel } from '../format/week.ts';
import { t } from '../i18n/index.ts';
import { axisUnit } from './axis.ts';
import { legendMarkup, type LegendItem } from './legend.ts';
import { SERIES_COLORS } from './palette.ts';
import { baseOptions, emptyChart, finishSvg, linkOptions, nothingToDraw, textWidth, valueTickCount, type ChartOptions } from './render.ts';

export interface WeekDatum {
  /** ISO week `2026-W47`. */
  week: string;
  value: number | null;
  /** Series name when several lines share the chart (shown in the legend). */
  series?: string;
  /** The week's meeting page; the week's point links there. */
  href?: string;
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
  /** The value axis stops here; larger values are marked at the cap with their figure. */
  cap?: number;
  /** Colour per series name; default the series palette in order of appearance. */
  colors?: Readonly<Record<string, string>>;
  height?: number;
}

const MAX_TICKS = 12;

export function lineChart(data: readonly WeekDatum[], options: LineChartOptions): string {
  if (nothingToDraw(data.map((d) => d.value))) return emptyChart(options);
  const { locale, currency, goal } = options;
  const weeks = options.weeks ? [...options.weeks] : [...new Set(data.map((d) => d.week))].sort();
  const names = [...new Set(data.map((d) => d.series ?? ''))];
  const color = (name: string, i: number) => options.colors?.[name] ?? SERIES_COLORS[i % SERIES_COLORS.length] ?? 'currentColor';
  const cap = options.cap;
  const capped = (value: number | null) => (value !== null && cap !== undefined && value > cap ? cap : value);
  const format0 = (value: number) =>
    options.percent ? formatPercent(value / 100, locale) : currency ? formatMoney(value, currency, locale, { compact: true }) : formatNumber(value, locale);
  const rows = data.map((d) => ({
    week: d.week,
    value: capped(d.value),
    actual: d.value,
    series: d.series ?? '',
    href: d.value === null ? undefined : d.href,
    name: `${d.series ? `${d.series}, ` : ''}${weekLabel(d.week, locale, { year: true })}: ${d.value === null ? '–' : format0(d.value)}`,
  }));
  const over = rows.filter((d) => d.actual !== null && cap !== undefined && d.actual > cap);
  const values = rows.map((d) => d.value ?? 0);
  const top = Math.max(1, ...values, goal ?? 0);
  const unit = options.percent
    ? { label: null, tickFormat: (value: number) => formatPercent(value / 100, locale) }
    : axisUnit(Math.max(0, ...values, goal ?? 0), locale, currency);
  // Room for the widest value tick ("1 000 %") at the narrow text size; the axis reaches at most
  // a quarter past the largest value when it is made nice.
  const widestTick = textWidth(unit.tickFormat(1.25 * top));
  const every = Math.max(1, Math.ceil(weeks.length / MAX_TICKS));
  const ticks = weeks.filter((_, i) => i % every === 0);
  const dots = weeks.length <= 26;
  const single = weeks.length === 1;
  const format = (value: number) => (options.percent ? formatPercent(value / 100, locale) : unit.tickFormat(value));

  const height = options.height ?? 280;
  const plot = Plot.plot({
    ...baseOptions(options),
    height,
    marginLeft: Math.max(56, widestTick + 11),
    // Room for the last week's label and a capped value's figure, centred on their week.
    marginRight: Math.max(24, textWidth(weekLabel(ticks.at(-1) ?? '', locale)) / 2 - 8, ...over.map((d) => textWidth(format(d.actual ?? 0)) / 2 + 2)),
    // Room above the top tick for the unit, below the axis for its labels, at the narrow text size.
    marginTop: 32,
    marginBottom: 34,
    // One week: a bar per series side by side (a line needs two weeks; lone dots would float).
    x: single ? { type: 'band', domain: names, padding: 0.3, label: null } : { type: 'point', domain: weeks, padding: 0.3, label: null },
    y: { grid: true, ticks: valueTickCount(height - 66), nice: over.length === 0, domain: [Math.min(0, ...values), top] },
    color: { domain: names, range: names.map(color) },
    marks: [
      single
        ? // The bars' names are in the legend; the axis names the week, within the bottom margin.
          Plot.axisX({ tickSize: 0, tickFormat: () => '', label: weekLabel(weeks[0]!, locale), labelAnchor: 'center', labelArrow: 'none', labelOffset: 22 })
        : Plot.axisX({ ticks, tickFormat: (w: string) => weekLabel(w, locale) }),
      Plot.axisY({ ticks: valueTickCount(height - 66), tickFormat: unit.tickFormat, label: unit.label, labelArrow: 'none' }),
      Plot.ruleY([0]),
      goal === undefined ? null : Plot.ruleY([goal], { strokeDasharray: '6 4', strokeWidth: 2 }),
      single
        ? Plot.barY(rows, { x: 'series', y: 'value', fill: 'series' })
        : Plot.lineY(rows, { x: 'week', y: 'value', z: 'series', stroke: 'series', strokeWidth: 2 }),
      dots && !single
        ? Plot.dot(rows, { x: 'week', y: 'value', fill: 'series', r: 3, filter: (d: (typeof rows)[number]) => !over.includes(d), ...linkOptions(rows) })
        : null,
      over.length === 0 ? null : Plot.dot(over, { x: single ? 'series' : 'week', y: 'value', fill: 'series', symbol: 'triangle', r: 5 }),
      over.length === 0
        ? null
        : Plot.text(over, {
            x: single ? 'series' : 'week',
            y: 'value',
            text: (d: (typeof rows)[number]) => format(d.actual ?? 0),
            dy: -10,
            fontWeight: 'bold',
          }),
    ],
  });
  const legend: LegendItem[] = names.length > 1 ? names.map((name, i) => ({ label: name, color: color(name, i) })) : [];
  if (goal !== undefined) legend.push({ label: options.goalLabel ?? t(locale, 'common.goal'), color: 'currentColor', shape: 'rule' });
  const note = over.length === 0 ? '' : `<p class="tavla-chart-note">${t(locale, 'chart.capped', { cap: format(cap!) })}</p>`;
  return finishSvg(plot, options, note + (legend.length > 0 ? legendMarkup(plot.ownerDocument, legend) : ''));
}
