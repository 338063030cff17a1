import { describe, expect, it } from 'vitest';
import { cssString, printMarginCss } from '../../src/views/print-header.ts';

describe('print header', () => {
  it('writes texts from the report as safe CSS strings', () => {
    expect(cssString('Norrsken "Data" AB')).toBe('"Norrsken \\"Data\\" AB"');
    expect(cssString('a\\b')).toBe('"a\\\\b"');
    expect(cssString('x</style><script>')).not.toContain('</style>');
    expect(cssString('two\nlines')).toBe('"two lines"');
  });

  it('puts title, as-of date and page numbers in the page margins', () => {
    const css = printMarginCss({ title: 'Månadsgenomgång november 2026', asOf: 'Per 20 nov. 2026', page: 'Sida', of: 'av' });
    expect(css).toContain('@top-left { content: "Månadsgenomgång november 2026"');
    expect(css).toContain('@top-right { content: "Per 20 nov. 2026"');
    expect(css).toContain('@bottom-right { content: "Sida " counter(page) " av " counter(pages)');
  });
});
