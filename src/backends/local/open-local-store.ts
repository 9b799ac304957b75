// Opens the local GraphStore: the dataset files in one N3 store, queried by a pool of Comunica worker threads.
import { Writer } from 'n3';
import type { Config } from '../../config/load-config.js';
import { BadRequestError } from '../../errors/casegraph-error.js';
import { QueryPool } from './query-pool.js';
import { decodeResult } from '../../engine/decode-result.js';
import { termCodec } from '../../engine/term-codec.js';
import type { GraphStore, QueryRequest, QueryResult } from '../../store/graph-store.js';
import { loadGraph } from '../../dataset/load-graph.js';
import type { ProgressLine } from '../../dataset/progress-line.js';

export interface OpenStoreOptions {
  /** Shown while the dataset loads (`casegraph serve` passes one on stderr); silent when absent. */
  readonly progress?: ProgressLine;
}

/**
 * Loads ontology and data (failing fast on bad files), then starts `config.workers` query workers that each
 * hold a copy of the dataset. match() answers from this thread; query() always goes through the pool.
 */
export async function openLocalStore(config: Config, options: OpenStoreOptions = {}): Promise<GraphStore> {
  const { store, graphs, version } = loadGraph({
    root: config.root,
    dirs: config.dataDirs,
    baseIri: config.baseIri,
    onProgress: options.progress?.onProgress,
  });
  options.progress?.finish();
  const nquads = new Writer({ format: 'N-Quads' }).quadsToString(store.getQuads(null, null, null, null));
  const pool = await QueryPool.start({ size: config.workers, nquads, baseIri: config.baseIri, memoryMb: config.queryMemoryMb });
  return {
    version,
    baseIri: config.baseIri,
    size: store.size,
    graphs,
    match: (pattern) => store.getQuads(pattern.subject ?? null, pattern.predicate ?? null, pattern.object ?? null, pattern.graph ?? null),
    async query(request: QueryRequest): Promise<QueryResult> {
      const timeoutMs = lower(config.queryTimeoutMs, request.timeoutMs, 'timeout');
      const maxResults = lower(config.maxResults, request.maxResults, 'maxResults');
      const bindings = request.bindings
        ? Object.fromEntries(Object.entries(request.bindings).map(([name, term]) => [name, termCodec.encode(term)]))
        : undefined;
      const job = { query: request.query, bindings, defaultGraphs: request.defaultGraphs, namedGraphs: request.namedGraphs, maxResults };
      return decodeResult(await pool.run(job, timeoutMs));
    },
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
