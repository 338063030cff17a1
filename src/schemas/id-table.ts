/**
 * A set of texts looked up by texts the CSV parser has just cut: a text found gives back the
 * table's own string, so records, kept rows and facts share one string per id or value. The ids
 * of users.csv, accounts.csv and the open deals are looked up millions of times while the
 * activity log streams; interners (src/schemas/intern.ts) keep one copy per distinct value.
 *
 * An open-addressing table of typed arrays (a slot holds the text's place in the list and its
 * 32-bit FNV-1a hash; at most half the slots are used) that compares a text with a string of
 * the table only when their hashes agree: fewer memory reads per lookup than a `Map` of strings.
 */
export class IdTable {
  readonly #ids: string[] = [];
  /** Place in `#ids` + 1; 0 = empty slot. */
  #places: Int32Array;
  #hashes: Int32Array;
  #mask: number;

  constructor(ids: Iterable<string> = []) {
    const list = [...ids];
    let slots = 16;
    while (slots < list.length * 2) slots *= 2;
    this.#places = new Int32Array(slots);
    this.#hashes = new Int32Array(slots);
    this.#mask = slots - 1;
    for (const id of list) this.intern(id);
  }

  get size(): number {
    return this.#ids.length;
  }

  /** The table's string equal to `text`, or undefined. */
  get(text: string): string | undefined {
    const place = this.#places[this.#find(text, hashOf(text))]!;
    return place === 0 ? undefined : this.#ids[place - 1];
  }

  has(text: string): boolean {
    return this.#places[this.#find(text, hashOf(text))] !== 0;
  }

  /** The table's string equal to `text`; when there is none, `copy(text)` is added and returned. */
  intern(text: string, copy: (text: string) => string = (same) => same): string {
    const hash = hashOf(text);
    const slot = this.#find(text, hash);
    const place = this.#places[slot]!;
    if (place !== 0) return this.#ids[place - 1]!;
    const added = copy(text);
    this.#places[slot] = this.#ids.push(added);
    this.#hashes[slot] = hash;
    if (this.#ids.length * 2 > this.#places.length) this.#grow();
    return added;
  }

  /** The texts, in the order first added. */
  ids(): readonly string[] {
    return this.#ids;
  }

  /** The slot holding `text`, or the empty slot where it would go. */
  #find(text: string, hash: number): number {
    const places = this.#places;
    const hashes = this.#hashes;
    const mask = this.#mask;
    let slot = (hash ^ (hash >>> 15)) & mask;
    for (;;) {
      const place = places[slot]!;
      if (place === 0 || (hashes[slot] === hash && this.#ids[place - 1] === text)) return slot;
      slot = (slot + 1) & mask;
    }
  }

  #grow(): void {
    const places = this.#places;
    const hashes = this.#hashes;
    this.#places = new Int32Array(places.length * 2);
    this.#hashes = new Int32Array(places.length * 2);
    this.#mask = places.length * 2 - 1;
    for (let i = 0; i < places.length; i++) {
      if (places[i] === 0) continue;
      const hash = hashes[i]!;
      let slot = (hash ^ (hash >>> 15)) & this.#mask;
      while (this.#places[slot] !== 0) slot = (slot + 1) & this.#mask;
      this.#places[slot] = places[i]!;
      this.#hashes[slot] = hash;
    }
  }
}

/** 32-bit FNV-1a of the UTF-16 code units. */
function hashOf(text: string): number {
  let hash = 0x811c9dc5 | 0;
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193);
  return hash;
}
