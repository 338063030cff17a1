/**
 * A million deals in little memory. Every deal of deals.csv is kept for the whole build, and as a
 * plain object of 28 fields it takes ≈ 250 bytes (8 per field) plus a boxed number per amount.
 * A `StoredDeal` keeps as its own properties only the fields most metrics read in their loops
 * (id, account, owner, stage, status, amount, created and close date, and the model's channel
 * and team); the others live in columns shared by the deals of one file (`DealColumns`) and are
 * read and written through accessors: repeating texts (product, source…) as 2- or 4-byte
 * codes into one copy of each text, dates as day numbers, numbers unboxed in typed arrays.
 * About 100 bytes less per deal, with the same `Deal` / `ModelDeal` shape for every reader.
 * The fields deals.csv gives as they are come from its column table (src/schemas/deals.ts):
 * `StoredDeal.withFields` makes the class with an accessor per field, so a new column needs no
 * edit here.
 *
 * Accessor fields are not own properties: spread (`{ ...deal }`), `Object.keys` and
 * `JSON.stringify` see the own fields only; `toJSON()` gives every field.
 */
import { FingerprintTable } from './fingerprint-table.ts';
import { own } from './intern.ts';
import { dayNumber, isoDateOf } from '../periods/calendar.ts';
import type { Channel, ChannelReason, DealStatus, IsoDate, ModelDeal } from '../core/records.ts';

/** Rows the columns are first made for; they double as deals are added. */
const FIRST_CAPACITY = 1024;

/**
 * Repeating texts as codes: one copy per distinct text (copied out of the parser's chunk when
 * first seen), 2 bytes per row (4 past 65 535 texts).
 */
export class CodedTexts {
  readonly #texts = new FingerprintTable();
  /** Per row: the text's place in `#texts` + 1; 0 is no text (undefined). */
  #codes: Uint16Array | Uint32Array = new Uint16Array(FIRST_CAPACITY);
  /** The largest code `#codes` holds. */
  #maxCode = 0xffff;
  /** The text last set that was one of the first MEMO_TEXTS (the table's copy), and its code. */
  #lastText: string | undefined;
  #lastCode = 0;

  get(row: number): string | undefined {
    const code = this.#codes[row]!;
    return code === 0 ? undefined : this.#texts.at(code - 1);
  }

