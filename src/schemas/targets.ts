/** `targets.csv`: one target value per period × scope × measure. */
import { ACTIVITY_TYPES, CHANNELS, TARGET_SCOPES, type Target, type TargetMeasure, type TargetScope } from '../core/records.ts';
import { periodRange } from '../periods/fiscal.ts';
import type { Settings } from '../settings/schema.ts';
import { fastRowReader, rowSchema, type Finish } from './cells.ts';
import { cellKindsOf, columnSpecs, type ColumnTable, type FieldsMatch, type FileSpec } from './column.ts';
import { RULES } from '../core/rules.ts';

export type TargetRow = Omit<Target, 'file' | 'line'>;

const TARGET_MEASURES: readonly TargetMeasure[] = [
  'volume:total',
  ...CHANNELS.map((channel) => `volume:${channel}` as const),
  ...ACTIVITY_TYPES.map((type) => `activity:${type}` as const),
  'customers_worked',
  'revenue',
];

/**
 * targets.csv, one entry per column: its cell kind, whether the header must have it, its aliases,
 * and the field of the target it fills (`resolved`: `finishTarget` checks the cell and makes the
 * field from it).
 */
export const TARGET_COLUMNS = [
  { name: 'period', kind: 'requiredText', required: true, field: 'period', resolved: true },
  { name: 'cadence', kind: 'optionalText', required: false, field: 'cadence', resolved: true },
  { name: 'scope', kind: 'requiredText', required: true, aliases: ['level'], field: 'scope', resolved: true },
  { name: 'scope_id', kind: 'textOrEmpty', required: false, aliases: ['team_or_seller', 'who'], field: 'scopeId', resolved: true },
  { name: 'measure', kind: 'requiredText', required: true, aliases: ['metric'], field: 'measure', resolved: true },
  { name: 'value', kind: 'requiredNumber', required: true, aliases: ['target', 'budget'], field: 'value' },
] as const satisfies ColumnTable;

/** Compile-time: the table names every field of a target, no other, each of its cell's type. */
const _FIELDS_MATCH: FieldsMatch<typeof TARGET_COLUMNS, TargetRow> = true;

const TARGET_CELLS = cellKindsOf(TARGET_COLUMNS);

function finishTarget(settings: Settings): Finish<typeof TARGET_CELLS, TargetRow> {
  return (row, fail) => {
    const period = row.period.toUpperCase();
    if (!periodRange(period, settings.fiscalYearStartMonth)) {
      return fail('BadTarget', `expected FY2026, FY2026-Q1, 2026-03 or 2026-W47, got "${row.period}"`, row.period, 'period');
    }
    const cadence = (row.cadence ?? 'total').toLowerCase();
    if (cadence !== 'total' && cadence !== 'weekly') {
      return fail('BadTarget', `expected total or weekly, got "${row.cadence}"`, row.cadence ?? '', 'cadence');
    }
    const scope = row.scope.toLowerCase() as TargetScope;
    if (!TARGET_SCOPES.includes(scope)) {
      return fail('BadTarget', `expected company, team or seller, got "${row.scope}"`, row.scope, 'scope');
    }
    if (scope !== 'company' && row.scope_id === '') {
      return fail('BadTarget', `a ${scope} target needs the ${scope} id`, '', 'scope_id');
    }
    const measure = row.measure.toLowerCase() as TargetMeasure;
    if (!TARGET_MEASURES.includes(measure)) {
      return fail('BadTarget', `unknown measure "${row.measure}" (known: ${TARGET_MEASURES.join(', ')})`, row.measure, 'measure');
    }
    if (row.value < 0) {
      return fail('NegativeAmount', RULES.NegativeAmount.message({ value: row.value }), String(row.value), 'value');
    }
    return {
      period,
      cadence,
      scope,
      scopeId: scope === 'company' ? '' : row.scope_id,
      measure,
      value: row.value,
    };
  };
}

export const targetsFile: FileSpec<TargetRow> = {
  file: 'targets.csv',
  required: false,
  columns: columnSpecs(TARGET_COLUMNS),
  schema: (settings) => rowSchema(TARGET_CELLS, settings, finishTarget(settings)),
  fast: (settings) => fastRowReader(TARGET_CELLS, settings, finishTarget(settings)),
};
