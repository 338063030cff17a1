/**
 * Worker-thread entry: reads the activity log (src/pipeline/activity-log/stream.ts) while the main
 * thread reads the deals, and sends it back packed (src/pipeline/activity-log/transfer.ts). It is
 * started early and loads its modules while the main thread reads users.csv and accounts.csv;
 * it reads once the main thread has sent their records (`{ kind: 'references' }`).
 *
 * With `share`, the main thread may cut activities.csv's end off while this thread reads it
 * (src/pipeline/activity-log/split.ts); the ids of the part read are sent back too.
 * Until the main thread has read the deals and sent the open deal ids, each row's deal is noted
 * (by fingerprint, with its date); then only the open deals are tracked. The thread waits for
 * them before it settles its facts: the main thread sends them, or stops the thread on failure.
 * Messages out: `{ kind: 'log', line }`, then `{ kind: 'done', log }` or `{ kind: 'failed', message }`.
 */
import { parentPort, workerData } from 'node:worker_threads';
import type { ByteRange } from '../../ingest/decode.ts';
import { planSources } from '../../presets/detect.ts';
import { FingerprintTable } from '../../speed/fingerprint-table.ts';
import { streamActivityLog } from './stream.ts';
import { ActivityColumns, packActivityLog, transferables } from './transfer.ts';
import type { WorkerInput, WorkerMessage, WorkerReferences, WorkerRequest } from './thread.ts';
import { SPECS } from '../specs.ts';

const port = parentPort!;
const input = workerData as WorkerInput;
const post = (message: WorkerMessage) => port.postMessage(message);

/** The open deals, named by the main thread once it has read deals.csv: only they are tracked. */
const openDeals = Promise.withResolvers<FingerprintTable>();
/** The shared log's bytes this thread reads: `end` moves back when the main thread takes the rest. */
const range: ByteRange = { start: 0, end: input.share?.bytes ?? 0 };
const cutDecided = Promise.withResolvers<void>();
const referencesGiven = Promise.withResolvers<WorkerReferences>();
port.on('message', (request: WorkerRequest) => {
  if (request.kind === 'references') {
    referencesGiven.resolve(request.references);
  } else if (request.kind === 'openDeals') {
    openDeals.resolve(new FingerprintTable(request.ids));
  } else if (request.kind === 'where') {
    post({ kind: 'where', read: range.read ?? range.start });
  } else {
    const accepted = request.end !== null && (range.read ?? range.start) <= request.end && request.end <= range.end;
    if (accepted) range.end = request.end!;
    post({ kind: 'cut', accepted });
    cutDecided.resolve();
  }
});

try {
  const plan = await planSources(input.dataDir, input.settings, SPECS);
  const references = await referencesGiven.promise;
  if (input.share?.waitForCut) await cutDecided.promise;
  const log = await streamActivityLog(
    {
      ...input,
      ...references,
      part: input.share ? { part: { range }, keepIds: true } : undefined,
      sources: plan.sources.filter((source) => source.target === 'activities'),
      trackDeals: openDeals.promise,
      log: (line) => post({ kind: 'log', line }),
    },
    new ActivityColumns(),
  );
  const packed = packActivityLog(log);
  port.postMessage({ kind: 'done', log: packed } satisfies WorkerMessage, transferables(packed));
} catch (error) {
  post({ kind: 'failed', message: error instanceof Error ? (error.stack ?? error.message) : String(error) });
}
