/**
 * A set of texts looked up by texts the CSV parser has just cut: a text found gives back the
 * table's own string, so records, kept rows and facts share one string per id or value. The ids
 * of users.csv, accounts.csv and the open deals are looked up millions of times while the
 * activity log streams; interners (src/schemas/intern.ts) keep one copy per distinct value.
 *
 * An open-addressing table in one typed array (a slot holds the text's 32-bit FNV-1a hash and
 * its place in the list, side by side; at most half the slots are used) that compares a text with a string of
 * the table only when their hashes agree: fewer memory reads per lookup than a `Map` of strings.
 */
export class IdTable {
  readonly #ids: string[] = [];
  /** Per slot two numbers: the text's hash, and its place in `#ids` + 1 (0 = empty slot). */
  #slots: Int32Array;
  #mask: number;

  constructor(ids: Iterable<string> = []) {
    const list = [...ids];
    let slots = 16;
    while (slots < list.length * 2) slots *= 2;
    this.#slots = new Int32Array(slots * 2);
    this.#mask = slots - 1;
    for (const id of list) this.intern(id);
  }

  get size(): number {
    return this.#ids.length;
  }

  /** The table's string equal to `text`, or undefined. */
  get(text: string): string | undefined {
    const place = this.#slots[this.#find(text, hashOf(text)) * 2 + 1]!;
    return place === 0 ? undefined : this.#ids[place - 1];
  }

  has(text: string): boolean {
    return this.#slots[this.#find(text, hashOf(text)) * 2 + 1] !== 0;
  }

  /** The table's string equal to `text`; when there is none, `copy(text)` is added and returned. */
  intern(text: string, copy: (text: string) => string = (same) => same): string {
    return this.#ids[this.placeOrAdd(text, copy)]!;
  }

  /** The place (0, 1, …: order of adding) of the string equal to `text`, or -1. */
  placeOf(text: string): number {
    return this.#slots[this.#find(text, hashOf(text)) * 2 + 1]! - 1;
  }

  /** The place of the string equal to `text`; when there is none, `copy(text)` is added there. */
  placeOrAdd(text: string, copy: (text: string) => string = (same) => same): number {
    const hash = hashOf(text);
    const slot = this.#find(text, hash);
    const place = this.#slots[slot * 2 + 1]!;
    if (place !== 0) return place - 1;
    this.#slots[slot * 2] = hash;
    this.#slots[slot * 2 + 1] = this.#ids.push(copy(text));
    if (this.#ids.length * 4 > this.#slots.length) this.#grow();
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

  /** The slot holding `text`, or the empty slot where it would go. */
  #find(text: string, hash: number): number {
    const slots = this.#slots;
    const mask = this.#mask;
    let slot = (hash ^ (hash >>> 15)) & mask;
    for (;;) {
      const place = slots[slot * 2 + 1]!;
      if (place === 0 || (slots[slot * 2] === hash && this.#ids[place - 1] === text)) return slot;
      slot = (slot + 1) & mask;
    }
  }

  #grow(): void {
    const old = this.#slots;
    this.#slots = new Int32Array(old.length * 2);
    this.#mask = old.length - 1; // old.length / 2 slots before, twice as many now
    for (let i = 0; i < old.length; i += 2) {
      if (old[i + 1] === 0) continue;
      const hash = old[i]!;
      let slot = (hash ^ (hash >>> 15)) & this.#mask;
      while (this.#slots[slot * 2 + 1] !== 0) slot = (slot + 1) & this.#mask;
      this.#slots[slot * 2] = hash;
      this.#slots[slot * 2 + 1] = old[i + 1]!;
    }
  }
}

/** 32-bit FNV-1a of the UTF-16 code units. */
function hashOf(text: string): number {
  let hash = 0x811c9dc5 | 0;
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193);
  return hash;
}
