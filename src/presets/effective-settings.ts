/**
 * The settings one export is read with: the preset's defaults (its CRM's channel and activity
 * type values, its default stage names, its day order) merged UNDER the user's settings, which
 * always win. A preset stage alias is added only to a stage id the settings define, and only
 * when the settings do not already give that name to a stage.
 */
import { stageLookup } from '../schemas/deals.ts';
import { valueKey } from '../schemas/cells.ts';
import type { Settings } from '../settings/schema.ts';
import type { SourceAdapter } from './types.ts';

export function effectiveSettings(settings: Settings, adapter: SourceAdapter): Settings {
  let result = settings;
  if (adapter.channelMap) result = { ...result, channelMap: { ...adapter.channelMap, ...settings.channelMap } };
  if (adapter.activityTypeMap) {
    result = { ...result, activityTypeMap: { ...adapter.activityTypeMap, ...settings.activityTypeMap } };
  }
  if (adapter.dateOrder) result = { ...result, dateOrder: adapter.dateOrder };
  const aliases = adapter.stageAliases;
  if (aliases) {
    const known = stageLookup(settings);
    const stages = settings.stages.map((stage) => {
      const extra = Object.entries(aliases)
        .filter(([name, id]) => id === stage.id && !known.has(valueKey(name)))
        .map(([name]) => name);
      return extra.length === 0 ? stage : { ...stage, aliases: [...(stage.aliases ?? []), ...extra] };
    });
    result = { ...result, stages };
  }
  return result;
}
