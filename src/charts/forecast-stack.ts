/**
 * Forecast against budget per row (the company, each team): closed, then commit, then best case
 * stacked left to right, and the budget as a dark tick across each bar. The row's label above its
 * bar names the budget's amount ("Stockholm · Budget 4,2 mnkr"), clear of the bars at any size.
 */
import * as Plot from '@observablehq/plot';
import { formatMoney, type Currency } from '../format/number.ts';
import { axisUnit } from './axis.ts';
import { legendMarkup } from './legend.ts';
import { GAP } from './palette.ts';
import { baseOptions, DEFAULT_WIDTH, finishSvg, linkOptions, textWidth, type ChartOptions } from './render.ts';
import { BAR_INSET_BOTTOM, BAR_INSET_TOP, rowLabels, rowScale } from './rows.ts';

export interface ForecastRow {
  label: string;
  closed: number;
  commit: number;
  bestCase: number;
  budget: number | null;
  /** The page listing the row's deals (the team's page). */
  href?: string;
}

export interface ForecastStackOptions extends ChartOptions {
  currency?: Currency;
  /** Legend names of closed, commit, best case and budget. */
  labels: { closed: string; commit: string; bestCase: string; budget: string };
}

/** Closed, commit, best case: dark to light of one hue, so the order reads without colour names. */
export const FORECAST_COLORS = { closed: '#1f5fa8', commit: '#4a8fd8', bestCase: '#9cc3ee' } as const;
/** Room below the rows for the value axis: its ticks and, under them, its unit. */
const MARGIN_BOTTOM = 56;

export function forecastStack(data: readonly ForecastRow[], options: ForecastStackOptions): string {
  const { locale, currency, labels } = options;
  const segments = data.flatMap((d, index) => (['closed', 'commit', 'bestCase'] as const).map((kind) => ({ index, kind, value: Math.max(0, d[kind]) })));
  const budgets = data.flatMap((d, index) => (d.budget === null ? [] : [{ index, value: d.budget }]));
  const max = Math.max(0, ...data.map((d) => Math.max(0, d.closed) + Math.max(0, d.commit) + Math.max(0, d.bestCase)), ...budgets.map((b) => b.value));
  const unit = axisUnit(max, locale, currency);
  const money = (v: number) => (currency ? formatMoney(v, currency, locale, { compact: true }) : String(v));
  const rows = data.map((d, index) => ({ index, label: d.budget === null ? d.label : `${d.label} · ${labels.budget} ${money(d.budget)}` }));
  // Half of the first and of the widest tick label, centred on the axis's ends.
  const marginLeft = Math.max(12, textWidth(unit.tickFormat(0)) / 2 + 2);
  const marginRight = Math.max(12, textWidth(unit.tickFormat(max * 1.05)) / 2 + 2);
  const plotWidth = (options.width ?? DEFAULT_WIDTH) - marginLeft - marginRight;
  // Each row's whole bar (and its budget) is one link, drawn clear over the segments.
  const links = data.flatMap((d, index) => {
    const total = Math.max(0, d.closed) + Math.max(0, d.commit) + Math.max(0, d.bestCase);
    const top = Math.max(total, d.budget ?? 0);
    return d.href && top > 0 ? [{ index, top, href: d.href, name: `${d.label}: ${money(total)}` }] : [];
  });
  const bar = { insetTop: BAR_INSET_TOP, insetBottom: BAR_INSET_BOTTOM };
  const plot = Plot.plot({
    ...baseOptions(options),
    ...rowScale(data.length, 4, MARGIN_BOTTOM),
    marginLeft,
    marginRight,
    marginTop: 4,
    marginBottom: MARGIN_BOTTOM,
    x: { grid: true, nice: true, domain: [0, max * 1.05] },
    color: { domain: ['closed', 'commit', 'bestCase'], range: [FORECAST_COLORS.closed, FORECAST_COLORS.commit, FORECAST_COLORS.bestCase] },
    marks: [
      Plot.axisX({ tickFormat: unit.tickFormat, label: unit.label, labelArrow: 'none', labelAnchor: 'right', labelOffset: 48 }),
      Plot.barX(segments, Plot.stackX({ y: 'index', x: 'value', fill: 'kind', ...bar, order: ['closed', 'commit', 'bestCase'], stroke: GAP, strokeWidth: 1 })),
      links.length > 0 ? Plot.barX(links, { y: 'index', x: 'top', fill: 'transparent', ...bar, ...linkOptions(links) }) : null,
      Plot.ruleX([0]),
      Plot.tickX(budgets, { y: 'index', x: 'value', stroke: 'currentColor', strokeWidth: 3, insetTop: BAR_INSET_TOP - 4, insetBottom: 0 }),
      rowLabels(rows, plotWidth),
    ],
  });
  const legend = [
    { label: labels.closed, color: FORECAST_COLORS.closed },
    { label: labels.commit, color: FORECAST_COLORS.commit },
    { label: labels.bestCase, color: FORECAST_COLORS.bestCase },
    { label: labels.budget, color: 'currentColor', shape: 'rule' as const },
  ];
  return finishSvg(plot, options, legendMarkup(plot.ownerDocument, legend));
}
