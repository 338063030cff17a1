import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { jsonChunks } from '../../src/views/json-chunks.ts';

const whole = (value: unknown, depth?: number) => [...jsonChunks(value, depth)].join('');

describe('jsonChunks', () => {
  it('gives the text of JSON.stringify(value, null, 1), written out here by hand', () => {
    const value = { a: [1, { b: 'å–ö' }, []], c: {}, d: null, e: undefined };
    // Indent one space per level; empty array and object stay "[]" and "{}"; undefined keys are left out.
    const expected = '{\n "a": [\n  1,\n  {\n   "b": "å–ö"\n  },\n  []\n ],\n "c": {},\n "d": null\n}';
    expect(whole(value)).toBe(expected);
    expect(whole(value, 1)).toBe(expected);
  });

  it('matches JSON.stringify for any JSON value and any split depth', () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.integer({ min: 0, max: 4 }), (value, depth) => {
        expect(whole(value, depth)).toBe(JSON.stringify(value, null, 1));
      }),
      { numRuns: 300 },
    );
  });
});
