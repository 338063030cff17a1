/**
 * How a canonical export file is described: its columns (for header mapping and the
 * missing-column message) and the zod schema that turns one row of cell strings into a record.
 */
import type { z } from 'zod';
import type { Settings } from '../settings/schema.ts';
import type { FastRowReader } from './cells.ts';

export interface ColumnSpec {
  /** Canonical column name, as in docs/data-format.md. */
  name: string;
  required: boolean;
  /** Other header spellings that mean the same column. */
  aliases?: string[];
}

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
