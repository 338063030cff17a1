/** `funnel.csv`: top-of-funnel counts per ISO week (and optionally team). */
import { z } from 'zod';
import type { FunnelWeek } from '../core/records.ts';
import { isIsoWeek } from '../periods/iso-week.ts';
import { fail, optionalInteger, optionalText, requiredText } from './cells.ts';
import type { FileSpec } from './column.ts';

export type FunnelRow = Omit<FunnelWeek, 'file' | 'line'>;

const count = optionalInteger;

function funnelSchema() {
  return z
    .object({ week: requiredText, team: optionalText, visits: count, leads: count, nurture: count })
    .transform((row, ctx): FunnelRow => {
      const week = row.week.toUpperCase();
      if (!isIsoWeek(week)) return fail(ctx, 'BadDate', `expected an ISO week like 2026-W47, got "${row.week}"`, row.week, 'week');
      return { week, teamId: row.team, visits: row.visits ?? 0, leads: row.leads ?? 0, nurture: row.nurture ?? 0 };
    });
}

export const funnelFile: FileSpec<FunnelRow> = {
  file: 'funnel.csv',
  required: false,
  columns: [
    { name: 'week', required: true, aliases: ['iso_week'] },
    { name: 'team', required: false },
    { name: 'visits', required: true, aliases: ['sessions'] },
    { name: 'leads', required: true },
    { name: 'nurture', required: false },
  ],
  schema: funnelSchema,
};
