/**
 * A set of texts matched by fingerprint, never compared (the name says the trade). Looked up by
 * texts the CSV parser has just cut: a text found gives back the table's own string, so
 * records, kept rows and facts share one string per id or value. The ids of users.csv,
 * accounts.csv and the open deals are looked up millions of times while the activity log
 * streams; interners (src/speed/intern.ts) keep one copy per distinct value.
 *
 * An open-addressing table in one typed array: a slot holds the text's 64-bit fingerprint
 * (src/speed/fingerprint.ts) and its place in the list, side by side, and at most half the
 * slots are used. A text whose fingerprint is in the table is taken for the text stored there
 * without comparing the two strings, so a lookup reads one slot and never the stored string.
 */
import { doubled, findSlot, LAST_FINGERPRINT, fingerprint, fingerprintOf, SLOT_NUMBERS as STRIDE } from './fingerprint.ts';

export class FingerprintTable {
  readonly #ids: string[] = [];
  /** Per slot: the text's two hashes, and its place in `#ids` + 1 (0 = empty slot). */
  #slots: Int32Array;
  #mask: number;

  constructor(ids: Iterable<string> = []) {
    const list = [...ids];
    let slots = 16;
    while (slots < list.length * 2) slots *= 2;
    this.#slots = new Int32Array(slots * STRIDE);
    this.#mask = slots - 1;
    for (const id of list) this.intern(id);
  }

  get size(): number {
    return this.#ids.length;
  }

  /** The table's string with `text`'s fingerprint (taken for `text`, not compared), or undefined. */
  get(text: string): string | undefined {
    const place = this.#slots[this.#find(text) + 2]!;
    return place === 0 ? undefined : this.#ids[place - 1];
  }

  has(text: string): boolean {
    return this.#slots[this.#find(text) + 2] !== 0;
  }

  /** The table's string equal to `text`; when there is none, `copy(text)` is added and returned. */
  intern(text: string, copy: (text: string) => string = (same) => same): string {
    return this.#ids[this.placeOrAdd(text, copy)]!;
  }

  /** The place (0, 1, …: order of adding) of the string equal to `text`, or -1. */
  placeOf(text: string): number {
    return this.#slots[this.#find(text) + 2]! - 1;
  }

  /** `placeOf(text.slice(from, to))`, without making the slice. */
  placeOfPart(text: string, from: number, to: number): number {
    return this.placeOfPrint(fingerprintOf(text, from, to), LAST_FINGERPRINT[1]!);
  }

  /** `placeOf` for the text whose fingerprint (src/speed/fingerprint.ts) is `a`, `b`. */
  placeOfPrint(a: number, b: number): number {
    return this.#slots[this.#findPrint(a, b) + 2]! - 1;
  }

  /** The place of the string equal to `text`; when there is none, `copy(text)` is added there. */
  placeOrAdd(text: string, copy: (text: string) => string = (same) => same): number {
    const at = this.#find(text);
    const slots = this.#slots;
    const place = slots[at + 2]!;
    if (place !== 0) return place - 1;
    slots[at] = LAST_FINGERPRINT[0]!;
    slots[at + 1] = LAST_FINGERPRINT[1]!;
    slots[at + 2] = this.#ids.push(copy(text));
    if (this.#ids.length * 2 > this.#mask + 1) this.#grow();
    return this.#ids.length - 1;
  }

  /** The string at `place`. */
  at(place: number): string {
    return this.#ids[place]!;
  }

  /** The texts, in the order first added. */
  ids(): readonly string[] {
    return this.#ids;
  }

  /**
   * The offset of the slot holding `text`'s fingerprint, or of the empty slot where it would go;
   * the fingerprint is left in LAST_FINGERPRINT.
   */
  #find(text: string): number {
    const a = fingerprint(text);
    return this.#findPrint(a, LAST_FINGERPRINT[1]!);
  }

  #findPrint(a: number, b: number): number {
    return findSlot(this.#slots, this.#mask, a, b);
  }

  #grow(): void {
    this.#slots = doubled(this.#slots);
    this.#mask = this.#slots.length / STRIDE - 1;
  }
}
