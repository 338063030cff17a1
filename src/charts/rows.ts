/**
 * The layout of the horizontal bar charts: each row a band of ROW_STEP units with its label above
 * the bar, inside the plot area. With no left margin of names, text grown for a narrow screen
 * (FONT_SIZE_NARROW) stays inside the drawing instead of pushing the names off its left edge.
 */
import * as Plot from '@observablehq/plot';
import { GAP } from './palette.ts';
import { FONT_SIZE_NARROW, linkOptions, textWidth, type Linked } from './render.ts';

/** Height of a row: the label line above, the bar below. */
export const ROW_STEP = 50;
/** The bar fills the lower part of its row: from 31 to 47 units below the row's top. */
export const BAR_INSET_TOP = 31;
export const BAR_INSET_BOTTOM = 3;
/** From the row's centre (25) to the label's baseline (25), clear of the bar at every text size. */
const LABEL_DY = 0;
/** From the row's centre to the bar's centre (39), where the value is written. */
const BAR_DY = 14;
/** Gap between a bar's end and its value. */
const VALUE_GAP = 4;
/** A halo in the page's colour around text, so a reference rule passing behind it stays readable. */
const HALO = { fill: 'currentColor', stroke: GAP, strokeWidth: 4, paintOrder: 'stroke' } as const;
/** A wider halo for the values after the bars, where the 100 % rule may pass: it also covers the gap of "97 %". */
const VALUE_HALO = { ...HALO, strokeWidth: 8 } as const;

/** Plot options of a chart of `count` rows: its height and a y scale with one ROW_STEP per row. */
export function rowScale(count: number, marginTop: number, marginBottom: number): { height: number; y: Plot.ScaleOptions } {
  const n = Math.max(1, count);
  return {
    height: marginTop + marginBottom + n * ROW_STEP,
    y: { domain: Array.from({ length: n }, (_, i) => i), padding: 0, label: null, axis: null },
  };
}

/**
 * The largest value of a linear or square-root x scale from 0 such that each row's text, written
 * after its bar's end, ends inside the plot area plus `room` (the right margin) at the narrow text
 * size. `plotWidth` is the width between the margins.
 */
export function fitDomain(
  rows: readonly { value: number | null; text: string }[],
  plotWidth: number,
  room: number,
  type: 'linear' | 'sqrt' = 'linear',
): number {
  const scale = type === 'sqrt' ? Math.sqrt : (v: number) => v;
  let top = 0;
  for (const row of rows) {
    if (row.value === null || row.value <= 0) continue;
    // The bar may take what the text leaves, but at least a third of the width.
    const free = Math.max(plotWidth / 3, plotWidth + room - VALUE_GAP - textWidth(row.text));
    top = Math.max(top, (scale(row.value) * plotWidth) / free);
  }
  return type === 'sqrt' ? top * top : top;
}

/** Each row's label above its bar, from the left edge of the plot area, cut with … when too long. */
export function rowLabels<T extends { index: number; label: string }>(rows: readonly T[], plotWidth: number): Plot.Markish {
  return Plot.text(rows, {
    y: 'index',
    frameAnchor: 'left',
    text: 'label',
    textAnchor: 'start',
    lineAnchor: 'bottom',
    // Clear of the zero rule, which the label's halo would otherwise cut.
    dx: 4,
    dy: LABEL_DY,
    textOverflow: 'ellipsis',
    lineWidth: (plotWidth - 4) / FONT_SIZE_NARROW,
    ...HALO,
  });
}

/** Rows of a horizontal bar chart: their position, label, value, colour and end-of-bar text. */
export interface LabelledBar extends Linked {
  index: number;
  label: string;
  value: number;
  color: string;
  text: string;
}

/** Labels above the bars, bars from zero, the value written at each bar's end. */
export function labelledBarMarks(rows: readonly LabelledBar[], plotWidth: number): Plot.Markish[] {
  return [
    Plot.barX(rows, { y: 'index', x: 'value', fill: 'color', insetTop: BAR_INSET_TOP, insetBottom: BAR_INSET_BOTTOM, ...linkOptions(rows) }),
    Plot.ruleX([0]),
    rowLabels(rows, plotWidth),
    valueLabels(rows),
  ];
}

/** The value written after the end of each bar, centred on it. */
export function valueLabels<T extends { index: number; value: number | null; text: string }>(rows: readonly T[]): Plot.Markish {
  return Plot.text(rows, { y: 'index', x: (d: T) => d.value ?? 0, text: 'text', textAnchor: 'start', dx: VALUE_GAP, dy: BAR_DY, ...VALUE_HALO });
}
