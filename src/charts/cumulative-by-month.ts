/**
 * Result and budget added up month by month from the start of the fiscal year: the result as a
 * solid line with dots, the budget as a dashed line; the legend names each with its last value
 * (outside the drawing, so it reads at any width and never sits on a line).
 */
import * as Plot from '@observablehq/plot';
import { formatMonth, formatMonthShort } from '../format/date.ts';
import { formatMoney, type Currency } from '../format/number.ts';
import { axisUnit } from './axis.ts';
import { legendMarkup } from './legend.ts';
import { ACCENT } from './palette.ts';
import { baseOptions, finishSvg, linkOptions, textWidth, valueAxisMargin, valueTickCount, type ChartOptions } from './render.ts';

export interface CumulativeDatum {
  month: string;
  result: number;
  budget: number | null;
}

export interface CumulativeOptions extends ChartOptions {
  currency?: Currency;
  resultLabel: string;
  budgetLabel: string;
  height?: number;
  /** The page listing a month's rows (its monthly review); a month without one has no link. */
  monthHref?: (month: string) => string | undefined;
}

/** Running totals of result and budget (a month without a budget adds 0 to the budget line). */
export function runningTotals(data: readonly CumulativeDatum[]): { month: string; result: number; budget: number }[] {
  let result = 0;
  let budget = 0;
  return data.map((d) => {
    result = Math.round((result + d.result) * 100) / 100;
    budget = Math.round((budget + (d.budget ?? 0)) * 100) / 100;
    return { month: d.month, result, budget };
  });
}

export function cumulativeByMonth(data: readonly CumulativeDatum[], options: CumulativeOptions): string {
  const { locale, currency } = options;
  const rows = runningTotals(data);
  const months = rows.map((r) => r.month);
  const hasBudget = data.some((d) => d.budget !== null);
  const top = Math.max(0, ...rows.map((r) => Math.max(r.result, r.budget)));
  const unit = axisUnit(top, locale, currency);
  const monthTick = (m: string) => formatMonthShort(m, locale, m === months[0] || m.endsWith('-01'));
  const last = rows.at(-1);
  const money = (v: number) => (currency ? formatMoney(v, currency, locale, { compact: true }) : String(v));
  const points = rows.map((r) => ({ ...r, href: options.monthHref?.(r.month), name: `${formatMonth(r.month, locale)}: ${money(r.result)}` }));
  const plot = Plot.plot({
    ...baseOptions(options),
    height: options.height ?? 300,
    marginLeft: Math.max(56, valueAxisMargin(top, unit.tickFormat)),
    marginRight: Math.max(20, textWidth(monthTick(months.at(-1) ?? '')) / 2 - 10),
    // Room above the top tick for the unit, below the axis for its labels, at the narrow text size.
    marginTop: 32,
    marginBottom: 34,
    x: { domain: months, padding: 0.5, label: null, type: 'point' },
    y: { grid: true, ticks: valueTickCount((options.height ?? 300) - 66), nice: true },
    marks: [
      Plot.axisX({ tickSize: 0, tickFormat: monthTick }),
      Plot.axisY({ ticks: valueTickCount((options.height ?? 300) - 66), tickFormat: unit.tickFormat, label: unit.label, labelArrow: 'none' }),
      Plot.ruleY([0]),
      ...(hasBudget ? [Plot.line(rows, { x: 'month', y: 'budget', stroke: 'currentColor', strokeDasharray: '6 4', strokeWidth: 2 })] : []),
      Plot.line(rows, { x: 'month', y: 'result', stroke: ACCENT, strokeWidth: 3 }),
      Plot.dot(points, { x: 'month', y: 'result', fill: ACCENT, r: 3, ...linkOptions(points) }),
    ],
  });
  const legend = [
    { label: last ? `${options.resultLabel}: ${money(last.result)}` : options.resultLabel, color: ACCENT },
    ...(hasBudget
      ? [{ label: last ? `${options.budgetLabel}: ${money(last.budget)}` : options.budgetLabel, color: 'currentColor', shape: 'rule' as const }]
      : []),
  ];
  return finishSvg(plot, options, legendMarkup(plot.ownerDocument, legend));
}
