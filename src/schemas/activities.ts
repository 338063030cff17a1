/** `activities.csv`: one row per call, email, meeting, proposal… Types go through `activityTypeMap`. */
import { z } from 'zod';
import { ACTIVITY_TYPES, type Activity, type ActivityType } from '../model/types.ts';
import type { Settings } from '../settings/schema.ts';
import { requiredDate, optionalDate, fail, optionalNumber, optionalText, requiredText, valueKey, valueLookup } from './cells.ts';
import type { FileSpec } from './column.ts';

export type ActivityRow = Omit<Activity, 'file' | 'line'>;

export function activityTypeLookup(settings: Settings): Map<string, ActivityType> {
  return valueLookup<ActivityType>([
    ...ACTIVITY_TYPES.map((type) => [type, type] as [string, ActivityType]),
    ...Object.entries(settings.activityTypeMap),
  ]);
}

function activitySchema(settings: Settings) {
  const types = activityTypeLookup(settings);
  return z
    .object({
      id: optionalText,
      type: requiredText,
      date: requiredDate(settings),
      owner: requiredText,
      account_id: optionalText,
      deal_id: optionalText,
      duration_minutes: optionalNumber,
    })
    .transform((row, ctx): ActivityRow => {
      const type = types.get(valueKey(row.type));
      if (!type) {
        return fail(ctx, 'UnknownActivityType', `unknown activity type "${row.type}" (known: ${ACTIVITY_TYPES.join(', ')})`, row.type, 'type');
      }
      return {
        id: row.id ?? '',
        type,
        date: row.date,
        ownerId: row.owner,
        accountId: row.account_id,
        dealId: row.deal_id,
        durationMinutes: row.duration_minutes,
      };
    });
}

export const activitiesFile: FileSpec<ActivityRow> = {
  file: 'activities.csv',
  required: false,
  idColumn: 'id',
  columns: [
    { name: 'id', required: false, aliases: ['activity_id'] },
    { name: 'type', required: true, aliases: ['activity_type'] },
    { name: 'date', required: true, aliases: ['activity_date', 'due_date'] },
    { name: 'owner', required: true, aliases: ['owner_id', 'assigned_to'] },
    { name: 'account_id', required: false, aliases: ['account'] },
    { name: 'deal_id', required: false, aliases: ['deal'] },
    { name: 'duration_minutes', required: false, aliases: ['duration'] },
  ],
  schema: activitySchema,
};
