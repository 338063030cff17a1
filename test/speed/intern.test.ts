import { describe, expect, it } from 'vitest';
import { interner, optionalText, own, rememberLast } from '../../src/speed/intern.ts';

describe('own and interner', () => {
  it('keep the text as it is', () => {
    const long = 'a rather long cell text, longer than thirteen';
    expect(own(long)).toBe(long);
    expect(own('short')).toBe('short');
    const intern = interner();
    expect(intern(long.slice(2))).toBe(long.slice(2));
  });

  it('gives one shared value per distinct text', () => {
    const intern = interner();
    const first = intern('owner.one.two.three'.slice(0));
    const again = intern(['owner', 'one', 'two', 'three'].join('.'));
    expect(again).toBe(first);
    expect(optionalText(intern, undefined)).toBeUndefined();
    expect(optionalText(intern, 'x')).toBe('x');
  });
});

describe('rememberLast', () => {
  it('reads a text again only when it differs from the one before', () => {
    const read: string[] = [];
    const upper = rememberLast((text: string) => (read.push(text), text.toUpperCase()));
    expect(['sek', 'sek', 'eur', 'sek', 'sek'].map(upper)).toEqual(['SEK', 'SEK', 'EUR', 'SEK', 'SEK']);
    expect(read).toEqual(['sek', 'eur', 'sek']);
  });
});
