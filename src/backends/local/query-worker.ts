// A query worker thread: attaches to the shared quad index it is handed, then evaluates one query at a time for the pool.
import { parentPort, workerData } from 'node:worker_threads';
import { CasegraphError } from '../../errors/casegraph-error.js';
import type { PoolToWorker, WorkerData, WorkerToPool } from './query-pool.js';
import type { QuadIndexBuffers } from './quad-index-buffers.js';
import { lowerThreadPriority } from './lower-thread-priority.js';

const port = parentPort;
if (!port) throw new Error('query-worker must run as a worker thread');
const { baseIri, nice } = workerData as WorkerData;

// Before the heavy imports: a spare starting while runaways run must not take a core from the request thread either.
const priorityNote = lowerThreadPriority(nice);
// Imported only now, at the lowered priority (Comunica's take about a second), while the main thread loads the index.
const [{ QueryRunner }, { QuadIndex }, { QuadIndexSource }, { serializeAnswer }] = await Promise.all([
  import('../../engine/query-runner.js'),
  import('./quad-index.js'),
  import('./quad-index-source.js'),
  import('./serialize-answer.js'),
]);

const buffers = await new Promise<QuadIndexBuffers>((resolve) => {
  port.once('message', (message: PoolToWorker) => {
    if ('attach' in message) resolve(message.attach);
  });
});
// Attaching copies and parses nothing: the terms, and so blank node labels, are the shared dictionary's.
const index = QuadIndex.attach(buffers);
const runner = new QueryRunner(new QuadIndexSource(index), baseIri);

port.on('message', (message: PoolToWorker) => {
  if ('attach' in message) return;
  void evaluate(message);
});

async function evaluate(message: Exclude<PoolToWorker, { readonly attach: QuadIndexBuffers }>): Promise<void> {
  const { answer } = message.job;
  try {
    const result = await runner.run(message.job);
    if (!answer) {
      port?.postMessage({ id: message.id, ok: true, result } satisfies WorkerToPool);
      return;
    }
    const written = await serializeAnswer(result, answer);
    // The written bytes are moved to the pool, not copied.
    port?.postMessage({ id: message.id, ok: true, result: written } satisfies WorkerToPool, [written.body.buffer as ArrayBuffer]);
  } catch (error) {
    const known = error instanceof CasegraphError;
    const reply: WorkerToPool = {
      id: message.id,
      ok: false,
      error: {
        name: known ? error.name : 'Error',
        message: error instanceof Error ? error.message : String(error),
        location: known ? error.location : undefined,
      },
    };
    port?.postMessage(reply);
  }
}
// One throwaway query warms the engine's lazily built parts, so the first real query is not the slow one.
await runner.run({ query: 'ASK {}', maxResults: 1 });
port.postMessage({ ready: true, quads: index.size, priorityNote } satisfies WorkerToPool);
