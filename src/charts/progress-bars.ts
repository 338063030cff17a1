/**
 * Attainment per seller (or team, or channel): one bar per row as a share of its target, a
 * solid rule at 100 % and, when given, a dashed tick at the share expected by today (pace).
 */
import * as Plot from '@observablehq/plot';
import { formatPercent } from '../format/percent.ts';
import { ACCENT } from './palette.ts';
import { baseOptions, emptyChart, finishSvg, linkOptions, nothingToDraw, textWidth, type ChartOptions } from './render.ts';

export interface ProgressDatum {
  label: string;
  /** Attainment as a ratio, 1 = 100 %; `null` when there is no target (no bar, "–"). */
  value: number | null;
  /** Share of the target expected by today, 0..1. */
  expected?: number;
  /** The page listing the row (the team's or the seller's page). */
  href?: string;
}

export type ProgressBarsOptions = ChartOptions;

const BAR_STEP = 28;
const MAX_MARGIN = 200;

export function progressBars(data: readonly ProgressDatum[], options: ProgressBarsOptions): string {
  if (nothingToDraw(data.map((d) => d.value))) return emptyChart(options);
  const { locale } = options;
  const rows = data.map((d, index) => ({
    index,
    label: d.label,
    value: d.value,
    expected: d.expected ?? null,
    text: formatPercent(d.value, locale),
    href: d.href,
    name: `${d.label}: ${formatPercent(d.value, locale)}`,
  }));
  const max = Math.max(1.2, ...rows.map((d) => d.value ?? 0));
  const marginLeft = Math.min(MAX_MARGIN, Math.max(40, ...rows.map((d) => textWidth(d.label) + 12)));
  const plot = Plot.plot({
    ...baseOptions(options),
    height: 50 + Math.max(1, rows.length) * BAR_STEP,
    marginLeft,
    marginRight: 56,
    x: { domain: [0, max], nice: true, grid: true },
    y: { domain: rows.map((d) => d.index), padding: 0.25, label: null },
    marks: [
      Plot.axisX({ tickFormat: (v: number) => formatPercent(v, locale), label: null }),
      Plot.axisY({
        tickSize: 0,
        tickFormat: (i: number) => rows[i]?.label ?? '',
        textOverflow: 'ellipsis',
        lineWidth: (marginLeft - 12) / 7.2,
      }),
      Plot.barX(rows, { y: 'index', x: 'value', fill: ACCENT, filter: (d: (typeof rows)[number]) => d.value !== null, ...linkOptions(rows) }),
      Plot.tickX(rows, {
        y: 'index',
        x: 'expected',
        strokeDasharray: '3 2',
        strokeWidth: 2,
        filter: (d: (typeof rows)[number]) => d.expected !== null,
      }),
      Plot.ruleX([0]),
      Plot.ruleX([1], { strokeWidth: 2 }),
      Plot.text(rows, { y: 'index', x: (d: (typeof rows)[number]) => d.value ?? 0, text: 'text', textAnchor: 'start', dx: 4 }),
    ],
  });
  return finishSvg(plot, options);
}
