import { describe, expect, it } from 'vitest';
import { FingerprintTable } from '../../src/speed/fingerprint-table.ts';
import { LAST_FINGERPRINT, fingerprint, fingerprintOf } from '../../src/speed/fingerprint.ts';
import { IdFingerprints } from '../../src/speed/id-fingerprints.ts';

describe('fingerprint', () => {
  it('has FNV-1a as its first hash (published test vectors)', () => {
    expect(fingerprint('') >>> 0).toBe(0x811c9dc5);
    expect(fingerprint('a') >>> 0).toBe(0xe40c292c);
    expect(fingerprint('foobar') >>> 0).toBe(0xbf9cf968);
  });

  it('of a part of a text is the fingerprint of that part as a text of its own', () => {
    const whole = (text: string) => (fingerprint(text), [LAST_FINGERPRINT[0], LAST_FINGERPRINT[1]]);
    const part = (text: string, from: number, to: number) => (fingerprintOf(text, from, to), [LAST_FINGERPRINT[0], LAST_FINGERPRINT[1]]);
    expect(part('x,foobar,y', 2, 8)).toEqual(whole('foobar'));
    expect(fingerprintOf('x,foobar,y', 2, 8) >>> 0).toBe(0xbf9cf968);
    expect(part('abc', 1, 1)).toEqual(whole(''));
    // The length is in the second hash: a part and the same text one longer differ.
    expect(part('aa', 0, 1)).not.toEqual(whole('aa'));
  });

  it('tells apart texts whose FNV-1a hashes collide by its second hash', () => {
    // "costarring" and "liquid" (and "declinate" and "macallums") share their 32-bit FNV-1a hash.
    for (const [x, y] of [
      ['costarring', 'liquid'],
      ['declinate', 'macallums'],
    ] as const) {
      const first = fingerprint(x);
      const second = LAST_FINGERPRINT[1];
      expect(fingerprint(y)).toBe(first);
      expect(LAST_FINGERPRINT[1]).not.toBe(second);
    }
  });

  it('keeps such texts apart in the tables built on it', () => {
    const table = new FingerprintTable(['costarring']);
    expect(table.get('liquid')).toBeUndefined();
    expect(table.placeOrAdd('liquid')).toBe(1);
    expect(table.get(['costar', 'ring'].join(''))).toBe('costarring');
    const index = new IdFingerprints();
    expect(index.firstLineOrAdd('macallums', 2)).toBeUndefined();
    expect(index.firstLineOrAdd('declinate', 3)).toBeUndefined();
    expect(index.firstLineOrAdd('macallums', 4)).toBe(2);
  });
});
