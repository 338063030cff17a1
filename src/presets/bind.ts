/**
 * A source adapter bound to one file's header: which field holds each source column, which
 * required ones are missing (with the closest header, as for canonical files), and the
 * `RowMapper` that validate-file runs every row through. Numbers are rewritten when the adapter
 * knows the file's decimal separator; messages name the header as the export writes it.
 */
import { mapColumns, normalizeHeader } from '../ingest/header.ts';
import type { Settings } from '../settings/schema.ts';
import type { FileSource, RowMapper } from '../validate/validate-file.ts';
import { effectiveSettings } from './effective-settings.ts';
import type { RowContext, SourceAdapter, Target } from './types.ts';
import { withDecimal } from './values.ts';

/** Canonical columns that hold numbers, per file (the ones a decimal separator applies to). */
const NUMERIC: Record<Target, string[]> = {
  deals: ['amount', 'term_months'],
  accounts: [],
  activities: ['duration_minutes'],
  users: [],
  targets: ['value'],
  funnel: ['visits', 'leads', 'nurture'],
  invoices: ['amount'],
  leads: [],
};

/** Header as written, for messages: no BOM, trimmed. */
function label(header: string): string {
  return header.replace(/^\uFEFF/, '').trim();
}

/** En and em dashes (`Deal – Title`) read like `-`, which header matching ignores. */
function plainDashes(header: string): string {
  return header.replace(/[\u2013\u2014]/g, '-');
}

export interface ColumnMatch {
  /** Source key → 0-based field position, for every column found. */
  position: Record<string, number>;
  missing: { column: string; closest?: string }[];
  /**
   * Source key → further positions whose header means the same column (`Loss_Reason__c` and
   * `LossReason__c` both normalise to one key): a row takes the first of them that is filled.
   */
  alsoAt: Record<string, number[]>;
}

/** Other headers of the file that normalise like one of the column's spellings. */
function collisions(adapter: SourceAdapter, header: string[], position: Record<string, number>): Record<string, number[]> {
  const normal = header.map((h) => normalizeHeader(plainDashes(h)));
  const alsoAt: Record<string, number[]> = {};
  for (const column of adapter.columns) {
    const at = position[column.key];
    if (at === undefined) continue;
    const spellings = new Set(column.headers.map((h) => normalizeHeader(plainDashes(h))));
    const others = normal.flatMap((name, i) => (i !== at && spellings.has(name) ? [i] : []));
    if (others.length > 0) alsoAt[column.key] = others;
  }
  return alsoAt;
}

/** Log lines naming the headers read as one column (`collisions`). */
export function collisionNotes(file: string, adapter: SourceAdapter, header: string[]): string[] {
  const { position, alsoAt } = matchColumns(adapter, header);
  return Object.entries(alsoAt).map(([key, others]) => {
    const names = [position[key]!, ...others].map((i) => `"${label(header[i] ?? '')}"`).join(' and ');
    return `${file}: ${names} are one column (${key}); each row takes the first of them that is filled`;
  });
}

/** Finds the adapter's columns in a header. */
export function matchColumns(adapter: SourceAdapter, header: string[]): ColumnMatch {
  const mapping = mapColumns(
    header.map(plainDashes),
    adapter.columns.map((column) => ({
      name: column.headers[0]!,
      aliases: column.headers.slice(1),
      required: column.required === true,
    })),
  );
  const position: Record<string, number> = {};
  for (const column of adapter.columns) {
    const at = mapping.index[column.headers[0]!];
    if (at !== undefined) position[column.key] = at;
  }
  const missing = mapping.missing.map((column) => ({ column, closest: mapping.closest[column] }));
  for (const group of adapter.requireOneOf ?? []) {
    if (group.some((key) => position[key] !== undefined)) continue;
    const first = adapter.columns.find((column) => column.key === group[0]);
    if (first) missing.push({ column: first.headers[0]!, closest: undefined });
  }
  return { position, missing, alsoAt: collisions(adapter, header, position) };
}

export function bindAdapter(adapter: SourceAdapter, header: string[], settings: Settings, asOf: string): RowMapper {
  const { position, missing, alsoAt } = matchColumns(adapter, header);
  const effective = effectiveSettings(settings, adapter);
  const target = adapter.target as Target;
  const numeric = adapter.decimal ? (NUMERIC[target] ?? []) : [];
  const headersOf = new Map(adapter.columns.map((column) => [column.key, column.headers]));
  let fields: readonly string[] = [];
  const row: RowContext = {
    get: (key) => {
      const at = position[key];
      if (at === undefined) return undefined;
      const value = (fields[at] ?? '').trim();
      const others = alsoAt[key];
      if (value !== '' || others === undefined) return value;
      for (const other of others) {
        const text = (fields[other] ?? '').trim();
        if (text !== '') return text;
      }
      return value;
    },
    has: (key) => position[key] !== undefined,
    settings: effective,
    asOf,
  };
  const rules = Object.entries(adapter.fields);
  return {
    missing,
    settings: effective,
    footer: adapter.footer,
    cells(rowFields) {
      fields = rowFields;
      if (adapter.skip?.(row)) return 'skip';
      const cells: Record<string, string | undefined> = {};
      for (const [column, rule] of rules) cells[column] = typeof rule === 'string' ? row.get(rule) : rule.value(row);
      for (const column of numeric) cells[column] = withDecimal(cells[column], adapter.decimal!);
      return cells;
    },
    locate(column) {
      const rule = adapter.fields[column];
      if (rule === undefined) return { field: column };
      const keys = typeof rule === 'string' ? [rule] : rule.from;
      const key = keys.find((k) => position[k] !== undefined);
      if (key !== undefined) return { position: position[key], field: label(header[position[key]!] ?? key) };
      return { field: headersOf.get(keys[0] ?? '')?.[0] ?? column };
    },
  };
}

/** The `FileSource` validate-file reads a CRM export through. */
export function fileSource(file: string, adapter: SourceAdapter, settings: Settings, asOf: string): FileSource {
  return { file, bind: (header) => bindAdapter(adapter, header, settings, asOf) };
}
