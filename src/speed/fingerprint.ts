/**
 * A 64-bit fingerprint of a text: two independent 32-bit hashes of its UTF-16 code units
 * (FNV-1a, and a multiply-rotate hash with another seed, mixed with the length). Tables of ids
 * (src/speed/fingerprint-table.ts, src/speed/id-fingerprints.ts) take two texts with equal fingerprints for
 * one text without comparing them: for n distinct texts the chance that any two share a
 * fingerprint is about n² / 2⁶⁵, below one in a million at 5 million texts. Not comparing saves
 * reading the stored string, which in a table of a million ids is a miss of the processor's
 * cache on nearly every lookup.
 */

/** The last fingerprint made: `[0]` the first hash, `[1]` the second (read right after `fingerprint`). */
export const LAST_FINGERPRINT = new Int32Array(2);

/** Writes the fingerprint of `text` to LAST_FINGERPRINT and returns its first hash. */
export function fingerprint(text: string): number {
  return fingerprintOf(text, 0, text.length);
}

/** `fingerprint(text.slice(from, to))`, without making the slice. */
export function fingerprintOf(text: string, from: number, to: number): number {
  let a = 0x811c9dc5 | 0;
  let b = 0x9747b28c | 0;
  for (let i = from; i < to; i++) {
    const code = text.charCodeAt(i);
    a = Math.imul(a ^ code, 0x01000193);
    b = Math.imul(b ^ code, 0x5bd1e995);
    b = (b << 13) | (b >>> 19);
  }
  LAST_FINGERPRINT[0] = a;
  LAST_FINGERPRINT[1] = Math.imul(b ^ (b >>> 15), 0x2c1b3c6d) ^ (to - from);
  return a;
}

/**
 * Open-addressing tables keyed by fingerprint (FingerprintTable, IdFingerprints) keep a slot as three numbers:
 * the two hashes and a value that is never 0 (0 marks an empty slot).
 */
export const SLOT_NUMBERS = 3;

/** The first slot to look at for a first hash `a` in a table of `mask + 1` slots. */
function firstSlot(a: number, mask: number): number {
  return (a ^ (a >>> 16)) & mask;
}

/**
 * The offset of the slot of `slots` (of `mask + 1` slots) holding the fingerprint (a, b), or of
 * the empty slot where it would go.
 */
export function findSlot(slots: Int32Array, mask: number, a: number, b: number): number {
  for (let slot = firstSlot(a, mask); ; slot = (slot + 1) & mask) {
    const at = slot * SLOT_NUMBERS;
    if (slots[at + 2] === 0 || (slots[at] === a && slots[at + 1] === b)) return at;
  }
}

/** A table of twice as many slots holding the same entries (each placed again by its first hash). */
export function doubled(old: Int32Array): Int32Array {
  const slots = new Int32Array(old.length * 2);
  const mask = slots.length / SLOT_NUMBERS - 1;
  for (let i = 0; i < old.length; i += SLOT_NUMBERS) {
    if (old[i + 2] === 0) continue;
    let slot = firstSlot(old[i]!, mask);
    while (slots[slot * SLOT_NUMBERS + 2] !== 0) slot = (slot + 1) & mask;
    slots.set(old.subarray(i, i + SLOT_NUMBERS), slot * SLOT_NUMBERS);
  }
  return slots;
}
