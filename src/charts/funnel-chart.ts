/**
 * The linked KPI chain (visits → leads → meetings booked → meetings held → opportunities → won,
 * plus nurture) as bars in chain order, each labelled with its count and its conversion from
 * the link before: "120 · 25 % av Leads". Conversions come computed from the metrics.
 */
import * as Plot from '@observablehq/plot';
import { formatNumber } from '../format/number.ts';
import { formatPercent } from '../format/percent.ts';
import { t } from '../i18n/index.ts';
import { ACCENT, SERIES_COLORS } from './palette.ts';
import { baseOptions, DEFAULT_WIDTH, emptyChart, finishSvg, nothingToDraw, type ChartOptions } from './render.ts';
import { fitDomain, labelledBarMarks, rowScale } from './rows.ts';

export interface FunnelLink {
  label: string;
  value: number;
  /** Share of `from` that reached this link, 0..1; `null` when `from` was 0. Omit for the first link. */
  conversion?: number | null;
  /** Label of the link the conversion is measured from. */
  from?: string;
  /** A side branch of the chain (nurture): drawn in a second colour. */
  branch?: boolean;
}

export interface FunnelChartOptions extends ChartOptions {
  /** `sqrt` keeps the last links visible when visits are thousands and wins are ten. Default `linear`. */
  scale?: 'linear' | 'sqrt';
}

const MARGIN = { top: 4, right: 8, bottom: 4, left: 2 };
/** Side branches (nurture) in a second hue, not a fainter one: it stays readable on dark pages. */
const BRANCH = SERIES_COLORS[4] ?? ACCENT;

export function funnelChart(data: readonly FunnelLink[], options: FunnelChartOptions): string {
  if (nothingToDraw(data.map((d) => d.value))) return emptyChart(options);
  const { locale } = options;
  const rows = data.map((d, index) => {
    const count = formatNumber(d.value, locale);
    const conversion =
      d.conversion === undefined
        ? ''
        : d.from
          ? t(locale, 'funnel.conversionFrom', { rate: formatPercent(d.conversion, locale), from: d.from })
          : formatPercent(d.conversion, locale);
    return {
      index,
      label: d.label,
      value: d.value,
      text: conversion ? `${count} · ${conversion}` : count,
      color: d.branch ? BRANCH : ACCENT,
    };
  });
  const width = options.width ?? DEFAULT_WIDTH;
  const plotWidth = width - MARGIN.left - MARGIN.right;
  const type = options.scale ?? 'linear';
  const plot = Plot.plot({
    ...baseOptions(options),
    ...rowScale(rows.length, MARGIN.top, MARGIN.bottom),
    marginTop: MARGIN.top,
    marginRight: MARGIN.right,
    marginBottom: MARGIN.bottom,
    marginLeft: MARGIN.left,
    // Every bar carries its count, so no value axis.
    x: { type, domain: [0, Math.max(1, fitDomain(rows, plotWidth, MARGIN.right, type))], axis: null },
    marks: labelledBarMarks(rows, plotWidth),
  });
  return finishSvg(plot, options);
}
