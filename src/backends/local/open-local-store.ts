// Opens the local GraphStore: the dataset files in one shared quad index, read here by match() and queried by a pool of Comunica worker threads.
import type { Config } from '../../config/load-config.js';
import { BadRequestError } from '../../errors/casegraph-error.js';
import { QueryPool } from './query-pool.js';
import { decodeResult } from '../../engine/decode-result.js';
import { termCodec } from '../../engine/term-codec.js';
import type { AnswerRequest, GraphStore, QueryRequest, QueryResult, SerializedAnswer } from '../../store/graph-store.js';
import type { QueryJob } from '../../engine/query-runner.js';
import type { ProgressLine } from '../../dataset/progress-line.js';
import { loadQuadIndex } from './load-quad-index.js';
import { QuadIndex } from './quad-index.js';
import type { QuadIndexBuffers } from './quad-index-buffers.js';

export interface OpenStoreOptions {
  /** Shown while the dataset loads (`casegraph serve` passes one on stderr); silent when absent. */
  readonly progress?: ProgressLine;
  /** One line on why an index snapshot was not used or not written (serve prints it on stderr). */
  readonly log?: (line: string) => void;
  /** Lines only worth a look when debugging (serve logs them at debug level), e.g. why worker priorities stayed as they were. */
  readonly debug?: (line: string) => void;
}

/**
 * Loads ontology and data (failing fast on bad files) into the quad index once, straight from the parser or from a
 * snapshot of the same dataset version, and starts `config.workers` query workers that all attach to it. match()
 * reads the same index on this thread; no N3 store is kept (bench/README.md: it cost about 1.5 KB a triple).
 * query() always goes through the pool.
 */
export async function openLocalStore(config: Config, options: OpenStoreOptions = {}): Promise<GraphStore> {
  // The workers spawn first, so their Comunica imports run in their own threads while this one loads the index.
  let loaded: (value: QuadIndexBuffers) => void = () => undefined;
  let failed: (error: unknown) => void = () => undefined;
  const indexBuffers = new Promise<QuadIndexBuffers>((resolve, reject) => {
    loaded = resolve;
    failed = reject;
  });
  const starting = QueryPool.start({
    size: config.workers,
    index: indexBuffers,
    baseIri: config.baseIri,
    memoryMb: config.queryMemoryMb,
    nice: config.queryWorkerNice,
    debug: options.debug,
  });
  let dataset: ReturnType<typeof loadQuadIndex>;
  try {
    dataset = loadQuadIndex(config, options);
  } catch (error) {
    failed(error);
    await starting.catch(() => undefined);
    throw error;
  }
  loaded(dataset.buffers);
  const pool = await starting;
  const { buffers, graphs, version } = dataset;
  const index = QuadIndex.attach(buffers);
  const jobFor = (request: QueryRequest): { job: QueryJob; timeoutMs: number } => {
    const timeoutMs = lower(config.queryTimeoutMs, request.timeoutMs, 'timeout');
    const maxResults = lower(config.maxResults, request.maxResults, 'maxResults');
    const bindings = request.bindings ? Object.fromEntries(Object.entries(request.bindings).map(([name, term]) => [name, termCodec.encode(term)])) : undefined;
    return { job: { query: request.query, bindings, defaultGraphs: request.defaultGraphs, namedGraphs: request.namedGraphs, maxResults }, timeoutMs };
  };
  return {
    version,
    baseIri: config.baseIri,
    size: index.size,
    graphs,
    // The index answers on this thread at once; the port's promise and stream only wrap that answer.
    match: async (pattern) => index.match(pattern.subject, pattern.predicate, pattern.object, pattern.graph),
    async *matchStream(pattern) {
      yield* index.match(pattern.subject, pattern.predicate, pattern.object, pattern.graph);
    },
    async query(request: QueryRequest): Promise<QueryResult> {
      const { job, timeoutMs } = jobFor(request);
      return decodeResult(await pool.run(job, timeoutMs));
    },
    async answer(request: QueryRequest, answer: AnswerRequest): Promise<SerializedAnswer> {
      const { job, timeoutMs } = jobFor(request);
      return pool.run({ ...job, answer }, timeoutMs);
    },
    stats: () => ({ workerRestarts: pool.restarts }),
    close: () => pool.close(),
  };
}

/** A request may lower a limit, never raise it. */
function lower(limit: number, requested: number | undefined, name: string): number {
  if (requested === undefined) return limit;
  if (!Number.isInteger(requested) || requested < 1) {
    throw new BadRequestError(`${name} must be a positive whole number, got ${requested}`);
  }
  return Math.min(limit, requested);
}
