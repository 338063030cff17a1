/**
 * Horizontal bars for categories in the caller's order: volume per channel, open pipeline per
 * stage, deals per seller. Each label stands above its bar and the value is written at the end
 * of the bar, so no value axis is needed.
 */
import * as Plot from '@observablehq/plot';
import { formatMoney, formatNumber, type Currency } from '../format/number.ts';
import type { Channel } from '../core/records.ts';
import { ACCENT, CHANNEL_COLORS } from './palette.ts';
import { baseOptions, DEFAULT_WIDTH, emptyChart, finishSvg, nothingToDraw, type ChartOptions } from './render.ts';
import { fitDomain, labelledBarMarks, rowScale } from './rows.ts';

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

const MARGIN = { top: 4, right: 8, bottom: 4, left: 2 };

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
  const width = options.width ?? DEFAULT_WIDTH;
  const plotWidth = width - MARGIN.left - MARGIN.right;
  const low = Math.min(0, ...rows.map((d) => d.value));
  const plot = Plot.plot({
    ...baseOptions(options),
    ...rowScale(rows.length, MARGIN.top, MARGIN.bottom),
    marginTop: MARGIN.top,
    marginRight: MARGIN.right,
    marginBottom: MARGIN.bottom,
    marginLeft: MARGIN.left,
    x: { domain: [low, Math.max(low + 1, fitDomain(rows, plotWidth, MARGIN.right))], axis: null },
    marks: labelledBarMarks(rows, plotWidth),
  });
  return finishSvg(plot, options);
}
