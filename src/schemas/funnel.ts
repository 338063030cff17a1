/** `funnel.csv`: top-of-funnel counts per ISO week (and optionally team). */
import type { FunnelWeek } from '../core/records.ts';
import { isIsoWeek } from '../periods/iso-week.ts';
import { rowSchema, type Finish } from './cells.ts';
import { cellKindsOf, columnSpecs, type ColumnTable, type FileSpec } from './column.ts';

export type FunnelRow = Omit<FunnelWeek, 'file' | 'line'>;

/** funnel.csv, one entry per column: its cell kind, whether the header must have it, its aliases. */
const FUNNEL_COLUMNS = [
  { name: 'week', kind: 'requiredText', required: true, aliases: ['iso_week'] },
  { name: 'team', kind: 'optionalText', required: false },
  { name: 'visits', kind: 'optionalInteger', required: true, aliases: ['sessions'] },
  { name: 'leads', kind: 'optionalInteger', required: true },
  { name: 'nurture', kind: 'optionalInteger', required: false },
] as const satisfies ColumnTable;

const FUNNEL_CELLS = cellKindsOf(FUNNEL_COLUMNS);

const finishWeek: Finish<typeof FUNNEL_CELLS, FunnelRow> = (row, fail) => {
  const week = row.week.toUpperCase();
  if (!isIsoWeek(week)) return fail('BadDate', `expected an ISO week like 2026-W47, got "${row.week}"`, row.week, 'week');
  return { week, teamId: row.team, visits: row.visits ?? 0, leads: row.leads ?? 0, nurture: row.nurture ?? 0 };
};

export const funnelFile: FileSpec<FunnelRow> = {
  file: 'funnel.csv',
  required: false,
  columns: columnSpecs(FUNNEL_COLUMNS),
  schema: (settings) => rowSchema(FUNNEL_CELLS, settings, finishWeek),
};
