/**
 * The settings' hand-written mapping (`"mapping": {"deals": {"file": "Affärer.csv", "columns":
 * {"amount": "Ordervärde"}}}`) as a source adapter: each mapped canonical column is read from the
 * named header only; the others from their canonical names and aliases, as in a canonical file.
 * Values then go through the usual settings: `stages` aliases, `channelMap`, `activityTypeMap`,
 * `exchangeRates`; `decimal` and `dateOrder` apply to this file only.
 *
 * What real files lack, declared instead of scripted: `constants` (one value for a column the
 * export does not have; `status` sets a deals file's stage to the first stage with that status),
 * `statusFrom` (won when the `won` header has a value, lost when the `lost` one has, else open)
 * and `join` (columns taken from a second file by key). A row's own cell wins over the joined
 * one, the joined one over the constant. A column given any of these ways is no longer required
 * of the file. Every problem names the mapping key and the file.
 */
import { join } from 'node:path';
import type { FileSpec } from '../schemas/column.ts';
import type { MappedFile, Settings } from '../settings/schema.ts';
import type { Issue } from '../core/issue.ts';
import type { SourceAdapter, Target, RowContext } from './types.ts';
import { missingHeaders, readJoinTable, settingsIssue, type JoinTable } from './mapping-join.ts';
import { readHeader } from './read-header.ts';

const JOIN_KEY = '__join_key';
const WON_AT = '__won_at';
const LOST_AT = '__lost_at';
const STATUSES = ['open', 'won', 'lost'];

/** The column a status goes to: a deals file's stage (by the stage's status), any other file's status. */
function statusColumn(target: Target): string {
  return target === 'deals' ? 'stage' : 'status';
}

/** The settings' first stage with the status (deals), or the status word itself (leads…). */
function statusValue(target: Target, status: string, settings: Settings): string {
  if (target !== 'deals') return status;
  return settings.stages.find((stage) => stage.status === status)?.id ?? status;
}

function fromDates(row: RowContext): string | undefined {
  if (row.has(WON_AT) && row.get(WON_AT)) return 'won';
  if (row.has(LOST_AT) && row.get(LOST_AT)) return 'lost';
  return row.has(WON_AT) || row.has(LOST_AT) ? 'open' : undefined;
}

function mappingAdapter(target: Target, mapped: MappedFile, spec: FileSpec<unknown>, joined?: JoinTable): SourceAdapter {
  const constants = mapped.constants ?? {};
  const status = statusColumn(target);
  const given = new Set([...Object.keys(constants), ...Object.keys(mapped.join?.columns ?? {})]);
  if (mapped.statusFrom || constants.status !== undefined) given.add(status);
  const extra = [
    ...(mapped.join ? [{ key: JOIN_KEY, headers: [mapped.join.key], required: true }] : []),
    ...(mapped.statusFrom?.won ? [{ key: WON_AT, headers: [mapped.statusFrom.won], required: true }] : []),
    ...(mapped.statusFrom?.lost ? [{ key: LOST_AT, headers: [mapped.statusFrom.lost], required: true }] : []),
  ];
  const value =
    (name: string) =>
    (row: RowContext): string | undefined => {
      const own = row.get(name);
      if (own) return own;
      const other = joined?.get(row.get(JOIN_KEY) ?? '')?.[name];
      if (other) return other;
      if (name === status) {
        const word = fromDates(row) ?? constants.status ?? constants[name];
        return word === undefined ? undefined : STATUSES.includes(word) ? statusValue(target, word, row.settings) : word;
      }
      return constants[name] ?? own;
    };
  return {
    id: `mapping.${target}`,
    crm: 'mapping',
    label: `mapping from the settings (${Object.keys(mapped.columns).length} column(s) mapped)`,
    target,
    signatures: [],
    columns: [
      ...spec.columns.map((column) => {
        const header = mapped.columns[column.name];
        return {
          key: column.name,
          headers: header === undefined ? [column.name, ...(column.aliases ?? [])] : [header],
          required: column.required && !given.has(column.name),
        };
      }),
      ...extra,
    ],
    fields: Object.fromEntries(spec.columns.map((column) => [column.name, { from: [column.name], value: value(column.name) }])),
    decimal: mapped.decimal,
    dateOrder: mapped.dateOrder,
  };
}

/** Column names in the mapping that are not columns of the canonical file: one settings issue each. */
function mappingIssues(target: Target, mapped: MappedFile, spec: FileSpec<unknown>): Issue[] {
  const known = spec.columns.map((column) => column.name);
  const status = statusColumn(target);
  const named: [string, string, string[]][] = [
    ...Object.keys(mapped.columns).map((name): [string, string, string[]] => [`mapping.${target}.columns.${name}`, name, known]),
    ...Object.keys(mapped.constants ?? {}).map((name): [string, string, string[]] => [
      `mapping.${target}.constants.${name}`,
      name,
      target === 'deals' ? [...known, 'status'] : known,
    ]),
    ...Object.keys(mapped.join?.columns ?? {}).map((name): [string, string, string[]] => [`mapping.${target}.join.columns.${name}`, name, known]),
  ];
  const issues = named
    .filter(([, name, allowed]) => !allowed.includes(name))
    .map(([field, name, allowed]) => settingsIssue(field, `"${name}" is not a column of ${spec.file} (columns: ${allowed.join(', ')})`));
  const word = mapped.constants?.status;
  if (target === 'deals' && word !== undefined && !STATUSES.includes(word)) {
    issues.push(settingsIssue(`mapping.${target}.constants.status`, `"${word}" is not a status (open, won or lost) for ${mapped.file}`));
  }
  if (mapped.statusFrom && !known.includes(status)) {
    issues.push(settingsIssue(`mapping.${target}.statusFrom`, `${spec.file} has no status to derive`));
  }
  return issues;
}

/** The mapping's adapter, with its joined file read; or the issues that stop it. */
export async function planMapping(
  dataDir: string,
  target: Target,
  mapped: MappedFile,
  spec: FileSpec<unknown>,
): Promise<{ adapter?: SourceAdapter; issues: Issue[] }> {
  const issues = mappingIssues(target, mapped, spec);
  const header = await readHeader(join(dataDir, mapped.file));
  if (header) {
    // Mapped columns missing from the file are reported as missing columns of the file, with the closest header.
    const named: [string, string][] = [
      ...(mapped.join ? [[`mapping.${target}.join.key`, mapped.join.key] as [string, string]] : []),
      ...Object.entries(mapped.statusFrom ?? {}).map(([status, name]): [string, string] => [`mapping.${target}.statusFrom.${status}`, name!]),
    ];
    issues.push(...missingHeaders(header, mapped.file, named));
  }
  const joined = mapped.join ? await readJoinTable(dataDir, target, mapped.join) : undefined;
  issues.push(...(joined?.issues ?? []));
  if (issues.length > 0) return { issues };
  return { adapter: mappingAdapter(target, mapped, spec, joined?.table), issues };
}
