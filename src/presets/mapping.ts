/**
 * The settings' hand-written mapping (`"mapping": {"deals": {"file": "Affärer.csv", "columns":
 * {"amount": "Ordervärde"}}}`) as a source adapter: each mapped canonical column is read from the
 * named header only; the others from their canonical names and aliases, as in a canonical file.
 * Values then go through the usual settings: `stages` aliases, `channelMap`, `activityTypeMap`,
 * `exchangeRates`; `decimal` and `dateOrder` apply to this file only. A column name that is not
 * canonical is a settings error naming the key.
 */
import type { FileSpec } from '../schemas/column.ts';
import type { MappedFile } from '../settings/schema.ts';
import type { Issue } from '../core/issue.ts';
import type { SourceAdapter, Target } from './types.ts';

export function mappingAdapter(target: Target, mapped: MappedFile, spec: FileSpec<unknown>): SourceAdapter {
  return {
    id: `mapping.${target}`,
    crm: 'mapping',
    label: `mapping from the settings (${Object.keys(mapped.columns).length} column(s) mapped)`,
    target,
    signatures: [],
    columns: spec.columns.map((column) => {
      const header = mapped.columns[column.name];
      return {
        key: column.name,
        headers: header === undefined ? [column.name, ...(column.aliases ?? [])] : [header],
        required: column.required,
      };
    }),
    fields: Object.fromEntries(spec.columns.map((column) => [column.name, column.name])),
    decimal: mapped.decimal,
    dateOrder: mapped.dateOrder,
  };
}

/** Mapped column names that are not columns of the canonical file: one settings issue each. */
export function mappingIssues(target: Target, mapped: MappedFile, spec: FileSpec<unknown>): Issue[] {
  const known = spec.columns.map((column) => column.name);
  return Object.keys(mapped.columns)
    .filter((name) => !known.includes(name))
    .map((name) => ({
      code: 'InvalidSettings',
      file: 'tavla.config.json',
      line: 0,
      field: `mapping.${target}.columns.${name}`,
      message: `"${name}" is not a column of ${spec.file} (columns: ${known.join(', ')})`,
    }));
}
