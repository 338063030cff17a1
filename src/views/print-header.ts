/**
 * Running header and footer of a printed page, as CSS @page margin boxes (Chromium 131 and
 * later): title and company top left, the as-of date top right, "Page 2 of 4" bottom right. The
 * texts come from the report, so they are written as escaped CSS strings.
 */
export function cssString(text: string): string {
  return `"${text
    .replace(/\\/g, '\\\\')
    .replace(/"/g, '\\"')
    .replace(/[\r\n\f]+/g, ' ')
    .replace(/</g, '\\3c ')}"`;
}

export function printMarginCss(input: { title: string; asOf: string; page: string; of: string }): string {
  return [
    '@media print {',
    '  @page {',
    `    @top-left { content: ${cssString(input.title)}; font: 600 9pt system-ui, sans-serif; }`,
    `    @top-right { content: ${cssString(input.asOf)}; font: 9pt system-ui, sans-serif; }`,
    `    @bottom-right { content: ${cssString(`${input.page} `)} counter(page) ${cssString(` ${input.of} `)} counter(pages); font: 9pt system-ui, sans-serif; }`,
    '  }',
    '}',
  ].join('\n');
}
