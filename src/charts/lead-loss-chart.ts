/**
 * Where each source loses its leads: one bar per source under its name, 100 % of its leads, split by the
 * furthest link each lead got to (stopped at leads, at qualified, …, won). A long first segment
 * is a source whose leads never qualify; a long last one a source that converts.
 */
import * as Plot from '@observablehq/plot';
import { formatPercent } from '../format/percent.ts';
import { legendMarkup } from './legend.ts';
import { GAP, SERIES_COLORS } from './palette.ts';
import { baseOptions, DEFAULT_WIDTH, finishSvg, textWidth, type ChartOptions } from './render.ts';
import { BAR_INSET_BOTTOM, BAR_INSET_TOP, rowLabels, rowScale } from './rows.ts';

export interface LeadLossBar {
  /** The source as shown ("(none)" for blank). */
  label: string;
  /** Leads per furthest link, in link order (only the links shown). */
  stopped: number[];
}

export interface LeadLossChartOptions extends ChartOptions {
  /** Labels of the segments, in link order: "Stopped at leads", …, "Won". */
  segments: string[];
  /** The last segment is the won link (drawn green). */
  endsWon: boolean;
}

/** Room below the rows for the percentage axis. */
const MARGIN_BOTTOM = 36;

export function leadLossChart(bars: readonly LeadLossBar[], options: LeadLossChartOptions): string {
  const { locale, segments } = options;
  const colors = segments.map((_, i) => (options.endsWon && i === segments.length - 1 ? '#2b8a3e' : SERIES_COLORS[i % 5]!));
  const rows = bars.flatMap((bar, index) => {
    const total = bar.stopped.reduce((sum, n) => sum + n, 0);
    return bar.stopped.map((count, k) => ({ index, segment: segments[k]!, share: total === 0 ? 0 : count / total }));
  });
  // The axis's end labels ("0 %", "100 %") are centred on its ends.
  const marginLeft = textWidth(formatPercent(0, locale)) / 2 + 2;
  const marginRight = textWidth(formatPercent(1, locale)) / 2 + 2;
  const plotWidth = (options.width ?? DEFAULT_WIDTH) - marginLeft - marginRight;
  const plot = Plot.plot({
    ...baseOptions(options),
    ...rowScale(bars.length, 4, MARGIN_BOTTOM),
    marginLeft,
    marginRight,
    marginTop: 4,
    marginBottom: MARGIN_BOTTOM,
    x: { domain: [0, 1], grid: true },
    color: { domain: segments, range: colors },
    marks: [
      Plot.axisX({ tickFormat: (v: number) => formatPercent(v, locale), label: null }),
      Plot.barX(rows, {
        x: 'share',
        y: 'index',
        fill: 'segment',
        order: segments,
        stroke: GAP,
        strokeWidth: 1,
        insetTop: BAR_INSET_TOP,
        insetBottom: BAR_INSET_BOTTOM,
      }),
      rowLabels(
        bars.map((b, index) => ({ index, label: b.label })),
        plotWidth,
      ),
    ],
  });
  const legend = segments.map((label, i) => ({ label, color: colors[i]! }));
  return finishSvg(plot, options, legendMarkup(plot.ownerDocument, legend));
}
