/**
 * Forecast against budget per row (the company, each team): closed, then commit, then best case
 * stacked left to right, and the budget as a dark tick across each bar, labelled above the bars.
 */
import * as Plot from '@observablehq/plot';
import { formatMoney, type Currency } from '../format/number.ts';
import { axisUnit } from './axis.ts';
import { legendMarkup } from './legend.ts';
import { GAP } from './palette.ts';
import { baseOptions, finishSvg, linkOptions, textWidth, type ChartOptions } from './render.ts';

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
const BAR_STEP = 44;

export function forecastStack(data: readonly ForecastRow[], options: ForecastStackOptions): string {
  const { locale, currency, labels } = options;
  const segments = data.flatMap((d, index) => (['closed', 'commit', 'bestCase'] as const).map((kind) => ({ index, kind, value: Math.max(0, d[kind]) })));
  const budgets = data.flatMap((d, index) => (d.budget === null ? [] : [{ index, value: d.budget }]));
  const max = Math.max(0, ...data.map((d) => Math.max(0, d.closed) + Math.max(0, d.commit) + Math.max(0, d.bestCase)), ...budgets.map((b) => b.value));
  const unit = axisUnit(max, locale, currency);
  const marginLeft = Math.min(200, Math.max(40, ...data.map((d) => textWidth(d.label) + 12)));
  const money = (v: number) => (currency ? formatMoney(v, currency, locale, { compact: true }) : String(v));
  // Each row's whole bar (and its budget) is one link, drawn clear over the segments.
  const links = data.flatMap((d, index) => {
    const total = Math.max(0, d.closed) + Math.max(0, d.commit) + Math.max(0, d.bestCase);
    const top = Math.max(total, d.budget ?? 0);
    return d.href && top > 0 ? [{ index, top, href: d.href, name: `${d.label}: ${money(total)}` }] : [];
  });
  const plot = Plot.plot({
    ...baseOptions(options),
    height: 50 + Math.max(1, data.length) * BAR_STEP,
    marginLeft,
    marginRight: 24,
    marginTop: 24,
    x: { grid: true, nice: true, domain: [0, max * 1.05] },
    y: { domain: data.map((_, i) => i), padding: 0.35, label: null },
    color: { domain: ['closed', 'commit', 'bestCase'], range: [FORECAST_COLORS.closed, FORECAST_COLORS.commit, FORECAST_COLORS.bestCase] },
    marks: [
      Plot.axisX({ tickFormat: unit.tickFormat, label: unit.label, labelArrow: 'none', labelAnchor: 'right' }),
      Plot.axisY({ tickSize: 0, tickFormat: (i: number) => data[i]?.label ?? '' }),
      Plot.barX(segments, Plot.stackX({ y: 'index', x: 'value', fill: 'kind', order: ['closed', 'commit', 'bestCase'], stroke: GAP, strokeWidth: 1 })),
      links.length > 0 ? Plot.barX(links, { y: 'index', x: 'top', fill: 'transparent', ...linkOptions(links) }) : null,
      Plot.ruleX([0]),
      Plot.tickX(budgets, { y: 'index', x: 'value', stroke: 'currentColor', strokeWidth: 3 }),
      // The budget's value above its tick, clear of the bar.
      Plot.text(budgets, { y: 'index', x: 'value', text: (b: { value: number }) => money(b.value), dy: -BAR_STEP / 2 + 4, fontWeight: 600 }),
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
