/**
 * A fixed set of ids (users.csv, accounts.csv, open deals) looked up by texts the CSV parser has
 * just cut: each found text gives back the record's own id string, so kept rows and facts share
 * one string per id. Millions of lookups go through it while the activity log streams.
 *
 * An open-addressing table of typed arrays (a slot holds the id's place in the list and its
 * 32-bit FNV-1a hash, at most half the slots are used) that compares the text with the id only
 * when the hashes agree: fewer memory reads per lookup than a `Map` of strings.
 */
export class IdTable {
  readonly #ids: string[] = [];
  /** Place in `#ids` + 1; 0 = empty slot. */
  readonly #places: Int32Array;
  readonly #hashes: Int32Array;
  readonly #mask: number;

  constructor(ids: Iterable<string>) {
    const list = [...ids];
    let slots = 16;
    while (slots < list.length * 2) slots *= 2;
    this.#places = new Int32Array(slots);
    this.#hashes = new Int32Array(slots);
    this.#mask = slots - 1;
    for (const id of list) {
      const hash = hashOf(id);
      const slot = this.#find(id, hash);
      if (this.#places[slot] !== 0) continue; // a repeated id: the first one stays
      this.#places[slot] = this.#ids.push(id);
      this.#hashes[slot] = hash;
    }
  }

  get size(): number {
    return this.#ids.length;
  }

  /** The id equal to `text`, or undefined. */
  get(text: string): string | undefined {
    const place = this.#places[this.#find(text, hashOf(text))]!;
    return place === 0 ? undefined : this.#ids[place - 1];
  }

  has(text: string): boolean {
    return this.#places[this.#find(text, hashOf(text))] !== 0;
  }

  /** The ids, in the order first given. */
  ids(): readonly string[] {
    return this.#ids;
  }

  /** The slot holding `text`, or the empty slot where it would go. */
  #find(text: string, hash: number): number {
    const places = this.#places;
    const hashes = this.#hashes;
    let slot = (hash ^ (hash >>> 15)) & this.#mask;
    for (;;) {
      const place = places[slot]!;
      if (place === 0 || (hashes[slot] === hash && this.#ids[place - 1] === text)) return slot;
      slot = (slot + 1) & this.#mask;
    }
  }
}

/** 32-bit FNV-1a of the UTF-16 code units. */
function hashOf(text: string): number {
  let hash = 0x811c9dc5 | 0;
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193);
  return hash;
}