  set(row: number, text: string | undefined): void {
    let code = 0;
    if (text === this.#lastText) code = this.#lastCode;
    else if (text !== undefined) {
      code = this.#texts.placeOrAdd(text, own) + 1;
      // The text of the row before often comes again in a column of few texts (a currency, a
      // stage, a sorted column); a column of many (names) would only pay for remembering it.
      if (code <= MEMO_TEXTS) {
        this.#lastText = this.#texts.at(code - 1);
        this.#lastCode = code;
      }
    }
    if (row >= this.#codes.length || code > this.#maxCode) this.#widen(row, code);
    this.#codes[row] = code;
  }

  /** Distinct texts stored. */
  get distinct(): number {
    return this.#texts.size;
  }

  #widen(row: number, code: number): void {
    const length = Math.max(this.#codes.length, grownLength(row));
    const wide = code > 0xffff || this.#maxCode > 0xffff;
    const codes = wide ? new Uint32Array(length) : new Uint16Array(length);
    codes.set(this.#codes);
    this.#codes = codes;
    this.#maxCode = wide ? 0xffffffff : 0xffff;
  }
}

/** Texts of a column remembered as the last one set: the first 256 distinct ones. */
const MEMO_TEXTS = 256;

/** Numbers per row, unboxed; undefined is kept as NaN (rows never set read undefined). */
export class Numbers {
  #values = new Float64Array(FIRST_CAPACITY).fill(Number.NaN);

  get(row: number): number | undefined {
    const value = this.#values[row]!;
    return Number.isNaN(value) ? undefined : value;
  }

  set(row: number, value: number | undefined): void {
    if (row >= this.#values.length) {
      const values = new Float64Array(grownLength(row)).fill(Number.NaN);
      values.set(this.#values);
      this.#values = values;
    }
    this.#values[row] = value === undefined ? Number.NaN : value;
  }
}

/** Marks a row of `Dates` without a date of its own day number. */
const NO_DAY = -0x80000000;
/** The furthest day from 1970-01-01 a `Date` holds (100 000 000 days each way). */
const MAX_DATE_DAY = 100_000_000;

/**
 * Dates per row as day numbers (4 bytes a row), read back as one shared string per day
 * (`isoDateOf`). A date that its day number would not give back as written (none that the
 * readers make) is kept as text beside them.
 */
export class Dates {
  #days = new Int32Array(FIRST_CAPACITY).fill(NO_DAY);
  /** Rows whose date is kept as text. */
  #others: Map<number, IsoDate> | undefined;

  get(row: number): IsoDate | undefined {
    const day = this.#days[row]!;
    return day === NO_DAY ? this.#others?.get(row) : isoDateOf(day);
  }

  set(row: number, date: IsoDate | undefined): void {
    if (row >= this.#days.length) {
      const days = new Int32Array(grownLength(row)).fill(NO_DAY);
      days.set(this.#days);
      this.#days = days;
    }
    this.#others?.delete(row);
    if (date === undefined) {
      this.#days[row] = NO_DAY;
      return;
    }
    const day = dayNumber(date);
    // Days a Date can hold (NaN: a text that is no date at all).
    if (Math.abs(day) <= MAX_DATE_DAY && isoDateOf(day) === date) {
      this.#days[row] = day;
    } else {
      this.#days[row] = NO_DAY;
      (this.#others ??= new Map()).set(row, date);
    }
  }
}

/** The smallest doubling of the first capacity that holds `row`. */
function grownLength(row: number): number {
  let length = FIRST_CAPACITY;
  while (length <= row) length *= 2;
  return length;
}

/** How a field kept in a column is stored: repeating texts as codes, dates as day numbers, numbers unboxed. */
export type Storage = 'text' | 'date' | 'number';

/** A field a `StoredDeal` keeps in a column of its file, read and written through an accessor. */
export interface StoredField {
  field: string;
  store: Storage;
}

type Column = CodedTexts | Dates | Numbers;

function columnFor(store: Storage): Column {
  return store === 'text' ? new CodedTexts() : store === 'date' ? new Dates() : new Numbers();
}

/**
 * The columns of the fields a `StoredDeal` does not hold itself, for the deals of one file: the
 * ones the schema and the model set (named below), and the `fields` deals.csv gives as they are
 * (one column each, in the order given: src/schemas/deals.ts's column table).
 */
export class DealColumns {
  /** Rows handed out so far (one per deal made, kept or rejected). */
  size = 0;
  readonly file = new CodedTexts();
  readonly line = new Numbers();
  /** Deal names ("account – product": about one in four distinct); no text: the name is the deal's id. */
  readonly name = new CodedTexts();
  readonly amountOriginal = new Numbers();
  readonly currency = new CodedTexts();
  readonly channelGiven = new CodedTexts();
  readonly channelReason = new CodedTexts();
  readonly annualAmount = new Numbers();
  readonly contractYears = new Numbers();
  /** What an open deal's export left empty: `UNSET_AMOUNT` | `UNSET_CLOSE` bits (undefined: nothing). */
  readonly unset = new Numbers();
  /** The columns of `fields`, in their order. */
  readonly given: readonly Column[];
  readonly fields: readonly StoredField[];

  constructor(fields: readonly StoredField[] = []) {
    this.fields = fields;
    this.given = fields.map(({ store }) => columnFor(store));
  }
}

/** An open deal exported without an amount: `amount` is 0 and means "amount not set". */
export const UNSET_AMOUNT = 1;
/** An open deal exported without an expected close date: `close` is `NO_CLOSE_DATE`. */
export const UNSET_CLOSE = 2;

/** The fields a `StoredDeal` holds itself, as given when it is made. */
export interface OwnDealFields {
  id: string;
  accountId: string;
  ownerId: string;
  stageId: string;
  status: DealStatus;
  amount: number;
  created: IsoDate;
  close: IsoDate;
}

export class StoredDeal implements ModelDeal {
  id: string;
  accountId: string;
  ownerId: string;
  stageId: string;
  status: DealStatus;
  amount: number;
  created: IsoDate;
  close: IsoDate;
  /** Set by the model (src/model/build-model.ts); undefined until then. */
  channel!: Channel;
  /** Set by the model; undefined until then. */
  teamId!: string;
  readonly #columns: DealColumns;
  readonly #row: number;

  /** A new row of `columns`: every column field undefined (`file` and `line` too) until set. */
  constructor(columns: DealColumns, own: OwnDealFields) {
    this.id = own.id;
    this.accountId = own.accountId;
    this.ownerId = own.ownerId;
    this.stageId = own.stageId;
    this.status = own.status;
    this.amount = own.amount;
    this.created = own.created;
    this.close = own.close;
    this.channel = undefined as unknown as Channel;
    this.teamId = undefined as unknown as string;
    this.#columns = columns;
    this.#row = columns.size++;
  }

  get file(): string {
    return this.#columns.file.get(this.#row)!;
  }
  set file(value: string) {
    this.#columns.file.set(this.#row, value);
  }
  get line(): number {
    return this.#columns.line.get(this.#row)!;
  }
  set line(value: number) {
    this.#columns.line.set(this.#row, value);
  }
  /** The deal's name; its id when none is given. */
  get name(): string {
    return this.#columns.name.get(this.#row) ?? this.id;
  }
  set name(value: string) {
    this.#columns.name.set(this.#row, value === this.id ? undefined : value);
  }
  get amountOriginal(): number {
    return this.#columns.amountOriginal.get(this.#row)!;
  }
  set amountOriginal(value: number) {
    this.#columns.amountOriginal.set(this.#row, value);
  }
  get currency(): string {
    return this.#columns.currency.get(this.#row)!;
  }
  set currency(value: string) {
    this.#columns.currency.set(this.#row, value);
  }
  get channelGiven(): Channel | undefined {
    return this.#columns.channelGiven.get(this.#row) as Channel | undefined;
  }
  set channelGiven(value: Channel | undefined) {
    this.#columns.channelGiven.set(this.#row, value);
  }
  get channelReason(): ChannelReason {
    return this.#columns.channelReason.get(this.#row) as ChannelReason;
  }
  set channelReason(value: ChannelReason) {
    this.#columns.channelReason.set(this.#row, value);
  }
  get annualAmount(): number {
    return this.#columns.annualAmount.get(this.#row)!;
  }
  set annualAmount(value: number) {
    this.#columns.annualAmount.set(this.#row, value);
  }
  get contractYears(): number {
    return this.#columns.contractYears.get(this.#row)!;
  }
  set contractYears(value: number) {
    this.#columns.contractYears.set(this.#row, value);
  }

  /** `UNSET_AMOUNT` | `UNSET_CLOSE` bits; 0 when the export gave both. */
  get unset(): number {
    return this.#columns.unset.get(this.#row) ?? 0;
  }
  set unset(value: number) {
    this.#columns.unset.set(this.#row, value === 0 ? undefined : value);
  }
  get amountMissing(): boolean | undefined {
    return (this.unset & UNSET_AMOUNT) !== 0 ? true : undefined;
  }
  get closeMissing(): boolean | undefined {
    return (this.unset & UNSET_CLOSE) !== 0 ? true : undefined;
  }

  /** Every field, own and column, as a plain object (what `JSON.stringify` writes). */
  toJSON(): ModelDeal {
    const plain: Record<string, unknown> = {};
    const add = (field: string) => {
      const value = (this as unknown as Record<string, unknown>)[field];
      if (value !== undefined) plain[field] = value;
    };
    for (const field of FIELDS_BEFORE) add(field);
    for (const { field } of this.#columns.fields) add(field);
    for (const field of FIELDS_AFTER) add(field);
    return plain as unknown as ModelDeal;
  }

  /** Sets column fields: `values[i]` is the value of the field at `places[i]` of the columns' `fields`. */
  setFields(places: readonly number[], values: readonly unknown[]): void {
    const given = this.#columns.given;
    for (let i = 0; i < places.length; i++) (given[places[i]!] as Numbers).set(this.#row, values[i] as number | undefined);
  }

  /**
   * The class of the deals of a file that gives `fields` as they are: `StoredDeal` with an
   * accessor per field, reading and writing its column (`DealColumns.given`) by the field's place.
   * Make one per file and its columns with the same `fields`.
   */
  static withFields(fields: readonly StoredField[]): typeof StoredDeal {
    class WithFields extends StoredDeal {}
    fields.forEach(({ field }, i) => {
      if (field in StoredDeal.prototype || (FIELDS_BEFORE as readonly string[]).includes(field) || (FIELDS_AFTER as readonly string[]).includes(field))
        throw new Error(`StoredDeal holds "${field}" itself`);
      Object.defineProperty(WithFields.prototype, field, {
        get(this: StoredDeal) {
          return this.#columns.given[i]!.get(this.#row);
        },
        set(this: StoredDeal, value: unknown) {
          (this.#columns.given[i] as Numbers).set(this.#row, value as number | undefined);
        },
        enumerable: false,
        configurable: false,
      });
    });
    return WithFields;
  }
}

/** The fields of the `Deal` / `ModelDeal` shape before and after the given ones, in the order of src/core/records.ts. */
const FIELDS_BEFORE = [
  'file',
  'line',
  'id',
  'name',
  'accountId',
  'ownerId',
  'stageId',
  'status',
  'amount',
  'amountOriginal',
  'currency',
  'created',
  'close',
  'amountMissing',
  'closeMissing',
  'channelGiven',
] as const;
const FIELDS_AFTER = ['channel', 'channelReason', 'annualAmount', 'contractYears', 'teamId'] as const;
