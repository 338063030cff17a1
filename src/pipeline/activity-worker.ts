/**
 * Worker-thread entry: reads the activity log (src/pipeline/activity-log.ts) while the main
 * thread reads the deals, and sends it back packed (src/pipeline/activity-transfer.ts).
 *
 * With `awaitPart`, it waits to be told which part of activities.csv to read (the main thread
 * reads the rest) and sends that part's ids back too.
 * Until the main thread has read the deals, the last activity date of every deal is tracked;
 * when it sends the open deal ids, the others are dropped and no longer tracked.
 * Messages out: `{ kind: 'log', line }`, then `{ kind: 'done', log }` or `{ kind: 'failed', message }`.
 */
import { parentPort, workerData } from 'node:worker_threads';
import type { CsvPart } from '../ingest/read-csv.ts';
import { trackOnly, type ActivityFacts } from '../model/activity-facts.ts';
import { planSources } from '../presets/detect.ts';
import { IdTable } from '../schemas/id-table.ts';
import { readActivityLog } from './activity-log.ts';
import { ActivityColumns, packActivityLog, transferables } from './activity-transfer.ts';
import type { WorkerInput, WorkerMessage, WorkerRequest } from './activity-thread.ts';
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
let partGiven: (part: CsvPart | undefined) => void = () => {};
const part = new Promise<CsvPart | undefined>((resolve) => (partGiven = resolve));
port.on('message', (request: WorkerRequest) => {
  if (request.kind === 'openDeals') {
    openDeals = new IdTable(request.ids);
    narrow();
  } else {
    partGiven(request.part);
  }
});

try {
  const plan = await planSources(input.dataDir, input.settings, SPECS);
  const first = input.awaitPart ? await part : undefined;
  const log = await readActivityLog({
    ...input,
    part: first ? { part: first, keepIds: true } : undefined,
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
