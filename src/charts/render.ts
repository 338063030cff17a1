/**
 * What every chart shares: Plot options for server rendering, and the finish that turns
 * Plot's SVG into deterministic, accessible markup (role="img", <title>, <desc>).
 */
import * as Plot from '@observablehq/plot';
import { t } from '../i18n/index.ts';
import type { Locale } from '../i18n/locales.ts';
import { chartDocument } from './document.ts';

export interface ChartOptions {
  locale: Locale;
  /** Accessible name of the chart, also its SVG <title>. */
  title: string;
  /** Longer text alternative: what the chart shows and its main finding. */
  description?: string;
  /** Width in px of the SVG coordinate system (the SVG scales to its container). Default 640. */
  width?: number;
  /** A linkedom document; defaults to the build's shared one. */
  document?: Document;
}

export const DEFAULT_WIDTH = 640;
const FONT_SIZE = 12;

/** Plot options every chart starts from. */
export function baseOptions(options: ChartOptions): Plot.PlotOptions {
  return {
    document: options.document ?? chartDocument(),
    width: options.width ?? DEFAULT_WIDTH,
    className: 'tavla-plot',
    style: { fontSize: `${FONT_SIZE}px`, overflow: 'visible' },
  };
}

/** Rough width in px of a label at the chart font (no layout engine at build time). */
export function textWidth(text: string): number {
  return Math.ceil(text.length * FONT_SIZE * 0.6);
}

const GEOMETRY = new Set(['d', 'transform', 'x', 'y', 'x1', 'x2', 'y1', 'y2', 'width', 'height', 'cx', 'cy', 'r', 'points', 'viewBox']);
const ID_REF = /plot-(clip|pattern|marker)-\d+/g;

/**
 * Serializes a Plot SVG: adds role, name and description, rounds geometry to 3 decimals and
 * renumbers Plot's counter-based ids per chart, so the same data gives the same bytes.
 */
export function finishSvg(plot: Element, options: ChartOptions, before = ''): string {
  const doc = plot.ownerDocument;
  const svg = plot.tagName.toLowerCase() === 'svg' ? plot : plot.querySelector('svg');
  if (!svg) throw new Error('chart: Plot returned no <svg>');
  svg.removeAttribute('aria-label');
  svg.removeAttribute('aria-description');
  const title = doc.createElementNS('http://www.w3.org/2000/svg', 'title');
  title.textContent = options.title;
  const nodes: Element[] = [title];
  if (options.description) {
    const desc = doc.createElementNS('http://www.w3.org/2000/svg', 'desc');
    desc.textContent = options.description;
    nodes.push(desc);
  }
  svg.prepend(...nodes);
  const links = finishLinks(svg);
  for (const element of [svg, ...Array.from(svg.querySelectorAll('*'))]) {
    if (element.tagName.toLowerCase() === 'a') continue;
    // The chart is one image (role="img"): names on its inner marks are not allowed there
    // (axe: aria-prohibited-attr); Plot's mark names are kept as data-mark for tests and styling.
    const mark = element === svg ? null : element.getAttribute('aria-label');
    if (mark !== null) {
      element.removeAttribute('aria-label');
      element.setAttribute('data-mark', mark);
    }
    for (const name of element.getAttributeNames()) {
      if (GEOMETRY.has(name)) element.setAttribute(name, roundNumbers(element.getAttribute(name) ?? ''));
    }
  }
  // linkedom leaves < and > raw inside attribute values; write the name ourselves, fully escaped.
  // A chart whose marks link is a group of links (an image hides what is inside it from
  // screen readers and the keyboard); one without links is one image.
  const role = links > 0 ? 'group' : 'img';
  const markup = renumberIds(svg.outerHTML).replace(/^<svg /, `<svg role="${role}" aria-label="${escapeAttribute(options.title)}" `);
  return before + markup;
}

/**
 * Plot wraps a mark with an `href` in `<a xlink:href>`; here it gets a plain `href` (every browser
 * reads it, with JavaScript off too) and the mark's name (`aria-label`), so a keyboard or screen
 * reader user hears which month, team or stage the link opens. Returns the number of links.
 */
function finishLinks(svg: Element): number {
  const links = Array.from(svg.querySelectorAll('a'));
  for (const a of links) {
    const href = a.getAttribute('xlink:href') ?? a.getAttribute('href') ?? '';
    a.removeAttribute('xlink:href');
    a.removeAttribute('fill');
    a.setAttribute('href', href);
    const mark = a.firstElementChild;
    const name = mark?.getAttribute('aria-label');
    if (mark && name) {
      mark.removeAttribute('aria-label');
      a.setAttribute('aria-label', name);
    }
  }
  return links.length;
}

/** A row of a chart that may lead to the page listing its rows: its address and link name. */
export interface Linked {
  href?: string;
  /** What the link opens, read by screen readers: "Oktober 2026: 12,3 mnkr". */
  name?: string;
}

/**
 * Plot options that make a mark's shapes links: `href` and `ariaLabel` channels, only when some
 * row has an address (a chart without links renders exactly as before).
 */
export function linkOptions<T extends Linked>(rows: readonly T[]): { href?: (d: T) => string | null; ariaLabel?: (d: T) => string | null } {
  if (!rows.some((d) => d.href)) return {};
  return { href: (d) => d.href ?? null, ariaLabel: (d) => (d.href ? (d.name ?? null) : null) };
}

export function escapeAttribute(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

export function roundNumbers(value: string): string {
  return value.replace(/-?\d+\.\d{4,}(?:e-?\d+)?/g, (n) => String(Math.round(Number(n) * 1000) / 1000));
}

function renumberIds(markup: string): string {
  const ids = new Map<string, string>();
  return markup.replace(ID_REF, (id, kind: string) => {
    let next = ids.get(id);
    if (next === undefined) {
      next = `plot-${kind}-${ids.size + 1}`;
      ids.set(id, next);
    }
    return next;
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

/** Labels on the left, bars from zero, the value written at each bar's end. */
export function labelledBarMarks(rows: readonly LabelledBar[], marginLeft: number): Plot.Markish[] {
  return [
    Plot.axisY({
      tickSize: 0,
      tickFormat: (i: number) => rows[i]?.label ?? '',
      textOverflow: 'ellipsis',
      lineWidth: (marginLeft - 12) / 7.2,
    }),
    Plot.barX(rows, { y: 'index', x: 'value', fill: 'color', ...linkOptions(rows) }),
    Plot.ruleX([0]),
    Plot.text(rows, { y: 'index', x: 'value', text: 'text', textAnchor: 'start', dx: 4 }),
  ];
}

/** True when the values hold nothing to draw: none is a number other than 0. */
export function nothingToDraw(values: Iterable<number | null | undefined>): boolean {
  for (const value of values) if (typeof value === 'number' && value !== 0 && Number.isFinite(value)) return false;
  return true;
}

/** What a chart shows instead of marks when it has nothing to draw (all zero or missing). */
export function emptyChart(options: ChartOptions): string {
  return `<p class="tavla-chart-empty" role="note" data-chart="${escapeAttribute(options.title)}">${escapeText(t(options.locale, 'chart.empty'))}</p>`;
}

function escapeText(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
