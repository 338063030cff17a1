/**
 * Horizontal bars for categories in the caller's order: volume per channel, open pipeline per
 * stage, deals per seller. The value is written at the end of each bar.
 */
import * as Plot from '@observablehq/plot';
import { formatMoney, formatNumber, type Currency } from '../format/number.ts';
import type { Channel } from '../core/records.ts';
import { axisUnit } from './axis.ts';
import { ACCENT, CHANNEL_COLORS } from './palette.ts';
import { baseOptions, emptyChart, finishSvg, labelledBarMarks, nothingToDraw, textWidth, type ChartOptions } from './render.ts';

export interface BarDatum {
  label: string;
  value: number;
  /** Colours the bar in its channel's colour. */
  channel?: Channel;
  /** The page or anchor listing the bar's rows (a stage's deals, a seller's page). */
  href?: string;
}

export interface BarChartOptions extends ChartOptions {
  /** Money values: bar labels like "1,2 mnkr", axis in the same unit. */
  currency?: Currency;
  /** Overrides the bar-end label. */
  format?: (value: number) => string;
}

const BAR_STEP = 30;
const MAX_MARGIN = 220;

export function barChart(data: readonly BarDatum[], options: BarChartOptions): string {
  if (nothingToDraw(data.map((d) => d.value))) return emptyChart(options);
  const { locale, currency } = options;
  const format = options.format ?? ((v: number) => (currency ? formatMoney(v, currency, locale, { compact: true }) : formatNumber(v, locale)));
  const rows = data.map((d, index) => ({
    index,
    label: d.label,
    value: d.value,
    text: format(d.value),
    color: d.channel ? CHANNEL_COLORS[d.channel] : ACCENT,
    href: d.href,
    name: `${d.label}: ${format(d.value)}`,
  }));
  const unit = axisUnit(Math.max(0, ...rows.map((d) => Math.abs(d.value))), locale, currency);
  const marginLeft = Math.min(MAX_MARGIN, Math.max(40, ...rows.map((d) => textWidth(d.label) + 12)));
  const plot = Plot.plot({
    ...baseOptions(options),
    height: 50 + Math.max(1, rows.length) * BAR_STEP,
    marginLeft,
    marginRight: Math.max(20, ...rows.map((d) => textWidth(d.text) + 10)),
    x: { grid: true, nice: true },
    y: { domain: rows.map((d) => d.index), padding: 0.25, label: null },
    marks: [Plot.axisX({ tickFormat: unit.tickFormat, label: unit.label, labelArrow: 'none', labelAnchor: 'right' }), ...labelledBarMarks(rows, marginLeft)],
  });
  return finishSvg(plot, options);
}
