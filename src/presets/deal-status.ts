/**
 * CRMs that keep won / lost apart from the stage name (Salesforce `IsWon`/`IsClosed`, Pipedrive
 * `Status`, HubSpot's "Closed Won" labels in any pipeline): the stage cell handed to the deals
 * schema. A stage name the settings know, with the same status, is kept (so several won stages
 * stay apart); otherwise a won or lost deal gets the settings' first won or lost stage. Open
 * deals keep their stage name, so an unknown one is still rejected as UnknownStage.
 */
import { stageLookup } from '../schemas/deals.ts';
import { valueKey } from '../schemas/cells.ts';
import type { Settings } from '../settings/schema.ts';

export type DealStatus = 'open' | 'won' | 'lost';

const lookups = new WeakMap<Settings, Map<string, string>>();

function lookup(settings: Settings): Map<string, string> {
  let map = lookups.get(settings);
  if (!map) {
    map = stageLookup(settings);
    lookups.set(settings, map);
  }
  return map;
}

/** The settings' stage a CRM stage name means, if any. */
export function knownStage(name: string | undefined, settings: Settings) {
  if (!name) return undefined;
  const id = lookup(settings).get(valueKey(name));
  return settings.stages.find((stage) => stage.id === id);
}

export function stageWithStatus(name: string | undefined, status: DealStatus | undefined, settings: Settings): string | undefined {
  if (status === undefined || status === 'open') return name;
  if (knownStage(name, settings)?.status === status) return name;
  return settings.stages.find((stage) => stage.status === status)?.id ?? name;
}

const WON = /closed\s*won|\bwon\b|vunnen|vunnet|vundet/i;
const LOST = /closed\s*lost|\blost\b|förlorad|förlorat|tabt|tapt/i;

/** Won or lost read from a stage label (`Closed Won`, `closedwon`, `Stängd vunnen`, `Lukket tabt`). */
export function statusFromLabel(label: string | undefined): DealStatus | undefined {
  if (!label) return undefined;
  if (LOST.test(label)) return 'lost';
  if (WON.test(label)) return 'won';
  return undefined;
}

/** Pipedrive's status word in English, Swedish, Danish or Norwegian. */
export function statusFromWord(word: string | undefined): DealStatus | 'deleted' | undefined {
  const key = (word ?? '').trim().toLowerCase();
  if (['won', 'vunnen', 'vunnet', 'vundet'].includes(key)) return 'won';
  if (['lost', 'förlorad', 'förlorat', 'tabt', 'tapt'].includes(key)) return 'lost';
  if (['open', 'öppen', 'öppet', 'åben', 'åpen', 'aktiv'].includes(key)) return 'open';
  if (['deleted', 'raderad', 'borttagen', 'slettet'].includes(key)) return 'deleted';
  return undefined;
}
