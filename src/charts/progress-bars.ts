/**
 * Attainment per seller (or team, or channel): one bar per row as a share of its target, its
 * label above it and its share after its end, a solid rule at 100 % labelled at the top and,
 * when given, a dashed tick at the share expected by today (pace).
 */
import * as Plot from '@observablehq/plot';
import { formatPercent } from '../format/percent.ts';
import { ACCENT } from './palette.ts';
import { baseOptions, DEFAULT_WIDTH, emptyChart, finishSvg, linkOptions, nothingToDraw, textWidth, type ChartOptions } from './render.ts';
import { BAR_INSET_BOTTOM, BAR_INSET_TOP, fitDomain, rowLabels, rowScale, valueLabels } from './rows.ts';

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

/** Room above the rows for the 100 % rule's label. */
const MARGIN = { top: 28, right: 8, bottom: 4, left: 2 };

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
  const width = options.width ?? DEFAULT_WIDTH;
  const plotWidth = width - MARGIN.left - MARGIN.right;
  // The 100 % label is centred on its rule: the axis reaches far enough for its right half.
  const full = formatPercent(1, locale);
  const max = Math.max(1.1, fitDomain(rows, plotWidth, MARGIN.right), plotWidth / (plotWidth + MARGIN.right - textWidth(full) / 2));
  const bar = { insetTop: BAR_INSET_TOP, insetBottom: BAR_INSET_BOTTOM };
  const plot = Plot.plot({
    ...baseOptions(options),
    ...rowScale(rows.length, MARGIN.top, MARGIN.bottom),
    marginTop: MARGIN.top,
    marginRight: MARGIN.right,
    marginBottom: MARGIN.bottom,
    marginLeft: MARGIN.left,
    x: { domain: [0, max], axis: null },
    marks: [
      Plot.barX(rows, { y: 'index', x: 'value', fill: ACCENT, ...bar, filter: (d: (typeof rows)[number]) => d.value !== null, ...linkOptions(rows) }),
      Plot.tickX(rows, {
        y: 'index',
        x: 'expected',
        strokeDasharray: '3 2',
        strokeWidth: 2,
        insetTop: BAR_INSET_TOP - 3,
        insetBottom: 0,
        filter: (d: (typeof rows)[number]) => d.expected !== null,
      }),
      Plot.ruleX([0]),
      Plot.ruleX([1], { strokeWidth: 2 }),
      Plot.text([full], { x: () => 1, frameAnchor: 'top', lineAnchor: 'bottom', dy: -4, text: (d: string) => d, fontWeight: 600 }),
      rowLabels(rows, plotWidth),
      valueLabels(rows),
    ],
  });
  return finishSvg(plot, options);
}
