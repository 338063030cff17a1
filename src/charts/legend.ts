/**
 * A small HTML legend above a chart: swatches are inline SVG, labels are escaped by the DOM.
 * Styled by the layout's `.chart-legend` rules; readable without them.
 */
export interface LegendItem {
  label: string;
  color: string;
  /** `rule`: a dashed line (targets, goals) instead of a filled square. */
  shape?: 'square' | 'rule';
}

export function legendMarkup(doc: Document, items: readonly LegendItem[]): string {
  const list = doc.createElement('ul');
  list.setAttribute('class', 'chart-legend');
  for (const item of items) {
    const entry = doc.createElement('li');
    const swatch = doc.createElementNS('http://www.w3.org/2000/svg', 'svg');
    swatch.setAttribute('width', '14');
    swatch.setAttribute('height', '14');
    swatch.setAttribute('viewBox', '0 0 14 14');
    swatch.setAttribute('aria-hidden', 'true');
    const mark =
      item.shape === 'rule'
        ? shape(doc, 'line', { x1: '0', x2: '14', y1: '7', y2: '7', stroke: item.color, 'stroke-width': '2', 'stroke-dasharray': '4 2' })
        : shape(doc, 'rect', { width: '14', height: '14', rx: '2', fill: item.color });
    swatch.append(mark);
    entry.append(swatch, doc.createTextNode(` ${item.label}`));
    list.append(entry);
  }
  return list.outerHTML;
}

function shape(doc: Document, name: string, attributes: Record<string, string>): Element {
  const element = doc.createElementNS('http://www.w3.org/2000/svg', name);
  for (const [key, value] of Object.entries(attributes)) element.setAttribute(key, value);
  return element;
}
