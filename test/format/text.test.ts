import { describe, expect, it } from 'vitest';
import { MAX_CELL_CHARS, shortText } from '../../src/format/text.ts';

describe('shortText', () => {
  it('keeps a cell up to the limit and cuts a longer one to the limit, ending in …', () => {
    expect(shortText('Ärlig AB')).toBe('Ärlig AB');
    const exact = 'x'.repeat(MAX_CELL_CHARS);
    expect(shortText(exact)).toBe(exact);
    const long = `Jättestor affär ${'x'.repeat(100_000)}`;
    const cut = shortText(long);
    expect(Array.from(cut)).toHaveLength(MAX_CELL_CHARS); // 199 characters + …
    expect(cut.startsWith('Jättestor affär xxx')).toBe(true);
    expect(cut.endsWith('x…')).toBe(true);
  });

  it('never splits a character made of two code units', () => {
    expect(shortText('😀'.repeat(5), 3)).toBe('😀😀…');
  });
});
