/**
 * How a canonical export file is described: one column table per file (name, cell kind,
 * required or not, aliases, and for a cell kept as read: the record field and how it is stored),
 * from which the header mapping, the cell kinds the row readers read and the stored fields are
 * derived, and the zod schema that turns one row of cell strings into a record.
 */
import type { z } from 'zod';
import type { Settings } from '../settings/schema.ts';
import type { CellKind, CellValue, FastRowReader } from './cells.ts';
import type { Storage } from '../speed/stored-deal.ts';

export interface ColumnSpec {
  /** Canonical column name, as in docs/data-format.md. */
  name: string;
  required: boolean;
  /** Other header spellings that mean the same column. */
  aliases?: string[];
}

/** One row of a file's column table. */
export interface ColumnEntry {
  /** Canonical column name, as in docs/data-format.md. */
  readonly name: string;
  readonly kind: CellKind;
  /** Whether the column must be in the header (a required column's cell may still be empty by its kind). */
  readonly required: boolean;
  /** Other header spellings that mean the same column. */
  readonly aliases?: readonly string[];
  /**
   * The record field the cell is kept in as read (no lookup, no check across cells); without
   * one, the file's finish reads the cell itself.
   */
  readonly field?: string;
  /** How the field is kept in a column store and sent between threads. */
  readonly store?: Storage;
  /** The file's finish sets the field (after a lookup or a check): it is stored, but not copied as read. */
  readonly resolved?: true;
}

export type ColumnTable = readonly ColumnEntry[];

/** The cell kinds of a table, by column name (what the row readers read). */
export type KindsOf<T extends ColumnTable> = { [E in T[number] as E['name']]: E['kind'] };

export function cellKindsOf<T extends ColumnTable>(table: T): KindsOf<T> {
  return Object.fromEntries(table.map(({ name, kind }) => [name, kind])) as KindsOf<T>;
}

/** The header mapping's view of a table. */
export function columnSpecs(table: ColumnTable): ColumnSpec[] {
  return table.map(({ name, required, aliases }) => (aliases ? { name, required, aliases: [...aliases] } : { name, required }));
}

/** The entries kept as read: a field and a store, not resolved by the finish. */
export type GivenEntry = ColumnEntry & { field: string; store: Storage };

export function givenEntries(table: ColumnTable): GivenEntry[] {
  return table.filter((entry): entry is GivenEntry => entry.field !== undefined && entry.store !== undefined && !entry.resolved);
}

/** Every stored field (given or resolved), in table order. */
export function storedFields(table: ColumnTable): { field: string; store: Storage }[] {
  return table.flatMap(({ field, store }) => (field !== undefined && store !== undefined ? [{ field, store }] : []));
}

/** The fields a table names, given or resolved, each with its cell's type (resolved ones: `never`, set by the finish). */
export type FieldsOf<T extends ColumnTable> = {
  [E in T[number] as E extends { field: infer F extends string } ? F : never]: E extends { resolved: true } ? never : NonNullable<CellValue<E['kind']>>;
};

/**
 * True when a table's fields are exactly the record's `Fields` (none missing, none extra) and each
 * given field can hold its cell's value: `const check: FieldsMatch<…> = true` is a type error otherwise.
 */
export type FieldsMatch<T extends ColumnTable, Fields> = [keyof FieldsOf<T>] extends [keyof Fields]
  ? [keyof Fields] extends [keyof FieldsOf<T>]
    ? { [F in keyof Fields & keyof FieldsOf<T>]-?: [FieldsOf<T>[F]] extends [NonNullable<Fields[F]>] ? true : never }[keyof Fields &
        keyof FieldsOf<T>] extends true
      ? true
      : false
    : false
  : false;

export interface FileSpec<T> {
  /** File name in the data folder. */
  file: string;
  required: boolean;
  columns: ColumnSpec[];
  /** Row schema: input is `{column: cell}`, output the record without its location. */
  schema: (settings: Settings) => z.ZodType<T, Record<string, string | undefined>>;
  /**
   * Reads a good row without zod (same cell functions and checks as `schema`); `NOT_FAST` sends
   * the row to `schema` for its messages. Optional: without it every row goes through `schema`.
   */
  fast?: (settings: Settings) => FastRowReader<T>;
  /** Column whose value must be unique within the file, if any. */
  idColumn?: string;
}

export type RowOf<S> = S extends FileSpec<infer T> ? T : never;
