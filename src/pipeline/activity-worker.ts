/**
 * Worker-thread entry: reads the activity log (src/pipeline/activity-log.ts) while the main
 * thread reads the deals, and sends it back packed (src/pipeline/activity-transfer.ts). It is
 * started early and loads its modules while the main thread reads users.csv and accounts.csv;
 * it reads once the main thread has sent their records (`{ kind: 'references' }`).
 *
 * With `share`, the main thread may cut activities.csv's end off while this thread reads it
 * (src/pipeline/activity-split.ts); the ids of the part read are sent back too.
 * Until the main thread has read the deals, the last activity date of every deal is tracked;
 * when it sends the open deal ids, the others are dropped and no longer tracked.
 * Messages out: `{ kind: 'log', line }`, then `{ kind: 'done', log }` or `{ kind: 'failed', message }`.
 */
import { parentPort, workerData } from 'node:worker_threads';
import type { ByteRange } from '../ingest/decode.ts';
import { trackOnly, type ActivityFacts } from '../model/activity-facts.ts';
import { planSources } from '../presets/detect.ts';
import { IdTable } from '../schemas/id-table.ts';
import { readActivityLog } from './activity-log.ts';
import { ActivityColumns, packActivityLog, transferables } from './activity-transfer.ts';
import type { WorkerInput, WorkerMessage, WorkerReferences, WorkerRequest } from './activity-thread.ts';
import { SPECS } from './specs.ts';

const port = parentPort!;
const input = workerData as WorkerInput;
const post = (message: WorkerMessage) => port.postMessage(message);

let facts: ActivityFacts | undefined;
let openDeals: IdTable | undefined;
/** Tracks only the open deals from now on, and forgets the last dates of the others. */
function narrow(): void {
  if (facts && openDeals) trackOnly(facts, openDeals);
}
/** The shared log's bytes this thread reads: `end` moves back when the main thread takes the rest. */
const range: ByteRange = { start: 0, end: input.share?.bytes ?? 0 };
let released: () => void = () => {};
const cutDecided = new Promise<void>((resolve) => (released = resolve));
let referencesGiven: (references: WorkerReferences) => void = () => {};
const referencesReceived = new Promise<WorkerReferences>((resolve) => (referencesGiven = resolve));
port.on('message', (request: WorkerRequest) => {
  if (request.kind === 'references') {
    referencesGiven(request.references);
  } else if (request.kind === 'openDeals') {
    openDeals = new IdTable(request.ids);
    narrow();
  } else if (request.kind === 'where') {
    post({ kind: 'where', read: range.read ?? range.start });
  } else {
    const accepted = request.end !== null && (range.read ?? range.start) <= request.end && request.end <= range.end;
    if (accepted) range.end = request.end!;
    post({ kind: 'cut', accepted });
    released();
  }
});

try {
  const plan = await planSources(input.dataDir, input.settings, SPECS);
  const references = await referencesReceived;
  if (input.share?.waitForCut) await cutDecided;
  const log = await readActivityLog({
    ...input,
    ...references,
    part: input.share ? { part: { range }, keepIds: true } : undefined,
    sources: plan.sources.filter((source) => source.target === 'activities'),
    trackDeals: undefined,
    log: (line) => post({ kind: 'log', line }),
    onFacts: (started) => {
      facts = started;
      narrow();
    },
  }, new ActivityColumns());
  const packed = packActivityLog(log);
  port.postMessage({ kind: 'done', log: packed } satisfies WorkerMessage, transferables(packed));
} catch (error) {
  post({ kind: 'failed', message: error instanceof Error ? (error.stack ?? error.message) : String(error) });
}
