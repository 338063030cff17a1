/**
 * What every metric may know besides its records: the settings and the injected as-of date.
 * No metric reads the clock. Cuts (company, team, seller) are made by the caller, which passes
 * the already filtered records.
 */
import type { IsoDate } from '../core/records.ts';
import type { Settings, Stage } from '../settings/schema.ts';

export interface MetricContext {
  settings: Settings;
  asOf: IsoDate;
}

/** The stage definition for a canonical stage id (validation guarantees it exists). */
export function stageOf(settings: Settings, stageId: string): Stage | undefined {
  return settings.stages.find((stage) => stage.id === stageId);
}
