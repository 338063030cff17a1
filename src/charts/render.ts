/**
 * What every chart shares: Plot options for server rendering, and the finish that turns
 * Plot's SVG into deterministic, accessible markup (role="img", <title>, <desc>).
 */
import type * as Plot from '@observablehq/plot';
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

/**
 * Chart text size in the drawing's units, by the width the chart is shown at (the rules are in
 * src/components/Chart.astro): 12 when the 640-unit drawing is shown at least 760 px wide (≥ 14 px
 * on screen), 16 from 560 px (≥ 14 px: the monthly review's two columns at 1280 px), 22 below
 * (≥ 11 px on a 390 px phone, whose chart is about 358 px wide). Every layout leaves room for the
 * largest size, so no text leaves the drawing at any width.
 */
const FONT_SIZE = 12;
const FONT_SIZE_MEDIUM = 16;
export const FONT_SIZE_NARROW = 22;

/** Plot options every chart starts from. */
export function baseOptions(options: ChartOptions): Plot.PlotOptions {
  return {
    document: options.document ?? chartDocument(),
    width: options.width ?? DEFAULT_WIDTH,
    className: 'tavla-plot',
    style: { fontSize: `${FONT_SIZE}px`, overflow: 'visible' },
  };
}

/** Characters about as wide as the font size ("%" in "105%", "m" in "mnkr"); the rest are narrower. */
const WIDE = /[%@mwMW]/g;

/**
 * Rough width in drawing units of a label (no layout engine at build time), by default at the
 * largest text size, the one every layout leaves room for: 1 em for a wide character, 0.65 em for
 * any other (digits are 0.64 em in DejaVu Sans, Debian's system-ui, wider than most phones' fonts).
 */
export function textWidth(text: string, size: number = FONT_SIZE_NARROW): number {
  const wide = text.match(WIDE)?.length ?? 0;
  return Math.ceil(((text.length - wide) * 0.65 + wide) * size);
}

/**
 * The left margin a value axis needs for its widest tick label at the narrow text size, the ticks
 * estimated as Plot makes them: about `count` round steps (1, 2 or 5 times a power of ten) from
 * 0 up to `top`, made nice.
 */
export function valueAxisMargin(top: number, format: (value: number) => string, count = 7): number {
  const raw = Math.max(top, 1e-9) / count;
  const power = 10 ** Math.floor(Math.log10(raw));
  const step = power * (raw / power >= 5 ? 10 : raw / power >= 2 ? 5 : raw / power >= 1 ? 2 : 1);
  let widest = 0;
  for (let value = 0; value <= top + step; value += step) widest = Math.max(widest, textWidth(format(value)));
  // Plot draws the labels 9 units left of the axis (a 6-unit tick and a 3-unit gap).
  return widest + 11;
}

/** How many value ticks a vertical axis of `plotHeight` units asks Plot for: one per two lines of narrow text. */
export function valueTickCount(plotHeight: number): number {
  return Math.max(3, Math.floor(plotHeight / (2 * FONT_SIZE_NARROW)));
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
  thinTickLabels(svg);
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

/** Class of an x tick label hidden when the chart is shown below 760 px (and below 560 px). */
export const THIN_MEDIUM = 'tavla-tick-m';
/** Class of an x tick label hidden only when the chart is shown below 560 px. */
export const THIN_NARROW = 'tavla-tick-n';

/**
 * Larger text needs fewer x tick labels: keeps every k-th label so that neighbours do not overlap
 * at the medium and at the narrow text size (the narrow step a multiple of the medium one, so the
 * narrow set is a subset), and classes the others so the chart's CSS hides them there. The ticks
 * and grid lines stay; the labels kept are the same at every width of one size.
 */
function thinTickLabels(svg: Element): void {
  for (const group of Array.from(svg.querySelectorAll('g[aria-label="x-axis tick label"]'))) {
    const shift = translation(group.getAttribute('transform'))[0];
    const labels = Array.from(group.querySelectorAll('text')).map((text) => ({
      text,
      x: shift + translation(text.getAttribute('transform'))[0],
      label: text.textContent ?? '',
    }));
    const fits = (k: number, size: number) =>
      labels.every((label, i) => {
        const next = labels[i + k];
        const room = (textWidth(label.label, size) + textWidth(next?.label ?? '', size)) / 2 + 0.65 * size;
        return i % k !== 0 || !next || Math.abs(next.x - label.x) >= room;
      });
    let medium = 1;
    while (medium < labels.length && !fits(medium, FONT_SIZE_MEDIUM)) medium++;
    let narrow = medium;
    while (narrow < labels.length && !fits(narrow, FONT_SIZE_NARROW)) narrow += medium;
    labels.forEach(({ text }, i) => {
      if (i % medium !== 0) text.setAttribute('class', THIN_MEDIUM);
      else if (i % narrow !== 0) text.setAttribute('class', THIN_NARROW);
    });
  }
}

function translation(transform: string | null): [number, number] {
  const match = /translate\(\s*(-?[\d.e]+)[\s,]+(-?[\d.e]+)\s*\)/.exec(transform ?? '');
  return match ? [Number(match[1]), Number(match[2])] : [0, 0];
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
