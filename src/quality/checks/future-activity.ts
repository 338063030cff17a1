/**
 * FutureActivity: an activity dated strictly after as-of whose type is not a planned one
 * (`meeting_booked` carries the meeting's date, `task` its due date; both may lie ahead).
 */
import type { ActivityType } from '../../core/records.ts';
import type { Issue } from '../../core/issue.ts';
import type { QualityInput } from '../input.ts';
import { makeIssue } from '../../core/rules.ts';

export const PLANNED: ReadonlySet<ActivityType> = new Set(['meeting_booked', 'task']);

export function futureActivity({ records, asOf }: QualityInput): Issue[] {
  return records.activities
    .filter((activity) => activity.date > asOf && !PLANNED.has(activity.type))
    .map((activity) =>
      makeIssue(
        'FutureActivity',
        { type: activity.type, date: activity.date, asOf },
        { file: activity.file, line: activity.line, field: 'date', recordId: activity.id, ownerId: activity.ownerId },
      ),
    );
}
