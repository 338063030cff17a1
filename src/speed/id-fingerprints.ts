/**
 * The ids seen so far in one file, as fingerprints only (two ids with one fingerprint are taken
 * for one id), for the DuplicateId rule, without holding the id strings: a
 * million-row export would otherwise keep a million strings alive just to compare them. Each
 * id is kept as a 64-bit fingerprint (src/speed/fingerprint.ts) with the line it was first seen on.
 *
 * Exports are mostly in id order (D-0000001, D-0000002… or 9, 10, 11…). While each id comes
 * after the one before in shortlex order (shorter first, then by code unit), no id can repeat an
 * earlier one, and the fingerprints are only appended to a list, one after the other. The first
 * id out of that order turns the list into an open-addressing table (a slot is the two hashes
 * and the line side by side, 12 bytes, so a lookup reads one place in memory; at most 3/4 of the
 * slots used), and every id from then on is looked up in it.
 */
import { doubled, findSlot, LAST_FINGERPRINT, fingerprint, SLOT_NUMBERS as STRIDE } from './fingerprint.ts';
import { own } from './intern.ts';

/** An IdFingerprints as plain data, as `IdFingerprints#tables` gives it (to move it to another thread). */
export interface IdTables {
  /** Ids in order: per id its first hash, second hash and line; `size` of them. Absent once `slots` is made. */
  run?: Int32Array;
  /** Per slot: first hash, second hash, line of the first row (0 = empty slot). */
  slots?: Int32Array;
  size: number;
  /** The first and the last id of the run (the smallest and the greatest). */
  first?: string;
  last?: string;
}

/** Whether `a` comes after `b` in shortlex order: longer, or as long and greater by code units. */
function after(a: string, b: string): boolean {
  return a.length > b.length || (a.length === b.length && a > b);
}

export class IdFingerprints {
  /** How many ids the table is made for when it is made (see the constructor). */
  readonly #expected: number;
  /** The ids in order while they come in order (STRIDE numbers each), else undefined. */
  #run: Int32Array | undefined;
  /** Per slot: first hash, second hash, line of the first row with the id (0 = empty slot; data lines start at 2). */
  #slots: Int32Array | undefined;
  #size = 0;
  #first: string | undefined;
  /** The run's last id: the text a parser cut (one chunk of the file stays alive with it). */
  #last: string | undefined;

  /** `expected`: how many ids the table takes before it first grows (an estimate is fine). */
  constructor(expected = 640) {
    this.#expected = Math.max(16, expected);
    this.#run = new Int32Array(Math.min(this.#expected, 1 << 16) * STRIDE);
  }

  get size(): number {
    return this.#size;
  }

  /** Slots of the table (used or not); 0 while the ids have come in order (no table). */
  get capacity(): number {
    return this.#slots === undefined ? 0 : this.#slots.length / STRIDE;
  }

  /** The index as plain data (typed arrays and two strings); `IdFingerprints.fromTables` rebuilds it. */
  tables(): IdTables {
    if (this.#slots) return { slots: this.#slots, size: this.#size };
    return { run: this.#run, size: this.#size, first: this.#first, last: this.#last };
  }

  /** The buffers of `tables`, to transfer rather than copy. */
  static buffers(tables: IdTables): ArrayBuffer[] {
    return [tables.run, tables.slots].filter((array) => array !== undefined).map((array) => array.buffer as ArrayBuffer);
  }

  static fromTables(tables: IdTables): IdFingerprints {
    const index = new IdFingerprints(0);
    index.#run = tables.run;
    index.#slots = tables.slots;
    index.#size = tables.size;
    index.#first = tables.first;
    index.#last = tables.last;
    return index;
  }

  /** True when this index and `other` have an id in common (one of them may make its table for it). */
  sharesAnIdWith(other: IdFingerprints): boolean {
    if (this.#size === 0 || other.#size === 0) return false;
    // Two runs, one wholly after the other: no id in common, nothing to look up.
    if (this.#run && other.#run && (after(this.#first!, other.#last!) || after(other.#first!, this.#last!))) return false;
    // Look up in a table one has already, else in one made of the smaller (it stays in the cache better).
    const [walked, looked] =
      other.#slots && !this.#slots ? [this, other] : this.#slots && !other.#slots ? [other, this] : this.#size <= other.#size ? [other, this] : [this, other];
    const table = looked.#table();
    const entries = walked.#slots ?? walked.#run!;
    const end = walked.#slots ? entries.length : walked.#size * STRIDE;
    for (let i = 0; i < end; i += STRIDE) {
      if (entries[i + 2] !== 0 && table[looked.#slotOf(entries[i]!, entries[i + 1]!) + 2] !== 0) return true;
    }
    return false;
  }

  /** The line `id` was first seen on; when it is new, records it at `line` and returns undefined. */
  firstLineOrAdd(id: string, line: number): number | undefined {
    const a = fingerprint(id);
    const b = LAST_FINGERPRINT[1]!;
    const run = this.#run;
    if (run !== undefined) {
      if (this.#size === 0 || after(id, this.#last!)) {
        const at = this.#size * STRIDE;
        const entries = at < run.length ? run : this.#growRun();
        entries[at] = a;
        entries[at + 1] = b;
        entries[at + 2] = line;
        if (this.#size++ === 0) this.#first = own(id); // out of the parser's chunk: kept for good
        this.#last = id;
        return undefined;
      }
    }
    const slots = this.#table();
    const at = this.#slotOf(a, b);
    const seen = slots[at + 2]!;
    if (seen !== 0) return seen;
    this.#insert(a, b, line, at);
    return undefined;
  }

  /**
   * Frees the index's memory now, not whenever the garbage collector gets to it (an index moved in
   * from another thread can hold hundreds of MB). The index is empty afterwards.
   */
  release(): void {
    for (const array of [this.#run, this.#slots]) if (array) (array.buffer as ArrayBuffer).transfer(0);
    this.#run = new Int32Array(16 * STRIDE);
    this.#slots = undefined;
    this.#size = 0;
    this.#first = this.#last = undefined;
  }

  /** The table, made from the run when there is none yet (the run is then dropped). */
  #table(): Int32Array {
    if (this.#slots) return this.#slots;
    let slots = 16;
    while (slots * 3 < Math.max(this.#expected, this.#size + 1) * 4) slots *= 2;
    this.#slots = new Int32Array(slots * STRIDE);
    const run = this.#run!;
    const count = this.#size;
    this.#size = 0;
    for (let i = 0; i < count * STRIDE; i += STRIDE) this.#insert(run[i]!, run[i + 1]!, run[i + 2]!, this.#slotOf(run[i]!, run[i + 1]!));
    this.#run = undefined;
    this.#first = this.#last = undefined;
    return this.#slots;
  }

  #growRun(): Int32Array {
    const run = new Int32Array(this.#run!.length * 2);
    run.set(this.#run!);
    this.#run = run;
    return run;
  }

  /** The offset of the slot holding the fingerprint (a, b), or of the empty slot where it would go. */
  #slotOf(a: number, b: number): number {
    const slots = this.#slots!;
    return findSlot(slots, slots.length / STRIDE - 1, a, b);
  }

  /** Puts a new fingerprint in the empty slot at offset `at`, growing the table when 3/4 full. */
  #insert(a: number, b: number, line: number, at: number): void {
    const slots = this.#slots!;
    slots[at] = a;
    slots[at + 1] = b;
    slots[at + 2] = line;
    if (++this.#size * 4 > this.capacity * 3) this.#grow();
  }

  #grow(): void {
    this.#slots = doubled(this.#slots!);
  }
}
