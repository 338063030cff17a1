/** `targets.csv`: one target value per period × scope × measure. */
import { z } from 'zod';
import { ACTIVITY_TYPES, CHANNELS, TARGET_SCOPES, type Target, type TargetMeasure, type TargetScope } from '../core/records.ts';
import { periodRange } from '../periods/fiscal.ts';
import type { Settings } from '../settings/schema.ts';
import { fail, optionalText, requiredNumber, requiredText, textOrEmpty } from './cells.ts';
import type { FileSpec } from './column.ts';
import { RULES } from '../core/rules.ts';

export type TargetRow = Omit<Target, 'file' | 'line'>;

export const TARGET_MEASURES: readonly TargetMeasure[] = [
  'volume:total',
  ...CHANNELS.map((channel) => `volume:${channel}` as const),
  ...ACTIVITY_TYPES.map((type) => `activity:${type}` as const),
  'customers_worked',
  'revenue',
];

function targetSchema(settings: Settings) {
  return z
    .object({
      period: requiredText,
      cadence: optionalText,
      scope: requiredText,
      scope_id: textOrEmpty,
      measure: requiredText,
      value: requiredNumber,
    })
    .transform((row, ctx): TargetRow => {
      const period = row.period.toUpperCase();
      if (!periodRange(period, settings.fiscalYearStartMonth)) {
        return fail(ctx, 'BadTarget', `expected FY2026, FY2026-Q1, 2026-03 or 2026-W47, got "${row.period}"`, row.period, 'period');
      }
      const cadence = (row.cadence ?? 'total').toLowerCase();
      if (cadence !== 'total' && cadence !== 'weekly') {
        return fail(ctx, 'BadTarget', `expected total or weekly, got "${row.cadence}"`, row.cadence ?? '', 'cadence');
      }
      const scope = row.scope.toLowerCase() as TargetScope;
      if (!TARGET_SCOPES.includes(scope)) {
        return fail(ctx, 'BadTarget', `expected company, team or seller, got "${row.scope}"`, row.scope, 'scope');
      }
      if (scope !== 'company' && row.scope_id === '') {
        return fail(ctx, 'BadTarget', `a ${scope} target needs the ${scope} id`, '', 'scope_id');
      }
      const measure = row.measure.toLowerCase() as TargetMeasure;
      if (!TARGET_MEASURES.includes(measure)) {
        return fail(ctx, 'BadTarget', `unknown measure "${row.measure}" (known: ${TARGET_MEASURES.join(', ')})`, row.measure, 'measure');
      }
      if (row.value < 0) {
        return fail(ctx, 'NegativeAmount', RULES.NegativeAmount.message({ value: row.value }), String(row.value), 'value');
      }
      return {
        period,
        cadence,
        scope,
        scopeId: scope === 'company' ? '' : row.scope_id,
        measure,
        value: row.value,
      };
    });
}

export const targetsFile: FileSpec<TargetRow> = {
  file: 'targets.csv',
  required: false,
  columns: [
    { name: 'period', required: true },
    { name: 'cadence', required: false },
    { name: 'scope', required: true, aliases: ['level'] },
    { name: 'scope_id', required: false, aliases: ['team_or_seller', 'who'] },
    { name: 'measure', required: true, aliases: ['metric'] },
    { name: 'value', required: true, aliases: ['target', 'budget'] },
  ],
  schema: targetSchema,
};
