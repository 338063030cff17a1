/**
 * An org's own opportunity stages, read from its `Opportunity.csv` so that custom stage names
 * need no aliases: each row says its `StageName`, where the stage stands (`StageSortOrder`),
 * whether it is closed and won (`IsClosed`, `IsWon`) and its win probability (`Probability`,
 * 0–100). Used only when the settings give no `stages` of their own (the defaults) and some open
 * stage of the export is none of the defaults nor Salesforce's standard stages.
 *
 * The stages made: the open ones ordered by `StageSortOrder` (then by name), each with the
 * probability most of its open deals carry (a seller may override one deal's), then the won
 * stages, then the lost ones; a won or lost stage the export lacks is taken from the defaults.
 *
 * When the export holds the org's stage definitions, `OpportunityStage.csv` (`MasterLabel`,
 * `ApiName`, `SortOrder`, `IsClosed`, `IsWon`, `DefaultProbability`, `ForecastCategoryName`,
 * `IsActive`), they decide instead, whenever the settings give no stages: every active stage, and
 * every inactive one some deal still carries, in `SortOrder` within open, won, lost, each with its
 * `DefaultProbability` and forecast category; a stage the deals carry that the file lacks (since
 * deleted) is added from Opportunity.csv as above. So a stage no deal is in yet still gets its
 * row in the stage tables.
 *
 * @example
 * // rows ("Förstudie", 1, open, 10), ("Behovsanalys", 2, open, 25), ("Avslutad – vunnen", 5, won)
 * // → stages Förstudie 0.1 open, Behovsanalys 0.25 open, Avslutad – vunnen 1 won, lost 0 lost
 */
import { join } from 'node:path';
import { parseNumber } from '../ingest/parse-number.ts';
import { readCsv } from '../ingest/read-csv.ts';
import { valueKey } from '../schemas/cells.ts';
import { stageLookup } from '../schemas/deals.ts';
import { DEFAULT_STAGES, stageSchema, type Settings, type Stage } from '../settings/schema.ts';
import { matchColumns } from './bind.ts';
import { effectiveSettings } from './effective-settings.ts';
import type { SourceAdapter } from './types.ts';
import { salesforceForecast } from './salesforce-values.ts';
import { isTrue, present } from './values.ts';

interface SeenStage {
  name: string;
  /** Other spellings of the stage (OpportunityStage's `ApiName` when it differs from the label). */
  aliases?: string[];
  /** OpportunityStage's `DefaultProbability` (0–100), which wins over the deals' own. */
  defaultProbability?: number;
  forecastCategory?: string;
  status: 'open' | 'won' | 'lost';
  sortOrder: number;
  /** Probability (0–100) → how many open deals carry it. */
  probabilities: Map<number, number>;
}

export interface DerivedStages {
  stages: Stage[];
  note: string;
}

/** True when the settings' stages are the defaults, i.e. the user set none. */
export function usesDefaultStages(settings: Settings): boolean {
  return (
    settings.stages.length === DEFAULT_STAGES.length &&
    settings.stages.every((stage, i) => stage.id === DEFAULT_STAGES[i]!.id && (stage.aliases ?? []).length === 0)
  );
}

function statusOf(won: string | undefined, closed: string | undefined): SeenStage['status'] {
  if (isTrue(won)) return 'won';
  return isTrue(closed) ? 'lost' : 'open';
}

/** Reads the stage columns of every (not deleted) row of the file. */
async function seenStages(path: string, file: string, adapter: SourceAdapter): Promise<Map<string, SeenStage>> {
  const seen = new Map<string, SeenStage>();
  let position: Record<string, number> = {};
  await readCsv(
    path,
    (row) => {
      const cell = (key: string) => (position[key] === undefined ? undefined : row.fields[position[key]!]);
      const name = present(cell('stage'));
      if (name === undefined || isTrue(cell('deleted'))) return;
      const key = valueKey(name);
      const status = statusOf(cell('won'), cell('closed'));
      const sort = parseNumber(cell('sortOrder') ?? '', { decimalSeparator: '.' });
      let stage = seen.get(key);
      if (!stage) {
        stage = { name, status, sortOrder: Number.POSITIVE_INFINITY, probabilities: new Map() };
        seen.set(key, stage);
      }
      if (sort.ok) stage.sortOrder = Math.min(stage.sortOrder, sort.value);
      const probability = parseNumber(cell('probability') ?? '', { decimalSeparator: '.' });
      if (status === 'open' && probability.ok && probability.value >= 0 && probability.value <= 100) {
        stage.probabilities.set(probability.value, (stage.probabilities.get(probability.value) ?? 0) + 1);
      }
    },
    { fileLabel: file, onHeader: (header) => (position = matchColumns(adapter, header).position) },
  );
  return seen;
}

/** The probability most open deals of the stage carry (the higher one on a tie), 0..1. */
function usualProbability(stage: SeenStage): number {
  let best: [number, number] | undefined;
  for (const [value, count] of stage.probabilities) {
    if (!best || count > best[1] || (count === best[1] && value > best[0])) best = [value, count];
  }
  return best === undefined ? 0 : best[0] / 100;
}

