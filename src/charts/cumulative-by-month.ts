/**
 * Result and budget added up month by month from the start of the fiscal year: the result as a
 * solid line with dots, the budget as a dashed line, each labelled at its last month.
 */
import * as Plot from '@observablehq/plot';
import { formatMonth, formatMonthShort } from '../format/date.ts';
import { formatMoney, type Currency } from '../format/number.ts';
import { axisUnit } from './axis.ts';
import { legendMarkup } from './legend.ts';
import { ACCENT } from './palette.ts';
import { baseOptions, finishSvg, linkOptions, type ChartOptions } from './render.ts';

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
  const unit = axisUnit(Math.max(0, ...rows.map((r) => Math.max(r.result, r.budget))), locale, currency);
  const last = rows.at(-1);
  const money = (v: number) => (currency ? formatMoney(v, currency, locale, { compact: true }) : String(v));
  const points = rows.map((r) => ({ ...r, href: options.monthHref?.(r.month), name: `${formatMonth(r.month, locale)}: ${money(r.result)}` }));
  const plot = Plot.plot({
    ...baseOptions(options),
    height: options.height ?? 300,
    marginLeft: 56,
    marginRight: 80,
    x: { domain: months, padding: 0.5, label: null, type: 'point' },
    y: { grid: true, nice: true },
    marks: [
      Plot.axisX({ tickSize: 0, tickFormat: (m: string) => formatMonthShort(m, locale, m === months[0] || m.endsWith('-01')) }),
      Plot.axisY({ tickFormat: unit.tickFormat, label: unit.label, labelArrow: 'none' }),
      Plot.ruleY([0]),
      ...(hasBudget ? [Plot.line(rows, { x: 'month', y: 'budget', stroke: 'currentColor', strokeDasharray: '6 4', strokeWidth: 2 })] : []),
      Plot.line(rows, { x: 'month', y: 'result', stroke: ACCENT, strokeWidth: 3 }),
      Plot.dot(points, { x: 'month', y: 'result', fill: ACCENT, r: 3, ...linkOptions(points) }),
      ...(last
        ? [
            Plot.text([last], { x: 'month', y: 'result', text: () => money(last.result), textAnchor: 'start', dx: 8, fontWeight: 700 }),
            ...(hasBudget
              ? [
                  Plot.text([last], {
                    x: 'month',
                    y: 'budget',
                    text: () => money(last.budget),
                    textAnchor: 'start',
                    dx: 8,
                    dy: last.budget >= last.result ? -10 : 10,
                  }),
                ]
              : []),
          ]
        : []),
    ],
  });
  const legend = [
    { label: options.resultLabel, color: ACCENT },
    ...(hasBudget ? [{ label: options.budgetLabel, color: 'currentColor', shape: 'rule' as const }] : []),
  ];
  return finishSvg(plot, options, legendMarkup(plot.ownerDocument, legend));
}
