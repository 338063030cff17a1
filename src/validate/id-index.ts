/**
 * The ids seen so far in one file, for the DuplicateId rule, without holding the id strings: a
 * million-row export would otherwise keep a million strings alive just to compare them. Each
 * id is kept as a 64-bit fingerprint — two independent 32-bit hashes of its UTF-16 code units
 * (FNV-1a, and a multiply-rotate hash with another seed) — with the line it was first seen on,
 * in an open-addressing table of typed arrays: 12 bytes a slot, at most 3/4 full.
 *
 * Two different ids are taken for one only if both hashes agree: for n ids the chance that this
 * happens anywhere in the file is about n² / 2⁶⁵ — below one in a million at 5 million ids.
 */
/** An IdIndex's table, as `IdIndex#tables` gives it. */
export interface IdTables {
  first: Int32Array;
  second: Int32Array;
  lines: Int32Array;
  size: number;
}

export class IdIndex {
  #first: Int32Array;
  #second: Int32Array;
  /** Line of the first row with the id; 0 = empty slot (data lines start at 2). */
  #lines: Int32Array;
  #size = 0;

  /** `expected`: how many ids the table takes before it first grows (an estimate is fine). */
  constructor(expected = 640) {
    let slots = 16;
    while (slots * 3 < expected * 4) slots *= 2;
    this.#first = new Int32Array(slots);
    this.#second = new Int32Array(slots);
    this.#lines = new Int32Array(slots);
  }

  get size(): number {
    return this.#size;
  }

  /** The table as typed arrays (to move it to another thread); `IdIndex.fromTables` rebuilds it. */
  tables(): IdTables {
    return { first: this.#first, second: this.#second, lines: this.#lines, size: this.#size };
  }

  static fromTables(tables: IdTables): IdIndex {
    const index = new IdIndex(0);
    index.#first = tables.first;
    index.#second = tables.second;
    index.#lines = tables.lines;
    index.#size = tables.size;
    return index;
  }

  /** True when an id of `other` is in this index too. */
  sharesAnIdWith(other: IdIndex): boolean {
    const lines = other.#lines;
    for (let i = 0; i < lines.length; i++) {
      if (lines[i] !== 0 && this.#lines[this.#slotOf(other.#first[i]!, other.#second[i]!)] !== 0) return true;
    }
    return false;
  }

  /** The slot holding the fingerprint (a, b), or the empty slot where it would go. */
  #slotOf(a: number, b: number): number {
    const mask = this.#lines.length - 1;
    for (let slot = (a ^ (a >>> 16)) & mask; ; slot = (slot + 1) & mask) {
      if (this.#lines[slot] === 0 || (this.#first[slot] === a && this.#second[slot] === b)) return slot;
    }
  }

  /** The line `id` was first seen on; when it is new, records it at `line` and returns undefined. */
  firstLineOrAdd(id: string, line: number): number | undefined {
    let a = 0x811c9dc5 | 0;
    let b = 0x9747b28c | 0;
    for (let i = 0; i < id.length; i++) {
      const code = id.charCodeAt(i);
      a = Math.imul(a ^ code, 0x01000193);
      b = Math.imul(b ^ code, 0x5bd1e995);
      b = (b << 13) | (b >>> 19);
    }
    b = Math.imul(b ^ (b >>> 15), 0x2c1b3c6d) ^ id.length;
    const slot = this.#slotOf(a, b);
    const seen = this.#lines[slot]!;
    if (seen !== 0) return seen;
    this.#first[slot] = a;
    this.#second[slot] = b;
    this.#lines[slot] = line;
    if (++this.#size * 4 > this.#lines.length * 3) this.#grow();
    return undefined;
  }

  /**
   * Frees the table's memory now, not whenever the garbage collector gets to it (a table moved in
   * from another thread can hold hundreds of MB). The index is empty afterwards.
   */
  release(): void {
    for (const table of [this.#first, this.#second, this.#lines]) (table.buffer as ArrayBuffer).transfer(0);
    this.#first = new Int32Array(16);
    this.#second = new Int32Array(16);
    this.#lines = new Int32Array(16);
    this.#size = 0;
  }

  #grow(): void {
    const first = this.#first;
    const second = this.#second;
    const lines = this.#lines;
    const slots = lines.length * 2;
    this.#first = new Int32Array(slots);
    this.#second = new Int32Array(slots);
    this.#lines = new Int32Array(slots);
    const mask = slots - 1;
    for (let i = 0; i < lines.length; i++) {
      if (lines[i] === 0) continue;
      const a = first[i]!;
      let slot = (a ^ (a >>> 16)) & mask;
      while (this.#lines[slot] !== 0) slot = (slot + 1) & mask;
      this.#first[slot] = a;
      this.#second[slot] = second[i]!;
      this.#lines[slot] = lines[i]!;
    }
  }
}