function ordered(stages: SeenStage[]): SeenStage[] {
  return stages.sort((a, b) => a.sortOrder - b.sortOrder || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

/** An OpportunityStage.csv's rows, each with whether it is active. */
async function definedStages(path: string, file: string, adapter: SourceAdapter): Promise<(SeenStage & { active: boolean })[]> {
  const defined: (SeenStage & { active: boolean })[] = [];
  let position: Record<string, number> = {};
  await readCsv(
    path,
    (row) => {
      const cell = (key: string) => (position[key] === undefined ? undefined : row.fields[position[key]!]);
      const name = present(cell('label')) ?? present(cell('apiName'));
      if (name === undefined) return;
      const apiName = present(cell('apiName'));
      const sort = parseNumber(cell('sortOrder') ?? '', { decimalSeparator: '.' });
      const probability = parseNumber(cell('probability') ?? '', { decimalSeparator: '.' });
      defined.push({
        name,
        aliases: apiName !== undefined && valueKey(apiName) !== valueKey(name) ? [apiName] : [],
        status: statusOf(cell('won'), cell('closed')),
        sortOrder: sort.ok ? sort.value : Number.POSITIVE_INFINITY,
        probabilities: new Map(),
        defaultProbability: probability.ok && probability.value >= 0 && probability.value <= 100 ? probability.value : undefined,
        forecastCategory: salesforceForecast(cell('forecastName')),
        active: cell('active') === undefined || isTrue(cell('active')),
      });
    },
    { fileLabel: file, onHeader: (header) => (position = matchColumns(adapter, header).position) },
  );
  return defined;
}

/** The org's stages: its definitions (active, or carried by a deal), then the deals' stages they lack. */
function fromDefinitions(defined: (SeenStage & { active: boolean })[], seen: Map<string, SeenStage>): SeenStage[] {
  const carried = (stage: SeenStage) => [stage.name, ...(stage.aliases ?? [])].some((name) => seen.has(valueKey(name)));
  const used = defined.filter((stage) => stage.active || carried(stage));
  const named = new Set(used.flatMap((stage) => [stage.name, ...(stage.aliases ?? [])].map(valueKey)));
  return [...used, ...[...seen.values()].filter((stage) => !named.has(valueKey(stage.name)))];
}

function toStage(stage: SeenStage): Stage {
  const probability =
    stage.status === 'won'
      ? 1
      : stage.status === 'lost'
        ? 0
        : stage.defaultProbability !== undefined
          ? stage.defaultProbability / 100
          : usualProbability(stage);
  const forecast = stageSchema.shape.forecastCategory.safeParse(stage.forecastCategory?.toLowerCase());
  return stageSchema.parse({
    id: stage.name,
    probability,
    status: stage.status,
    aliases: stage.aliases ?? [],
    ...(forecast.success && forecast.data !== undefined ? { forecastCategory: forecast.data } : {}),
  });
}

/** Open stages in order, then won, then lost; a status without any stage takes the defaults'. */
function stageList(all: SeenStage[]): Stage[] {
  const stages: Stage[] = ordered(all.filter((stage) => stage.status === 'open')).map(toStage);
  for (const status of ['won', 'lost'] as const) {
    const closed = ordered(all.filter((stage) => stage.status === status));
    const fallback = DEFAULT_STAGES.filter((stage) => stage.status === status).map((stage) => stageSchema.parse(stage));
    stages.push(...(closed.length > 0 ? closed.map(toStage) : fallback));
  }
  return stages;
}

function describe(stages: Stage[]): string {
  return stages.map((stage) => (stage.status === 'open' ? `${stage.id} ${Math.round(stage.probability * 100)} %` : `${stage.id} (${stage.status})`)).join(', ');
}

/**
 * The stages the export defines, when the settings have none of their own and the export's open
 * stages are not all known; undefined otherwise (the settings' stages are used as they are).
 */
export async function deriveSalesforceStages(
  dataDir: string,
  file: string,
  adapter: SourceAdapter,
  settings: Settings,
  definitions?: { file: string; adapter: SourceAdapter },
): Promise<DerivedStages | undefined> {
  if (!usesDefaultStages(settings)) return undefined;
  const seenByKey = await seenStages(join(dataDir, file), file, adapter);
  if (definitions) {
    const defined = await definedStages(join(dataDir, definitions.file), definitions.file, definitions.adapter);
    if (defined.length > 0) {
      const stages = stageList(fromDefinitions(defined, seenByKey));
      return { stages, note: `stages: ${describe(stages)} from ${definitions.file} (SortOrder, IsClosed, IsWon, DefaultProbability)` };
    }
  }
  const seen = [...seenByKey.values()];
  const known = stageLookup(effectiveSettings(settings, adapter));
  const open = seen.filter((stage) => stage.status === 'open');
  if (open.every((stage) => known.has(valueKey(stage.name)))) return undefined;
  const stages = stageList(seen);
  return { stages, note: `stages: ${describe(stages)} from ${file} (StageSortOrder, IsClosed, IsWon, Probability)` };
}
