/**
 * Where each source loses its leads: one bar per source, 100 % of its leads, split by the
 * furthest link each lead got to (stopped at leads, at qualified, …, won). A long first segment
 * is a source whose leads never qualify; a long last one a source that converts.
 */
import * as Plot from '@observablehq/plot';
import { formatPercent } from '../format/percent.ts';
import { legendMarkup } from './legend.ts';
import { GAP, SERIES_COLORS } from './palette.ts';
import { baseOptions, finishSvg, textWidth, type ChartOptions } from './render.ts';

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

const BAR_STEP = 30;
const MAX_MARGIN = 200;

export function leadLossChart(bars: readonly LeadLossBar[], options: LeadLossChartOptions): string {
  const { locale, segments } = options;
  const colors = segments.map((_, i) => (options.endsWon && i === segments.length - 1 ? '#2b8a3e' : SERIES_COLORS[i % 5]!));
  const rows = bars.flatMap((bar, index) => {
    const total = bar.stopped.reduce((sum, n) => sum + n, 0);
    return bar.stopped.map((count, k) => ({ index, segment: segments[k]!, share: total === 0 ? 0 : count / total }));
  });
  const marginLeft = Math.min(MAX_MARGIN, Math.max(40, ...bars.map((b) => textWidth(b.label) + 12)));
  const plot = Plot.plot({
    ...baseOptions(options),
    height: 50 + Math.max(1, bars.length) * BAR_STEP,
    marginLeft,
    marginRight: 20,
    x: { domain: [0, 1], grid: true },
    y: { domain: bars.map((_, i) => i), padding: 0.25, label: null },
    color: { domain: segments, range: colors },
    marks: [
      Plot.axisX({ tickFormat: (v: number) => formatPercent(v, locale), label: null }),
      Plot.axisY({ tickSize: 0, tickFormat: (i: number) => bars[i]?.label ?? '' }),
      Plot.barX(rows, { x: 'share', y: 'index', fill: 'segment', order: segments, stroke: GAP, strokeWidth: 1 }),
    ],
  });
  const legend = segments.map((label, i) => ({ label, color: colors[i]! }));
  return finishSvg(plot, options, legendMarkup(plot.ownerDocument, legend));
}
