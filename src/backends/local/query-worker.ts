// A query worker thread: loads the dataset it is handed, then evaluates one query at a time for the pool.
import { parentPort, workerData } from 'node:worker_threads';
import { Parser, Store } from 'n3';
import type { Quad } from '@rdfjs/types';
import { CasegraphError } from '../../errors/casegraph-error.js';
import { QueryRunner } from '../../engine/query-runner.js';
import type { PoolToWorker, WorkerData, WorkerToPool } from './query-pool.js';

const port = parentPort;
if (!port) throw new Error('query-worker must run as a worker thread');
const { dataset, baseIri } = workerData as WorkerData;

// blankNodePrefix '' keeps the labels the pool wrote, so blank nodes are the same terms in every thread.
const quads = new Parser({ format: 'N-Quads', blankNodePrefix: '' }).parse(Buffer.from(dataset).toString('utf8')) as Quad[];
const store = new Store();
store.addQuads(quads);
const runner = new QueryRunner(store, baseIri);

port.on('message', (message: PoolToWorker) => {
  runner.run(message.job).then(
    (result) => port.postMessage({ id: message.id, ok: true, result } satisfies WorkerToPool),
    (error: unknown) => {
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
      port.postMessage(reply);
    },
  );
});
// One throwaway query warms the engine's lazily built parts, so the first real query is not the slow one.
await runner.run({ query: 'ASK {}', maxResults: 1 });
port.postMessage({ ready: true, quads: store.size } satisfies WorkerToPool);
