/**
 * One person's activity counts per day and activity type (the activity facts' `counts`), packed:
 * days in blocks of 64, each block one typed array of 64 × (number of types) counts. A person
 * with three years of activity takes about 18 blocks (≈ 32 KB), where a map of a small array per
 * day took ≈ 140 bytes a day and a copy of each date string. Blocks are made only for the days
 * that have activities, so a stray date decades away costs one block, not the years between.
 *
 * A day is listed (`get`, `entries`) once any of its counts is above 0.
 */
import { dayNumber, fromDayNumber } from '../periods/calendar.ts';
import type { IsoDate } from '../core/records.ts';

const BLOCK_DAYS = 64;

export class DailyCounts {
  /** Counts per day: `types` numbers a day. */
  readonly types: number;
  /** Block number (day number ÷ 64, rounded down) → counts of its 64 days. */
  readonly #blocks = new Map<number, Int32Array>();
  /**
   * The day last added to and where its counts are: one person's rows come mostly in date
   * order, so most rows add to the day before's block, found without looking it up again.
   */
  #lastDay = Number.NaN;
  #lastBlock: Int32Array | undefined;
  #lastStart = 0;

  constructor(types: number) {
    this.types = types;
  }

  /** Adds `count` to the day's count of type `type` (an index below `types`). */
  add(date: IsoDate, type: number, count = 1): void {
    this.addOn(dayNumber(date), type, count);
  }

  /** `add` for a day given by its day number (src/periods/calendar.ts). */
  addOn(day: number, type: number, count = 1): void {
    if (day !== this.#lastDay || this.#lastBlock === undefined) {
      const key = Math.floor(day / BLOCK_DAYS);
      this.#lastBlock = this.#blockAt(key);
      this.#lastStart = (day - key * BLOCK_DAYS) * this.types;
      this.#lastDay = day;
    }
    this.#lastBlock[this.#lastStart + type]! += count;
  }

  /** The day's counts per type, or undefined when the day has none. */
  get(date: IsoDate): number[] | undefined {
    const day = dayNumber(date);
    const key = Math.floor(day / BLOCK_DAYS);
    const block = this.#blocks.get(key);
    if (block === undefined) return undefined;
    const start = (day - key * BLOCK_DAYS) * this.types;
    const counts = Array.from(block.subarray(start, start + this.types));
    return counts.some((count) => count > 0) ? counts : undefined;
  }

  /** Adds the counts of the day with day number `day` to `sums` (one number per type). */
  addInto(day: number, sums: number[]): void {
    const key = Math.floor(day / BLOCK_DAYS);
    const block = this.#blocks.get(key);
    if (block === undefined) return;
    const start = (day - key * BLOCK_DAYS) * this.types;
    for (let t = 0; t < this.types; t++) sums[t]! += block[start + t]!;
  }

  /** Adds every count of `other` (of the same types) to this one's. */
  addAll(other: DailyCounts): void {
    for (const [key, block] of other.#blocks) {
      const ours = this.#blocks.get(key);
      if (ours === undefined) this.#blocks.set(key, block.slice());
      else for (let i = 0; i < block.length; i++) ours[i]! += block[i]!;
    }
  }

  /** Days with counts, in date order, with their counts per type. */
  *entries(): IterableIterator<[IsoDate, number[]]> {
    for (const key of [...this.#blocks.keys()].sort((a, b) => a - b)) {
      const block = this.#blocks.get(key)!;
      for (let offset = 0; offset < BLOCK_DAYS; offset++) {
        const counts = Array.from(block.subarray(offset * this.types, (offset + 1) * this.types));
        if (counts.some((count) => count > 0)) yield [fromDayNumber(key * BLOCK_DAYS + offset), counts];
      }
    }
  }

  [Symbol.iterator](): IterableIterator<[IsoDate, number[]]> {
    return this.entries();
  }

  /** The blocks as plain data a worker thread can post (`unpack` makes the counts again). */
  pack(): PackedDailyCounts {
    return { types: this.types, blocks: [...this.#blocks] };
  }

  static unpack(packed: PackedDailyCounts): DailyCounts {
    const counts = new DailyCounts(packed.types);
    for (const [key, block] of packed.blocks) counts.#blocks.set(key, block);
    return counts;
  }

  /** The block of key `key`, made when there is none. */
  #blockAt(key: number): Int32Array {
    let block = this.#blocks.get(key);
    if (block === undefined) this.#blocks.set(key, (block = new Int32Array(BLOCK_DAYS * this.types)));
    return block;
  }
}

export interface PackedDailyCounts {
  types: number;
  blocks: [number, Int32Array][];
}
